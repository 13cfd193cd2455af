package dev.dmvpn.ref.isakmp;

import java.util.Objects;

/**
 * The fixed 28-byte ISAKMP header.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                          Initiator                            !
 * !                            Cookie                             !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                          Responder                            !
 * !                            Cookie                             !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Next Payload ! MjVer ! MnVer ! Exchange Type !     Flags     !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                          Message ID                           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                            Length                             !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@code nextPayload} and {@code length} are what was on the wire; the encoder recomputes both for plain
 * messages (from the payload list) and recomputes {@code length} for encrypted ones, whose {@code nextPayload}
 * names the first payload inside the ciphertext and is kept as given.
 *
 * @param initiatorCookie CKY-I
 * @param responderCookie CKY-R (0 in the first message of an exchange)
 * @param nextPayload type of the first payload
 * @param version major version in the high nibble, minor in the low (0x10 for IKEv1)
 * @param exchangeType exchange type
 * @param flags E {@link #FLAG_ENCRYPTED}, C {@link #FLAG_COMMIT}, A {@link #FLAG_AUTH_ONLY}
 * @param messageId 0 in phase 1, random per quick mode / informational exchange
 * @param length whole message length in bytes, header included
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2408#section-3.1">RFC 2408 section 3.1</a>
 */
public record IsakmpHeader(
    long initiatorCookie,
    long responderCookie,
    PayloadType nextPayload,
    int version,
    ExchangeType exchangeType,
    int flags,
    int messageId,
    int length) {

  /** Size of the fixed header in bytes. */
  public static final int SIZE = 28;
  /** The version octet of IKEv1 (major 1, minor 0). */
  public static final int VERSION_1_0 = 0x10;
  public static final int FLAG_ENCRYPTED = 0x01;
  public static final int FLAG_COMMIT = 0x02;
  public static final int FLAG_AUTH_ONLY = 0x04;

  public IsakmpHeader {
    Objects.requireNonNull(nextPayload, "nextPayload");
    Objects.requireNonNull(exchangeType, "exchangeType");
  }

  /**
   * A header for encoding: version 1.0, nextPayload and length left for the encoder to fill (NONE / 0).
   */
  public static IsakmpHeader of(
      long initiatorCookie, long responderCookie, ExchangeType exchangeType, int flags, int messageId) {
    return new IsakmpHeader(
        initiatorCookie, responderCookie, PayloadType.NONE, VERSION_1_0, exchangeType, flags, messageId, 0);
  }

  public boolean encrypted() {
    return (flags & FLAG_ENCRYPTED) != 0;
  }

  public boolean commit() {
    return (flags & FLAG_COMMIT) != 0;
  }

  public boolean authOnly() {
    return (flags & FLAG_AUTH_ONLY) != 0;
  }

  public int majorVersion() {
    return version >>> 4;
  }

  public int minorVersion() {
    return version & 0x0F;
  }

  /** Same header with other next-payload and length values (what the encoder writes). */
  public IsakmpHeader withChain(PayloadType next, int newLength) {
    return new IsakmpHeader(
        initiatorCookie, responderCookie, next, version, exchangeType, flags, messageId, newLength);
  }

  /** A cookie as tshark prints it: 16 lower-case hex digits. */
  public static String cookieHex(long cookie) {
    return hexDigits(cookie, 16);
  }

  /** A message ID as tshark prints it (without its "0x"): 8 lower-case hex digits. */
  public static String messageIdHex(int messageId) {
    return hexDigits(messageId & 0xFFFFFFFFL, 8);
  }

  public String initiatorCookieHex() {
    return cookieHex(initiatorCookie);
  }

  public String responderCookieHex() {
    return cookieHex(responderCookie);
  }

  public String messageIdHex() {
    return messageIdHex(messageId);
  }

  @Override
  public String toString() {
    return "IsakmpHeader[icookie=" + cookieHex(initiatorCookie)
        + ", rcookie=" + cookieHex(responderCookie)
        + ", next=" + nextPayload
        + ", version=0x" + hexDigits(version, 2)
        + ", exchange=" + exchangeType
        + ", flags=0x" + hexDigits(flags, 2)
        + ", messageId=" + messageIdHex(messageId)
        + ", length=" + length + "]";
  }

  private static String hexDigits(long v, int digits) {
    char[] out = new char[digits];
    for (int i = digits - 1; i >= 0; i--) {
      out[i] = Character.forDigit((int) (v & 0xF), 16);
      v >>>= 4;
    }
    return new String(out);
  }
}
