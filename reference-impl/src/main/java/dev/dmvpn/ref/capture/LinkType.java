package dev.dmvpn.ref.capture;

/**
 * A pcap LINKTYPE value (tcpdump.org/linktypes.html) as an open enum: unknown values are kept, not rejected.
 *
 * <p>Raw IP has three numbers in files: LINKTYPE_RAW (101) and the platform DLT_RAW values 12 and 14 that some
 * writers put in the header unmapped (libpcap and Wireshark read all three as raw IP).
 */
public record LinkType(int value) {
  /** BSD loopback, address family in the capturing host's byte order. */
  public static final LinkType NULL = new LinkType(0);
  public static final LinkType ETHERNET = new LinkType(1);
  /** DLT_RAW as most BSDs and Linux number it. */
  public static final LinkType RAW_12 = new LinkType(12);
  /** DLT_RAW as OpenBSD numbers it. */
  public static final LinkType RAW_14 = new LinkType(14);
  public static final LinkType RAW = new LinkType(101);
  /** OpenBSD loopback, address family in network byte order. */
  public static final LinkType LOOP = new LinkType(108);
  public static final LinkType LINUX_SLL = new LinkType(113);
  /** Raw IPv4 (no version check needed: IPv4 only). */
  public static final LinkType IPV4 = new LinkType(228);
  public static final LinkType LINUX_SLL2 = new LinkType(276);

  /** True for the link types whose frames start with the IP header. */
  public boolean isRawIp() {
    return value == 12 || value == 14 || value == 101 || value == 228;
  }

  public String name() {
    return switch (value) {
      case 0 -> "null";
      case 1 -> "ethernet";
      case 12, 14, 101 -> "raw";
      case 108 -> "loop";
      case 113 -> "linux-sll";
      case 228 -> "ipv4";
      case 276 -> "linux-sll2";
      default -> "linktype-" + value;
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
