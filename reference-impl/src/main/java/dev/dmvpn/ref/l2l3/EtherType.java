package dev.dmvpn.ref.l2l3;

/**
 * The 16-bit type field of an Ethernet II frame, an 802.1Q tag or a Linux cooked header, as an open enum:
 * unknown values are kept. Values up to 1500 are not types but an IEEE 802.3 length (an LLC frame follows).
 *
 * @see <a href="https://www.iana.org/assignments/ieee-802-numbers">IANA IEEE 802 Numbers</a>
 */
public record EtherType(int value) {
  public static final EtherType IPV4 = new EtherType(0x0800);
  public static final EtherType ARP = new EtherType(0x0806);
  public static final EtherType TRANSPARENT_ETHERNET = new EtherType(0x6558);
  public static final EtherType RARP = new EtherType(0x8035);
  public static final EtherType VLAN = new EtherType(0x8100);
  public static final EtherType IPV6 = new EtherType(0x86dd);
  public static final EtherType PPP = new EtherType(0x880b);
  public static final EtherType MPLS = new EtherType(0x8847);
  public static final EtherType PPPOE_DISCOVERY = new EtherType(0x8863);
  public static final EtherType PPPOE_SESSION = new EtherType(0x8864);
  public static final EtherType QINQ = new EtherType(0x88a8);
  public static final EtherType ERSPAN = new EtherType(0x88be);
  public static final EtherType LLDP = new EtherType(0x88cc);
  public static final EtherType CISCO_METADATA = new EtherType(0x8909);
  public static final EtherType LOOPBACK = new EtherType(0x9000);
  public static final EtherType VLAN_9100 = new EtherType(0x9100);

  /** Largest value that is an IEEE 802.3 length rather than a type. */
  public static final int MAX_8023_LENGTH = 1500;

  /** The constant for a known value, otherwise a new instance; never throws. */
  public static EtherType valueOf(int value) {
    return switch (value) {
      case 0x0800 -> IPV4;
      case 0x0806 -> ARP;
      case 0x8100 -> VLAN;
      case 0x86dd -> IPV6;
      default -> new EtherType(value);
    };
  }

  /** True for the tag protocol identifiers that introduce an 802.1Q / 802.1ad tag. */
  public static boolean isVlanTpid(int value) {
    return value == 0x8100 || value == 0x88a8 || value == 0x9100;
  }

  /** True when the field is an 802.3 length (≤ 1500), not a type. */
  public boolean isLength() {
    return value <= MAX_8023_LENGTH;
  }

  public String name() {
    return switch (value) {
      case 0x0800 -> "ipv4";
      case 0x0806 -> "arp";
      case 0x6558 -> "transparent-ethernet";
      case 0x8035 -> "rarp";
      case 0x8100 -> "vlan";
      case 0x86dd -> "ipv6";
      case 0x880b -> "ppp";
      case 0x8847 -> "mpls";
      case 0x8863 -> "pppoe-discovery";
      case 0x8864 -> "pppoe-session";
      case 0x88a8 -> "qinq";
      case 0x88be -> "erspan";
      case 0x88cc -> "lldp";
      case 0x8909 -> "cisco-metadata";
      case 0x9000 -> "loopback";
      case 0x9100 -> "vlan-9100";
      default -> isLength() ? "802.3-length-" + value : "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name() + "(" + CodePoints.hex16(value) + ")";
  }
}
