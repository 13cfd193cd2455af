package dev.dmvpn.ref.config;

/**
 * Thrown inside the parser for one bad line (bad address, number out of range, missing argument); the parser
 * catches it at the line and turns it into a {@link ConfigProblem}, so {@link IosConfigParser#parse} never throws.
 * Messages must not contain secrets.
 */
final class ConfigSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ConfigSyntaxException(String message) {
    super(message, null, false, false);
  }
}
