package dev.dmvpn.topology;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * An address with its prefix length ({@code 209.168.202.225/27}), as testbeds and pyATS write interface addresses.
 *
 * @param address the address (host bits may be set: it is an interface address)
 * @param prefixLength 0 to 32
 */
public record Ipv4Cidr(Ipv4Address address, int prefixLength) {

  public Ipv4Cidr {
    if (address == null) {
      throw new IllegalArgumentException("address is required");
    }
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " is not 0..32");
    }
  }

  /** Parses {@code a.b.c.d/n}; throws {@link IllegalArgumentException} naming the bad text. */
  public static Ipv4Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("'" + text + "' is not address/prefix-length (e.g. 10.0.0.1/24)");
    }
    Ipv4Address address = Ipv4Address.parse(text.substring(0, slash));
    int length;
    try {
      length = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' has no numeric prefix length");
    }
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0..32");
    }
    return new Ipv4Cidr(address, length);
  }

  public int maskBits() {
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  public Ipv4Address mask() {
    return new Ipv4Address(maskBits());
  }

  /** The network address (host bits cleared). */
  public Ipv4Address network() {
    return new Ipv4Address(address.bits() & maskBits());
  }

  /** This prefix with the host bits cleared ({@code 209.168.202.224/27}). */
  public Ipv4Cidr subnet() {
    return new Ipv4Cidr(network(), prefixLength);
  }

  public boolean contains(Ipv4Address other) {
    return (other.bits() & maskBits()) == network().bits();
  }

  /** True when the address is the network or the broadcast address of a prefix shorter than /31. */
  public boolean isNetworkOrBroadcast() {
    if (prefixLength >= 31) {
      return false;
    }
    int host = address.bits() & ~maskBits();
    return host == 0 || host == ~maskBits();
  }

  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }
}
