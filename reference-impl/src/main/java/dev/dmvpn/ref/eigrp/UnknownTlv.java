package dev.dmvpn.ref.eigrp;

import java.util.Arrays;
import java.util.HexFormat;

/** A TLV this codec does not interpret (authentication, IPv6, wide metrics...): kept as bytes, re-encoded as is. */
public record UnknownTlv(EigrpTlvType type, byte[] value) implements EigrpTlv {
  public UnknownTlv {
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownTlv u && u.type.equals(type) && Arrays.equals(u.value, value);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "UnknownTlv[" + type + ", " + HexFormat.of().formatHex(value) + "]";
  }
}
