package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;

/**
 * A 48-bit IEEE MAC address as an immutable value, kept in the low 48 bits of a long so that equality and
 * hashing are by value and decoding allocates nothing but the record.
 *
 * @param bits the address in the low 48 bits (first octet on the wire is bits 47..40)
 */
public record MacAddress(long bits) {
  public static final MacAddress ZERO = new MacAddress(0L);
  public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  public MacAddress {
    if ((bits >>> 48) != 0) {
      throw new IllegalArgumentException("MAC address has more than 48 bits: 0x" + Long.toHexString(bits));
    }
  }

  /** The address in {@code b[off, off+6)}. */
  public static MacAddress of(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 6; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return new MacAddress(v);
  }

  /** The address in a 6-byte array; throws {@link IllegalArgumentException} on any other length. */
  public static MacAddress of(byte[] b) {
    if (b.length != 6) {
      throw new IllegalArgumentException("MAC address needs 6 bytes, got " + b.length);
    }
    return of(b, 0);
  }

  /** Parses "aa:bb:cc:dd:ee:ff" (also '-' separated); throws {@link IllegalArgumentException} on bad text. */
  public static MacAddress parse(String text) {
    String t = text.strip();
    if (t.length() != 17) {
      throw new IllegalArgumentException("not a MAC address: '" + text + "'");
    }
    long v = 0;
    for (int i = 0; i < 6; i++) {
      int hi = Character.digit(t.charAt(3 * i), 16);
      int lo = Character.digit(t.charAt(3 * i + 1), 16);
      boolean badSeparator = i < 5 && t.charAt(3 * i + 2) != ':' && t.charAt(3 * i + 2) != '-';
      if (hi < 0 || lo < 0 || badSeparator) {
        throw new IllegalArgumentException("not a MAC address: '" + text + "'");
      }
      v = (v << 8) | (hi << 4) | lo;
    }
    return new MacAddress(v);
  }

  /** Reads 6 bytes; {@code what} names the field in the error if the reader runs out. */
  public static MacAddress read(ByteReader r, String what) {
    long hi = r.u16(what);
    long lo = r.u32(what);
    return new MacAddress((hi << 32) | lo);
  }

  public void write(ByteWriter w) {
    w.u16((int) (bits >>> 32)).i32((int) bits);
  }

  public byte[] toBytes() {
    byte[] out = new byte[6];
    for (int i = 0; i < 6; i++) {
      out[i] = (byte) (bits >>> (40 - 8 * i));
    }
    return out;
  }

  /** The I/G bit of the first octet: group (multicast or broadcast) address. */
  public boolean isMulticast() {
    return ((bits >>> 40) & 1) != 0;
  }

  public boolean isBroadcast() {
    return bits == BROADCAST.bits;
  }

  @Override
  public String toString() {
    char[] out = new char[17];
    for (int i = 0; i < 6; i++) {
      int v = (int) (bits >>> (40 - 8 * i)) & 0xFF;
      out[3 * i] = DIGITS[v >>> 4];
      out[3 * i + 1] = DIGITS[v & 0xF];
      if (i < 5) {
        out[3 * i + 2] = ':';
      }
    }
    return new String(out);
  }
}
