package dev.dmvpn.ref.capture;

/**
 * A pcap LINKTYPE value (tcpdump.org/linktypes.html) as an open enum: unknown values are kept, not rejected.
 */
public record LinkType(int value) {
  public static final LinkType NULL = new LinkType(0);
  public static final LinkType ETHERNET = new LinkType(1);
  public static final LinkType RAW = new LinkType(101);
  public static final LinkType LINUX_SLL = new LinkType(113);

  public String name() {
    return switch (value) {
      case 0 -> "null";
      case 1 -> "ethernet";
      case 101 -> "raw";
      case 113 -> "linux-sll";
      default -> "linktype-" + value;
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
