package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * An IPv4 prefix with its host bits cleared, e.g. {@code 2.2.2.0/24}; the key of the NHRP cache.
 *
 * @param address the network address (host bits zero)
 * @param length the prefix length, 0-32
 */
public record NhrpPrefix(Ipv4Address address, int length) {

  public NhrpPrefix {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length must be 0-32, got " + length);
    }
    if ((address.bits() & ~mask(length)) != 0) {
      throw new IllegalArgumentException(
          "prefix " + address + "/" + length + " has host bits set (use NhrpPrefix.of to clear them)");
    }
  }

  /** The prefix of {@code length} bits containing {@code address} (host bits cleared). */
  public static NhrpPrefix of(Ipv4Address address, int length) {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length must be 0-32, got " + length);
    }
    return new NhrpPrefix(new Ipv4Address(address.bits() & mask(length)), length);
  }

  /** A /32 host prefix. */
  public static NhrpPrefix host(Ipv4Address address) {
    return new NhrpPrefix(address, 32);
  }

  /** Parses {@code "2.2.2.0/24"} (host bits cleared) or a bare address as /32. */
  public static NhrpPrefix parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return host(Ipv4Address.parse(text));
    }
    int length;
    try {
      length = Integer.parseInt(text.substring(slash + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a prefix: '" + text + "'");
    }
    return of(Ipv4Address.parse(text.substring(0, slash)), length);
  }

  /** The netmask of a prefix length as an int (0 for /0). */
  public static int mask(int length) {
    return length == 0 ? 0 : -1 << (32 - length);
  }

  public boolean contains(Ipv4Address a) {
    return (a.bits() & mask(length)) == address.bits();
  }

  @Override
  public String toString() {
    return address + "/" + length;
  }
}
