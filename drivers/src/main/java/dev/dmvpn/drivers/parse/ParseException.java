package dev.dmvpn.drivers.parse;

/**
 * A command's output could not be read: names the command, and the first line (1-based, in the text given to the
 * parser) that was not understood.
 */
public class ParseException extends RuntimeException {
  private final String command;
  private final int lineNumber;
  private final String line;

  public ParseException(String command, int lineNumber, String line, String reason) {
    super("'" + command + "': " + reason + (lineNumber > 0 ? " at line " + lineNumber + ": '" + line + "'" : ""));
    this.command = command;
    this.lineNumber = lineNumber;
    this.line = line;
  }

  /** The command whose output this was, e.g. {@code show ip nhrp}. */
  public String command() {
    return command;
  }

  /** 1-based line number of the first unreadable line; 0 when the problem is the output as a whole. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The unreadable line, or empty. */
  public String line() {
    return line;
  }
}
