package dev.dmvpn.ref.l2l3;

/** ICMP message type (RFC 792) as an open enum. */
public record IcmpType(int value) {
  public static final IcmpType ECHO_REPLY = new IcmpType(0);
  public static final IcmpType DESTINATION_UNREACHABLE = new IcmpType(3);
  public static final IcmpType SOURCE_QUENCH = new IcmpType(4);
  public static final IcmpType REDIRECT = new IcmpType(5);
  public static final IcmpType ECHO_REQUEST = new IcmpType(8);
  public static final IcmpType TIME_EXCEEDED = new IcmpType(11);
  public static final IcmpType PARAMETER_PROBLEM = new IcmpType(12);
  public static final IcmpType TIMESTAMP = new IcmpType(13);
  public static final IcmpType TIMESTAMP_REPLY = new IcmpType(14);

  /** The constant for a known value, otherwise a new instance; never throws. */
  public static IcmpType valueOf(int value) {
    return switch (value) {
      case 0 -> ECHO_REPLY;
      case 3 -> DESTINATION_UNREACHABLE;
      case 8 -> ECHO_REQUEST;
      case 11 -> TIME_EXCEEDED;
      default -> new IcmpType(value);
    };
  }

  public String name() {
    return switch (value) {
      case 0 -> "echo-reply";
      case 3 -> "destination-unreachable";
      case 4 -> "source-quench";
      case 5 -> "redirect";
      case 8 -> "echo-request";
      case 11 -> "time-exceeded";
      case 12 -> "parameter-problem";
      case 13 -> "timestamp";
      case 14 -> "timestamp-reply";
      default -> "unknown-" + value;
    };
  }

  @Override
  public String toString() {
    return name() + "(" + value + ")";
  }
}
