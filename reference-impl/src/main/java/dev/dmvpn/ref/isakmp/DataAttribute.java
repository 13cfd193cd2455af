package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.Hex;
import java.util.Objects;

/**
 * An SA attribute in Type/Value (basic, AF=1, 2-byte value) or Type/Length/Value (variable, AF=0) form.
 * The form is part of the wire image (IOS sends 60 s as basic but 86400 s as a 4-byte variable attribute),
 * so it is kept rather than re-derived.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !A!       Attribute Type        !    AF=0  Attribute Length     !
 * !F!                             !    AF=1  Attribute Value      !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                   AF=0  Attribute Value                       .
 * .                   AF=1  Not Transmitted                       .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Phase 1 types are in {@link IkeAttributes}, phase 2 (IPsec DOI) types in {@link IpsecAttributes}.
 *
 * @param type attribute type, 15 bits
 * @param basic true for TV form (value exactly 2 bytes)
 * @param value the value bytes, stored as given (do not mutate)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.3">RFC 2408 section 3.3</a>
 */
public record DataAttribute(int type, boolean basic, byte[] value) {

  public DataAttribute {
    Objects.requireNonNull(value, "value");
    if (type < 0 || type > 0x7FFF) {
      throw new IllegalArgumentException("attribute type " + type + " does not fit 15 bits");
    }
    if (basic && value.length != 2) {
      throw new IllegalArgumentException("basic attribute needs a 2-byte value, got " + value.length);
    }
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException("attribute value of " + value.length + " bytes is too long");
    }
  }

  /** A basic (TV) attribute with a 16-bit value. */
  public static DataAttribute basic(int type, int value) {
    return new DataAttribute(type, true, new byte[] {(byte) (value >>> 8), (byte) value});
  }

  /** A variable (TLV) attribute. */
  public static DataAttribute variable(int type, byte[] value) {
    return new DataAttribute(type, false, value);
  }

  /**
   * The form IOS uses for numbers: basic when the value fits 16 bits, else variable with 4 bytes (8 if it
   * needs more), e.g. 86400 s becomes {@code 00 01 51 80}.
   */
  public static DataAttribute ofNumber(int type, long value) {
    if (value >= 0 && value <= 0xFFFF) {
      return basic(type, (int) value);
    }
    int n = (value >>> 32) == 0 ? 4 : 8;
    byte[] b = new byte[n];
    for (int i = n - 1; i >= 0; i--) {
      b[i] = (byte) value;
      value >>>= 8;
    }
    return variable(type, b);
  }

  /** The value as an unsigned big-endian number; throws ArithmeticException beyond 8 bytes. */
  public long longValue() {
    if (value.length > 8) {
      throw new ArithmeticException("attribute " + type + " value of " + value.length + " bytes exceeds a long");
    }
    long v = 0;
    for (byte b : value) {
      v = (v << 8) | (b & 0xFF);
    }
    return v;
  }

  /** Bytes this attribute takes on the wire. */
  public int wireLength() {
    return basic ? 4 : 4 + value.length;
  }

  @Override
  public String toString() {
    return "DataAttribute[type=" + type + (basic ? ", TV" : ", TLV") + ", value=" + Hex.of(value) + "]";
  }
}
