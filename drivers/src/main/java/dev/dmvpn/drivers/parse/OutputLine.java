package dev.dmvpn.drivers.parse;

/** One line of a command's output with its 1-based number in the text the parser was given. */
public record OutputLine(int number, String text) {

  public boolean isBlank() {
    return text.isBlank();
  }

  /** Whether the line starts with white space (a detail line under an entry head). */
  public boolean isIndented() {
    return !text.isEmpty() && Character.isWhitespace(text.charAt(0));
  }
}
