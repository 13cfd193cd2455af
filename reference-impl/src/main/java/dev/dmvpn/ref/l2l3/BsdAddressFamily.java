package dev.dmvpn.ref.l2l3;

/**
 * The address family in a BSD loopback header (LINKTYPE_NULL / LINKTYPE_LOOP): the capturing OS's
 * {@code AF_*} value. IPv4 is 2 everywhere; IPv6 differs by OS (24 NetBSD/OpenBSD/BSD/OS, 28 FreeBSD, 30 Darwin),
 * per tcpdump.org's LINKTYPE_NULL page. Open enum: unknown values are kept.
 */
public record BsdAddressFamily(int value) {
  public static final BsdAddressFamily INET = new BsdAddressFamily(2);

  public static BsdAddressFamily valueOf(int value) {
    return value == 2 ? INET : new BsdAddressFamily(value);
  }

  public boolean isIpv6() {
    return value == 24 || value == 28 || value == 30;
  }

  public String name() {
    return value == 2 ? "inet" : isIpv6() ? "inet6" : "unknown-" + value;
  }

  @Override
  public String toString() {
    return name();
  }
}
