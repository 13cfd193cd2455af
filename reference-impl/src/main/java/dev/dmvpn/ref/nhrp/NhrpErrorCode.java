package dev.dmvpn.ref.nhrp;

/**
 * Error Indication error code, an open enum. Uses the RFC numbering (FRR's LOOP_DETECTED = 2 and rockhopper's
 * HOP_CNT_EXCEEDED = 12 disagree with the RFC text; see protocol-notes 2.2).
 *
 * @param value the 16-bit code point
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.2.7">RFC 2332 section 5.2.7</a>
 */
public record NhrpErrorCode(int value) {
  public static final NhrpErrorCode UNRECOGNIZED_EXTENSION = new NhrpErrorCode(1);
  public static final NhrpErrorCode LOOP_DETECTED = new NhrpErrorCode(3);
  public static final NhrpErrorCode PROTOCOL_ADDRESS_UNREACHABLE = new NhrpErrorCode(6);
  public static final NhrpErrorCode PROTOCOL_ERROR = new NhrpErrorCode(7);
  public static final NhrpErrorCode SDU_SIZE_EXCEEDED = new NhrpErrorCode(8);
  public static final NhrpErrorCode INVALID_EXTENSION = new NhrpErrorCode(9);
  public static final NhrpErrorCode INVALID_RESOLUTION_REPLY = new NhrpErrorCode(10);
  public static final NhrpErrorCode AUTHENTICATION_FAILURE = new NhrpErrorCode(11);
  public static final NhrpErrorCode HOP_COUNT_EXCEEDED = new NhrpErrorCode(15);

  /** The shared constant for a known value, a new instance otherwise; never throws. */
  public static NhrpErrorCode valueOf(int value) {
    return switch (value) {
      case 1 -> UNRECOGNIZED_EXTENSION;
      case 3 -> LOOP_DETECTED;
      case 6 -> PROTOCOL_ADDRESS_UNREACHABLE;
      case 7 -> PROTOCOL_ERROR;
      case 8 -> SDU_SIZE_EXCEEDED;
      case 9 -> INVALID_EXTENSION;
      case 10 -> INVALID_RESOLUTION_REPLY;
      case 11 -> AUTHENTICATION_FAILURE;
      case 15 -> HOP_COUNT_EXCEEDED;
      default -> new NhrpErrorCode(value);
    };
  }

  /** The label, e.g. {@code "authentication-failure"}, or {@code "unknown-N"}. */
  public String name() {
    return switch (value) {
      case 1 -> "unrecognized-extension";
      case 3 -> "loop-detected";
      case 6 -> "protocol-address-unreachable";
      case 7 -> "protocol-error";
      case 8 -> "sdu-size-exceeded";
      case 9 -> "invalid-extension";
      case 10 -> "invalid-resolution-reply";
      case 11 -> "authentication-failure";
      case 15 -> "hop-count-exceeded";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
