package dev.dmvpn.ref.config;

/**
 * Something the parser or the validator has to say about one line: an error (the line cannot be used), a warning
 * (used, but suspicious or damaged), or a note that a known command was ignored as irrelevant.
 *
 * @param lineNumber 1-based line number, 0 when the problem concerns the configuration as a whole
 * @param line the line's text with secrets masked ("" when {@code lineNumber} is 0)
 * @param severity how bad it is
 * @param reason why, never containing a secret
 */
public record ConfigProblem(int lineNumber, String line, Severity severity, String reason) {

  /** How a problem affects the configuration. */
  public enum Severity {
    /** The line is wrong or not understood: a strict consumer must refuse the configuration. */
    ERROR,
    /** The line was used (or skipped as a comment) but something about it deserves a look. */
    WARNING,
    /** A known command with no bearing on the DMVPN peer, deliberately ignored. */
    IGNORED
  }

  public ConfigProblem {
    line = line == null ? "" : SecretMasker.mask(line.strip());
  }

  static ConfigProblem of(ConfigLine l, Severity severity, String reason) {
    return new ConfigProblem(l.number(), l.text(), severity, reason);
  }

  /** A problem with the configuration as a whole (no line). */
  static ConfigProblem global(Severity severity, String reason) {
    return new ConfigProblem(0, "", severity, reason);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@code line 42: 'ip nhrp foo' is not understood} for reasons that read as a predicate ("is ..."), else
   * {@code line 31: 'tunnel protection ipsec profile cisco': interface Tunnel0 names no ...}.
   */
  public String message() {
    if (lineNumber == 0) {
      return reason;
    }
    return "line " + lineNumber + ": '" + line + (reason.startsWith("is ") ? "' " : "': ") + reason;
  }

  @Override
  public String toString() {
    return severity + " " + message();
  }
}
