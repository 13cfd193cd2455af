package dev.dmvpn.ref.l2l3;

/**
 * An ARP hardware type (RFC 826 ar$hrd, IANA "Hardware Types") or Linux ARPHRD_* value (the Linux cooked
 * capture header's second field): one number space below 256, Linux-only values above. Open enum.
 *
 * @see <a href="https://www.iana.org/assignments/arp-parameters">IANA ARP Parameters</a>
 */
public record HardwareType(int value) {
  public static final HardwareType ETHERNET = new HardwareType(1);
  public static final HardwareType IEEE802 = new HardwareType(6);
  /** ARPHRD_LOOPBACK */
  public static final HardwareType LOOPBACK = new HardwareType(772);
  /** ARPHRD_SIT: IPv6-in-IPv4 */
  public static final HardwareType SIT = new HardwareType(776);
  /** ARPHRD_IPGRE: a GRE tunnel device (the cooked protocol field then holds the GRE protocol type) */
  public static final HardwareType IPGRE = new HardwareType(778);
  /** ARPHRD_NONE: a device without a link-layer header (tun, wireguard) */
  public static final HardwareType NONE = new HardwareType(0xFFFE);

  /** The constant for a known value, otherwise a new instance; never throws. */
  public static HardwareType valueOf(int value) {
    return switch (value) {
      case 1 -> ETHERNET;
      case 772 -> LOOPBACK;
      case 778 -> IPGRE;
      default -> new HardwareType(value);
    };
  }

  public String name() {
    return switch (value) {
      case 1 -> "ethernet";
      case 6 -> "ieee802";
      case 772 -> "loopback";
      case 776 -> "sit";
      case 778 -> "ipgre";
      case 0xFFFE -> "none";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name() + "(" + value + ")";
  }
}
