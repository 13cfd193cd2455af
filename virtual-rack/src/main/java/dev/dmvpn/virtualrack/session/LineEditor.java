package dev.dmvpn.virtualrack.session;

/**
 * The line being typed, with IOS's editing keys: backspace and DEL erase a character ({@code \b \b} on the
 * screen), Ctrl-U erases the line. Lines are capped ({@link #MAX}); characters past the cap ring the bell once.
 */
final class LineEditor {
  /** Longest line kept; IOS's own buffer is of this order, and it bounds what garbage input can cost. */
  static final int MAX = 4096;

  private final StringBuilder buf = new StringBuilder();
  private boolean rang;

  String text() {
    return buf.toString();
  }

  int length() {
    return buf.length();
  }

  /** Appends a printable character; returns the echo (the character, a bell, or nothing). */
  String type(char c) {
    if (buf.length() >= MAX) {
      if (rang) {
        return "";
      }
      rang = true;
      return "\u0007";
    }
    buf.append(c);
    return String.valueOf(c);
  }

  /** Appends completed text (Tab); returns the echo. */
  String append(String s) {
    int room = MAX - buf.length();
    String part = s.length() > room ? s.substring(0, room) : s;
    buf.append(part);
    return part;
  }

  /** Erases one character; returns the echo. */
  String backspace() {
    if (buf.length() == 0) {
      return "";
    }
    buf.setLength(buf.length() - 1);
    rang = false;
    return "\b \b";
  }

  /** Erases the whole line (Ctrl-U); returns the echo. */
  String erase() {
    StringBuilder echo = new StringBuilder();
    for (int i = 0; i < buf.length(); i++) {
      echo.append("\b \b");
    }
    clear();
    return echo.toString();
  }

  /** Takes the line and empties the editor. */
  String take() {
    String s = buf.toString();
    clear();
    return s;
  }

  void clear() {
    buf.setLength(0);
    rang = false;
  }
}
