package dev.dmvpn.ref.isakmp;

/**
 * ISAKMP exchange type (header octet 18) as an open enum: unknown values are kept and named {@code unknown-N}.
 *
 * @param value the wire value, 0..255
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 section 3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2409#section-5">RFC 2409 section 5</a>
 */
public record ExchangeType(int value) {
  /** Identity Protection (RFC 2408 4.5), which RFC 2409 calls Main Mode. */
  public static final ExchangeType MAIN_MODE = new ExchangeType(2);
  public static final ExchangeType AGGRESSIVE = new ExchangeType(4);
  public static final ExchangeType INFORMATIONAL = new ExchangeType(5);
  /** Transaction exchange (draft-dukes-ike-mode-cfg): mode-config and XAUTH. */
  public static final ExchangeType TRANSACTION = new ExchangeType(6);
  public static final ExchangeType QUICK_MODE = new ExchangeType(32);

  /** The constant for a known value, else a new instance; never throws. */
  public static ExchangeType valueOf(int value) {
    return switch (value) {
      case 2 -> MAIN_MODE;
      case 4 -> AGGRESSIVE;
      case 5 -> INFORMATIONAL;
      case 6 -> TRANSACTION;
      case 32 -> QUICK_MODE;
      default -> new ExchangeType(value);
    };
  }

  public String name() {
    return switch (value) {
      case 2 -> "main-mode";
      case 4 -> "aggressive";
      case 5 -> "informational";
      case 6 -> "transaction";
      case 32 -> "quick-mode";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
