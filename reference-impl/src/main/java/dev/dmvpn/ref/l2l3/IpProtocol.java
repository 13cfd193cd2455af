package dev.dmvpn.ref.l2l3;

/**
 * The IPv4 Protocol field as an open enum: unknown numbers are kept.
 *
 * @see <a href="https://www.iana.org/assignments/protocol-numbers">IANA Protocol Numbers</a>
 */
public record IpProtocol(int value) {
  public static final IpProtocol ICMP = new IpProtocol(1);
  public static final IpProtocol IGMP = new IpProtocol(2);
  public static final IpProtocol IPIP = new IpProtocol(4);
  public static final IpProtocol TCP = new IpProtocol(6);
  public static final IpProtocol UDP = new IpProtocol(17);
  public static final IpProtocol IPV6 = new IpProtocol(41);
  public static final IpProtocol GRE = new IpProtocol(47);
  public static final IpProtocol ESP = new IpProtocol(50);
  public static final IpProtocol AH = new IpProtocol(51);
  /** RFC 2332 NHRP directly over IP ("NARP"); DMVPN carries NHRP in GRE instead. */
  public static final IpProtocol NHRP = new IpProtocol(54);
  public static final IpProtocol ICMPV6 = new IpProtocol(58);
  public static final IpProtocol EIGRP = new IpProtocol(88);
  public static final IpProtocol OSPF = new IpProtocol(89);
  public static final IpProtocol PIM = new IpProtocol(103);
  public static final IpProtocol VRRP = new IpProtocol(112);
  public static final IpProtocol L2TP = new IpProtocol(115);
  public static final IpProtocol SCTP = new IpProtocol(132);

  /** The constant for a known value, otherwise a new instance; never throws. */
  public static IpProtocol valueOf(int value) {
    return switch (value) {
      case 1 -> ICMP;
      case 6 -> TCP;
      case 17 -> UDP;
      case 47 -> GRE;
      case 50 -> ESP;
      case 51 -> AH;
      default -> new IpProtocol(value);
    };
  }

  public String name() {
    return switch (value) {
      case 1 -> "icmp";
      case 2 -> "igmp";
      case 4 -> "ipip";
      case 6 -> "tcp";
      case 17 -> "udp";
      case 41 -> "ipv6";
      case 47 -> "gre";
      case 50 -> "esp";
      case 51 -> "ah";
      case 54 -> "nhrp";
      case 58 -> "icmpv6";
      case 88 -> "eigrp";
      case 89 -> "ospf";
      case 103 -> "pim";
      case 112 -> "vrrp";
      case 115 -> "l2tp";
      case 132 -> "sctp";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name() + "(" + value + ")";
  }
}
