package dev.dmvpn.drivers.channel;

/**
 * Turns the bytes a terminal receives into the text a reader sees: ANSI/VT100 escape sequences removed, a
 * backspace erases the character before it (not across a line end), NUL and CR dropped (CR LF and CR NUL are line
 * ends, a bare CR only returns the cursor). Keeps state between chunks, so a sequence split by the network is
 * still removed. After a {@code --More--} the channel calls {@link #swallowErase()}: the blanks and backspaces that
 * erase the marker (IOS: nine BS, eight blanks, nine BS) are dropped instead of eating output.
 */
public final class TerminalCleaner {
  private enum State { TEXT, ESC, CSI }

  private State state = State.TEXT;
  private boolean swallowing;

  /** Appends the cleaned form of {@code chunk} to {@code text}. */
  public void clean(String chunk, StringBuilder text) {
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      switch (state) {
        case ESC -> state = c == '[' ? State.CSI : State.TEXT; // two-byte sequences such as ESC 7 end here
        case CSI -> {
          if (c >= 0x40 && c <= 0x7e) {
            state = State.TEXT;
          }
        }
        case TEXT -> text(c, text);
      }
    }
  }

  private void text(char c, StringBuilder text) {
    if (c == 0x1b) {
      state = State.ESC;
      return;
    }
    if (swallowing) {
      if (c == '\b' || c == ' ') {
        return;
      }
      swallowing = false;
    }
    if (c == '\b' || c == 0x7f) {
      int len = text.length();
      if (len > 0 && text.charAt(len - 1) != '\n') {
        text.setLength(len - 1);
      }
    } else if (c == '\r' || c == 0 || c == 0x07) {
      // CR (line ends arrive as CR LF), NUL padding and BEL carry no text
    } else {
      text.append(c);
    }
  }

  /** Drops the blanks and backspaces that follow until the next other character. */
  public void swallowErase() {
    swallowing = true;
  }
}
