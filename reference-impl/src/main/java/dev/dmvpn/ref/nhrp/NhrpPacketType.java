package dev.dmvpn.ref.nhrp;

/**
 * NHRP packet type ({@code ar$op.type}), an open enum: unknown values decode as {@code "unknown-N"}.
 *
 * @param value the 8-bit code point
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2332#section-5.1">RFC 2332 section 5.1</a>; type 8 from
 *     draft-detienne-dmvpn (Cisco traffic indication)
 */
public record NhrpPacketType(int value) {
  public static final NhrpPacketType RESOLUTION_REQUEST = new NhrpPacketType(1);
  public static final NhrpPacketType RESOLUTION_REPLY = new NhrpPacketType(2);
  public static final NhrpPacketType REGISTRATION_REQUEST = new NhrpPacketType(3);
  public static final NhrpPacketType REGISTRATION_REPLY = new NhrpPacketType(4);
  public static final NhrpPacketType PURGE_REQUEST = new NhrpPacketType(5);
  public static final NhrpPacketType PURGE_REPLY = new NhrpPacketType(6);
  public static final NhrpPacketType ERROR_INDICATION = new NhrpPacketType(7);
  public static final NhrpPacketType TRAFFIC_INDICATION = new NhrpPacketType(8);

  private static final NhrpPacketType[] KNOWN = {
    null, RESOLUTION_REQUEST, RESOLUTION_REPLY, REGISTRATION_REQUEST, REGISTRATION_REPLY,
    PURGE_REQUEST, PURGE_REPLY, ERROR_INDICATION, TRAFFIC_INDICATION
  };
  private static final String[] NAMES = {
    null, "resolution-request", "resolution-reply", "registration-request", "registration-reply",
    "purge-request", "purge-reply", "error-indication", "traffic-indication"
  };

  /** The shared constant for a known value, a new instance otherwise; never throws. */
  public static NhrpPacketType valueOf(int value) {
    return isKnown(value) ? KNOWN[value] : new NhrpPacketType(value);
  }

  /** The label, e.g. {@code "registration-request"}, or {@code "unknown-N"}. */
  public String name() {
    return isKnown(value) ? NAMES[value] : "unknown-" + value;
  }

  public boolean known() {
    return isKnown(value);
  }

  /** Types 1-6 carry the common mandatory part followed by CIEs (RFC 2332 section 5.2.0.1). */
  public boolean hasMandatoryPart() {
    return value >= 1 && value <= 6;
  }

  public boolean isResolution() {
    return value == 1 || value == 2;
  }

  public boolean isRegistration() {
    return value == 3 || value == 4;
  }

  public boolean isPurge() {
    return value == 5 || value == 6;
  }

  @Override
  public String toString() {
    return name();
  }

  private static boolean isKnown(int v) {
    return v >= 1 && v < KNOWN.length;
  }
}
