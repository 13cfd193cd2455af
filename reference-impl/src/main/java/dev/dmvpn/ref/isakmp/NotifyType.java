package dev.dmvpn.ref.isakmp;

/**
 * Notify message type (RFC 2408 section 3.14.1 errors 1-30 and status 16384; IPsec DOI status 24576-24578;
 * RFC 3706 DPD 36136/36137) as an open enum: unknown values are named {@code unknown-N}.
 *
 * @param value the 16-bit wire value
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.14.1">RFC 2408 section 3.14.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2407#section-4.6.3">RFC 2407 section 4.6.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3706#section-5.1">RFC 3706 section 5.1</a>
 */
public record NotifyType(int value) {
  public static final NotifyType INVALID_PAYLOAD_TYPE = new NotifyType(1);
  public static final NotifyType NO_PROPOSAL_CHOSEN = new NotifyType(14);
  public static final NotifyType PAYLOAD_MALFORMED = new NotifyType(16);
  public static final NotifyType INVALID_ID_INFORMATION = new NotifyType(18);
  public static final NotifyType INVALID_HASH_INFORMATION = new NotifyType(23);
  public static final NotifyType AUTHENTICATION_FAILED = new NotifyType(24);
  public static final NotifyType RESPONDER_LIFETIME = new NotifyType(24576);
  public static final NotifyType REPLAY_STATUS = new NotifyType(24577);
  public static final NotifyType INITIAL_CONTACT = new NotifyType(24578);
  public static final NotifyType R_U_THERE = new NotifyType(36136);
  public static final NotifyType R_U_THERE_ACK = new NotifyType(36137);

  /** The constant for the values above, else a new instance; never throws. */
  public static NotifyType valueOf(int value) {
    return switch (value) {
      case 1 -> INVALID_PAYLOAD_TYPE;
      case 14 -> NO_PROPOSAL_CHOSEN;
      case 16 -> PAYLOAD_MALFORMED;
      case 18 -> INVALID_ID_INFORMATION;
      case 23 -> INVALID_HASH_INFORMATION;
      case 24 -> AUTHENTICATION_FAILED;
      case 24576 -> RESPONDER_LIFETIME;
      case 24577 -> REPLAY_STATUS;
      case 24578 -> INITIAL_CONTACT;
      case 36136 -> R_U_THERE;
      case 36137 -> R_U_THERE_ACK;
      default -> new NotifyType(value);
    };
  }

  /** True for RFC 2408 error types (1..16383). */
  public boolean isError() {
    return value >= 1 && value < 16384;
  }

  public String name() {
    if (value >= 1 && value <= 30) {
      return ERROR_NAMES[value];
    }
    return switch (value) {
      case 16384 -> "CONNECTED";
      case 24576 -> "RESPONDER-LIFETIME";
      case 24577 -> "REPLAY-STATUS";
      case 24578 -> "INITIAL-CONTACT";
      case 36136 -> "R-U-THERE";
      case 36137 -> "R-U-THERE-ACK";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name();
  }

  /** RFC 2408 section 3.14.1, indexed by value. */
  private static final String[] ERROR_NAMES = {
    null,
    "INVALID-PAYLOAD-TYPE",
    "DOI-NOT-SUPPORTED",
    "SITUATION-NOT-SUPPORTED",
    "INVALID-COOKIE",
    "INVALID-MAJOR-VERSION",
    "INVALID-MINOR-VERSION",
    "INVALID-EXCHANGE-TYPE",
    "INVALID-FLAGS",
    "INVALID-MESSAGE-ID",
    "INVALID-PROTOCOL-ID",
    "INVALID-SPI",
    "INVALID-TRANSFORM-ID",
    "ATTRIBUTES-NOT-SUPPORTED",
    "NO-PROPOSAL-CHOSEN",
    "BAD-PROPOSAL-SYNTAX",
    "PAYLOAD-MALFORMED",
    "INVALID-KEY-INFORMATION",
    "INVALID-ID-INFORMATION",
    "INVALID-CERT-ENCODING",
    "INVALID-CERTIFICATE",
    "CERT-TYPE-UNSUPPORTED",
    "INVALID-CERT-AUTHORITY",
    "INVALID-HASH-INFORMATION",
    "AUTHENTICATION-FAILED",
    "INVALID-SIGNATURE",
    "ADDRESS-NOTIFICATION",
    "NOTIFY-SA-LIFETIME",
    "CERTIFICATE-UNAVAILABLE",
    "UNSUPPORTED-EXCHANGE-TYPE",
    "UNEQUAL-PAYLOAD-LENGTHS",
  };
}
