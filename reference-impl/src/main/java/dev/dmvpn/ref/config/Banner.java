package dev.dmvpn.ref.config;

/**
 * {@code banner motd|login|exec|incoming <d>text<d>}: the text runs until the delimiter appears again, possibly
 * lines later. {@code show run} prints the delimiter as {@code ^C}. The banner text is ignored.
 */
final class Banner {
  final String delimiter;

  private Banner(String delimiter) {
    this.delimiter = delimiter;
  }

  /** Starts a banner at the current line; returns null when it closes on the same line. */
  static Banner start(String[] t, ParseState s) {
    Tokens.oneOf(t, 1, "banner type", "motd", "login", "exec", "incoming");
    String first = Tokens.word(t, 2, "banner delimiter");
    String delimiter = first.startsWith("^C") ? "^C" : first.substring(0, 1);
    String afterOpen = Tokens.rest(t, 2).substring(delimiter.length());
    s.ignore("is ignored: banner text is not used by the peer");
    return afterOpen.contains(delimiter) ? null : new Banner(delimiter);
  }

  /** True when {@code line} closes the banner. */
  boolean consume(String line) {
    return line.contains(delimiter);
  }
}
