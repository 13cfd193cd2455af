package dev.dmvpn.ref.l2l3;

/** ARP opcode (RFC 826 ar$op, RFC 903 for RARP) as an open enum. */
public record ArpOperation(int value) {
  public static final ArpOperation REQUEST = new ArpOperation(1);
  public static final ArpOperation REPLY = new ArpOperation(2);
  public static final ArpOperation REVERSE_REQUEST = new ArpOperation(3);
  public static final ArpOperation REVERSE_REPLY = new ArpOperation(4);

  /** The constant for a known value, otherwise a new instance; never throws. */
  public static ArpOperation valueOf(int value) {
    return switch (value) {
      case 1 -> REQUEST;
      case 2 -> REPLY;
      case 3 -> REVERSE_REQUEST;
      case 4 -> REVERSE_REPLY;
      default -> new ArpOperation(value);
    };
  }

  public String name() {
    return switch (value) {
      case 1 -> "request";
      case 2 -> "reply";
      case 3 -> "reverse-request";
      case 4 -> "reverse-reply";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
