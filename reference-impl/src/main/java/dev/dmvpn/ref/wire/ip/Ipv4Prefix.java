package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * An IPv4 network: the address with its host bits cleared, and the prefix length (0..32).
 *
 * @param network the network address (host bits zero; the constructor clears them)
 * @param length prefix length, 0 for the default route
 */
public record Ipv4Prefix(Ipv4Address network, int length) {
  public static final Ipv4Prefix DEFAULT = new Ipv4Prefix(Ipv4Address.ANY, 0);

  public Ipv4Prefix {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length must be 0..32, got " + length);
    }
    network = new Ipv4Address(network.bits() & mask(length));
  }

  /** Parses {@code a.b.c.d/n}. */
  public static Ipv4Prefix parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a prefix (a.b.c.d/n): '" + text + "'");
    }
    try {
      return new Ipv4Prefix(Ipv4Address.parse(text.substring(0, slash)),
          Integer.parseInt(text.substring(slash + 1).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a prefix (a.b.c.d/n): '" + text + "'");
    }
  }

  /** The netmask of a prefix length as an int (0 for /0). */
  public static int mask(int length) {
    return length == 0 ? 0 : -1 << (32 - length);
  }

  public boolean contains(Ipv4Address a) {
    return (a.bits() & mask(length)) == network.bits();
  }

  /** The directed broadcast address (all host bits set). */
  public Ipv4Address broadcast() {
    return new Ipv4Address(network.bits() | ~mask(length));
  }

  @Override
  public String toString() {
    return network + "/" + length;
  }
}
