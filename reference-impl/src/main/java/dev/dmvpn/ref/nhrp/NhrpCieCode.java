package dev.dmvpn.ref.nhrp;

/**
 * CIE code, an open enum: 0 is success in requests and replies, the others are reply failure codes.
 *
 * @param value the 8-bit code point
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.2.0.1">RFC 2332 section 5.2.0.1</a>, 5.2.2,
 *     5.2.4
 */
public record NhrpCieCode(int value) {
  public static final NhrpCieCode SUCCESS = new NhrpCieCode(0);
  public static final NhrpCieCode ADMINISTRATIVELY_PROHIBITED = new NhrpCieCode(4);
  public static final NhrpCieCode INSUFFICIENT_RESOURCES = new NhrpCieCode(5);
  public static final NhrpCieCode NO_BINDING = new NhrpCieCode(11);
  public static final NhrpCieCode BINDING_NOT_UNIQUE = new NhrpCieCode(13);
  public static final NhrpCieCode UNIQUE_ADDRESS_REGISTERED = new NhrpCieCode(14);

  /** The shared constant for a known value, a new instance otherwise; never throws. */
  public static NhrpCieCode valueOf(int value) {
    return switch (value) {
      case 0 -> SUCCESS;
      case 4 -> ADMINISTRATIVELY_PROHIBITED;
      case 5 -> INSUFFICIENT_RESOURCES;
      case 11 -> NO_BINDING;
      case 13 -> BINDING_NOT_UNIQUE;
      case 14 -> UNIQUE_ADDRESS_REGISTERED;
      default -> new NhrpCieCode(value);
    };
  }

  /** The label, e.g. {@code "success"}, or {@code "unknown-N"}. */
  public String name() {
    return switch (value) {
      case 0 -> "success";
      case 4 -> "administratively-prohibited";
      case 5 -> "insufficient-resources";
      case 11 -> "no-binding";
      case 13 -> "binding-not-unique";
      case 14 -> "unique-address-already-registered";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
