package dev.dmvpn.ref.l2l3;

/**
 * The 4-byte BSD loopback header that precedes the IP packet in LINKTYPE_NULL (0) and LINKTYPE_LOOP (108)
 * captures: the packet's address family. LINKTYPE_NULL writes it in the capturing host's byte order, LINKTYPE_LOOP
 * (OpenBSD) always in network order (tcpdump.org LINKTYPE_NULL / LINKTYPE_LOOP).
 *
 * @param family the address family ({@link BsdAddressFamily#INET} = 2 for IPv4)
 * @param networkOrder true when the field was read big-endian (always for LOOP; for NULL when the capturing host
 *     was big-endian)
 */
public record LoopbackHeader(BsdAddressFamily family, boolean networkOrder) {
  public static final int LENGTH = 4;
}
