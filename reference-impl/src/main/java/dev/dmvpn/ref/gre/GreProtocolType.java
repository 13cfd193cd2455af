package dev.dmvpn.ref.gre;

/**
 * The GRE Protocol Type field (an EtherType, RFC 2784 section 2.4) as an open enum: unknown values are kept.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2784#section-2.4">RFC 2784 section 2.4</a>
 */
public record GreProtocolType(int value) {
  /** Cisco GRE keepalive replies carry an inner GRE header with type 0 (Wireshark: "possible keepalive"). */
  public static final GreProtocolType KEEPALIVE = new GreProtocolType(0x0000);
  public static final GreProtocolType IPV4 = new GreProtocolType(0x0800);
  public static final GreProtocolType ARP = new GreProtocolType(0x0806);
  /** Cisco Discovery Protocol over a tunnel. */
  public static final GreProtocolType CDP = new GreProtocolType(0x2000);
  /** NHRP (FRR nhrpd ETH_P_NHRP); what DMVPN control traffic uses. */
  public static final GreProtocolType NHRP = new GreProtocolType(0x2001);
  /** ERSPAN type III. */
  public static final GreProtocolType ERSPAN_III = new GreProtocolType(0x22eb);
  public static final GreProtocolType TRANSPARENT_ETHERNET = new GreProtocolType(0x6558);
  public static final GreProtocolType IPV6 = new GreProtocolType(0x86dd);
  /** PPP, as carried by PPTP's enhanced GRE (version 1, RFC 2637). */
  public static final GreProtocolType PPP = new GreProtocolType(0x880b);
  public static final GreProtocolType MPLS = new GreProtocolType(0x8847);
  /** ERSPAN type II. */
  public static final GreProtocolType ERSPAN_II = new GreProtocolType(0x88be);
  /** Cisco MetaData (TrustSec SGT header, 8 bytes, then the inner packet). */
  public static final GreProtocolType CISCO_METADATA = new GreProtocolType(0x8909);

  /** The constant for a known value, otherwise a new instance; never throws. */
  public static GreProtocolType valueOf(int value) {
    return switch (value) {
      case 0x0000 -> KEEPALIVE;
      case 0x0800 -> IPV4;
      case 0x2001 -> NHRP;
      case 0x86dd -> IPV6;
      case 0x880b -> PPP;
      case 0x8909 -> CISCO_METADATA;
      default -> new GreProtocolType(value);
    };
  }

  public String name() {
    return switch (value) {
      case 0x0000 -> "keepalive";
      case 0x0800 -> "ipv4";
      case 0x0806 -> "arp";
      case 0x2000 -> "cdp";
      case 0x2001 -> "nhrp";
      case 0x22eb -> "erspan-iii";
      case 0x6558 -> "transparent-ethernet";
      case 0x86dd -> "ipv6";
      case 0x880b -> "ppp";
      case 0x8847 -> "mpls";
      case 0x88be -> "erspan-ii";
      case 0x8909 -> "cisco-metadata";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    String hex = Integer.toHexString(value | 0x10000).substring(1);
    return name() + "(0x" + hex + ")";
  }
}
