package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * An address configured on an interface with its subnet, as in IOS {@code ip address 209.168.202.225
 * 255.255.255.224}.
 */
public record InterfaceAddress(Ipv4Address address, int prefixLength) {

  public InterfaceAddress {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length must be 0..32, got " + prefixLength);
    }
  }

  /** Parses {@code a.b.c.d/n}. */
  public static InterfaceAddress parse(String text) {
    Ipv4Prefix p = Ipv4Prefix.parse(text);
    return new InterfaceAddress(Ipv4Address.parse(text.substring(0, text.indexOf('/'))), p.length());
  }

  /** The connected subnet. */
  public Ipv4Prefix subnet() {
    return new Ipv4Prefix(address, prefixLength);
  }

  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }
}
