package dev.dmvpn.ref.nhrp;

/**
 * Extension type (the low 14 bits of the extension type word), an open enum.
 *
 * @param value the 14-bit code point
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.3">RFC 2332 section 5.3</a>; type 9 is
 *     Cisco's NAT address extension (protocol-notes 2.5)
 */
public record NhrpExtensionType(int value) {
  public static final NhrpExtensionType END = new NhrpExtensionType(0);
  public static final NhrpExtensionType RESPONDER_ADDRESS = new NhrpExtensionType(3);
  public static final NhrpExtensionType FORWARD_TRANSIT_NHS = new NhrpExtensionType(4);
  public static final NhrpExtensionType REVERSE_TRANSIT_NHS = new NhrpExtensionType(5);
  public static final NhrpExtensionType AUTHENTICATION = new NhrpExtensionType(7);
  public static final NhrpExtensionType VENDOR_PRIVATE = new NhrpExtensionType(8);
  public static final NhrpExtensionType CISCO_NAT_ADDRESS = new NhrpExtensionType(9);

  /** The shared constant for a known value, a new instance otherwise; never throws. */
  public static NhrpExtensionType valueOf(int value) {
    return switch (value) {
      case 0 -> END;
      case 3 -> RESPONDER_ADDRESS;
      case 4 -> FORWARD_TRANSIT_NHS;
      case 5 -> REVERSE_TRANSIT_NHS;
      case 7 -> AUTHENTICATION;
      case 8 -> VENDOR_PRIVATE;
      case 9 -> CISCO_NAT_ADDRESS;
      default -> new NhrpExtensionType(value);
    };
  }

  /** The label, e.g. {@code "forward-transit-nhs-record"}, or {@code "unknown-N"}. */
  public String name() {
    return switch (value) {
      case 0 -> "end";
      case 3 -> "responder-address";
      case 4 -> "forward-transit-nhs-record";
      case 5 -> "reverse-transit-nhs-record";
      case 7 -> "authentication";
      case 8 -> "vendor-private";
      case 9 -> "cisco-nat-address";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
