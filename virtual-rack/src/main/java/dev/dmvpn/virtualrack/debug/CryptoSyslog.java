package dev.dmvpn.virtualrack.debug;

/**
 * Crypto syslog messages a 12.3 router prints whatever the debug switches say. Today one:
 * {@code %CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from X failed its sanity check or is malformed}, the responder's
 * only sign of a wrong pre-shared key (ARCHITECTURE.md "How the node fails", source [S1]).
 */
final class CryptoSyslog {
  static final String BAD_MESSAGE = "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ";

  private CryptoSyslog() {}

  /**
   * The syslog line for the node's IKE_BAD_MESSAGE event text ("%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from X
   * failed its sanity check or is malformed (why)"): IOS's sentence, without the engine's parenthesised reason.
   */
  static String badMessage(String eventText) {
    int start = eventText.indexOf(BAD_MESSAGE);
    String from = start < 0 ? eventText : eventText.substring(start + BAD_MESSAGE.length());
    int end = from.indexOf(' ');
    String peer = end < 0 ? from : from.substring(0, end);
    return BAD_MESSAGE + peer + " failed its sanity check or is malformed";
  }
}
