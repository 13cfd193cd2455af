package dev.dmvpn.ref.eigrp;

/**
 * The type of an EIGRP TLV as an open enum (the high byte is the protocol class: 0x00 general, 0x01 IPv4).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-6.6">RFC 7868 section 6.6</a>
 */
public record EigrpTlvType(int value) {
  public static final EigrpTlvType PARAMETERS = new EigrpTlvType(0x0001);
  public static final EigrpTlvType AUTHENTICATION = new EigrpTlvType(0x0002);
  public static final EigrpTlvType SEQUENCE = new EigrpTlvType(0x0003);
  public static final EigrpTlvType SOFTWARE_VERSION = new EigrpTlvType(0x0004);
  public static final EigrpTlvType NEXT_MULTICAST_SEQUENCE = new EigrpTlvType(0x0005);
  public static final EigrpTlvType PEER_TERMINATION = new EigrpTlvType(0x0007);
  public static final EigrpTlvType IPV4_INTERNAL = new EigrpTlvType(0x0102);
  public static final EigrpTlvType IPV4_EXTERNAL = new EigrpTlvType(0x0103);

  public EigrpTlvType {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException("EIGRP TLV type is two bytes: " + value);
    }
  }

  public static EigrpTlvType valueOf(int value) {
    return switch (value) {
      case 0x0001 -> PARAMETERS;
      case 0x0003 -> SEQUENCE;
      case 0x0004 -> SOFTWARE_VERSION;
      case 0x0005 -> NEXT_MULTICAST_SEQUENCE;
      case 0x0102 -> IPV4_INTERNAL;
      case 0x0103 -> IPV4_EXTERNAL;
      default -> new EigrpTlvType(value);
    };
  }

  public String name() {
    return switch (value) {
      case 0x0001 -> "parameters";
      case 0x0002 -> "authentication";
      case 0x0003 -> "sequence";
      case 0x0004 -> "software-version";
      case 0x0005 -> "next-multicast-sequence";
      case 0x0007 -> "peer-termination";
      case 0x0102 -> "ipv4-internal";
      case 0x0103 -> "ipv4-external";
      default -> String.format("unknown-0x%04x", value);
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
