package dev.dmvpn.ref.config;

/**
 * A line that is valid IOS (12.3 or later) for a feature the node does not have, so it can neither be honoured
 * nor ignored without changing what is on the wire. The parser turns it into an error in strict mode and a
 * warning in lenient mode (a bad value of a known command stays an error in both: {@link ConfigSyntaxException}).
 * Messages must not contain secrets.
 */
final class UnsupportedCommandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** True when the command opens a sub-mode whose indented lines belong to it. */
  final boolean opensBlock;

  UnsupportedCommandException(String message, boolean opensBlock) {
    super(message, null, false, false);
    this.opensBlock = opensBlock;
  }

  UnsupportedCommandException(String message) {
    this(message, false);
  }
}
