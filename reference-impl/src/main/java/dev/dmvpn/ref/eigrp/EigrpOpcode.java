package dev.dmvpn.ref.eigrp;

/**
 * The EIGRP header's Opcode as an open enum: unknown values are kept.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7868#section-6.4">RFC 7868 section 6.4</a>
 */
public record EigrpOpcode(int value) {
  public static final EigrpOpcode UPDATE = new EigrpOpcode(1);
  public static final EigrpOpcode REQUEST = new EigrpOpcode(2);
  public static final EigrpOpcode QUERY = new EigrpOpcode(3);
  public static final EigrpOpcode REPLY = new EigrpOpcode(4);
  /** A hello; with a non-zero acknowledgment number and no TLVs, an ACK. */
  public static final EigrpOpcode HELLO = new EigrpOpcode(5);
  public static final EigrpOpcode SIA_QUERY = new EigrpOpcode(10);
  public static final EigrpOpcode SIA_REPLY = new EigrpOpcode(11);

  public EigrpOpcode {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException("EIGRP opcode is one byte: " + value);
    }
  }

  /** The constant for a known value, otherwise a new instance; never throws for 0..255. */
  public static EigrpOpcode valueOf(int value) {
    return switch (value) {
      case 1 -> UPDATE;
      case 3 -> QUERY;
      case 4 -> REPLY;
      case 5 -> HELLO;
      default -> new EigrpOpcode(value);
    };
  }

  public String name() {
    return switch (value) {
      case 1 -> "update";
      case 2 -> "request";
      case 3 -> "query";
      case 4 -> "reply";
      case 5 -> "hello";
      case 10 -> "sia-query";
      case 11 -> "sia-reply";
      default -> "unknown-" + value;
    };
  }

  /** Update, query, reply and the SIA packets are sent reliably (sequenced, acknowledged). */
  public boolean reliable() {
    return value == 1 || value == 3 || value == 4 || value == 10 || value == 11;
  }

  @Override
  public String toString() {
    return name();
  }
}
