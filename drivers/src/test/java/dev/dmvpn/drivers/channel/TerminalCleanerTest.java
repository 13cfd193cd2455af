package dev.dmvpn.drivers.channel;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

/** Cleaning terminal bytes: escape sequences, backspaces, CR, split chunks. */
public class TerminalCleanerTest {

  private static String clean(String... chunks) {
    TerminalCleaner c = new TerminalCleaner();
    StringBuilder sb = new StringBuilder();
    for (String chunk : chunks) {
      c.clean(chunk, sb);
    }
    return sb.toString();
  }

  @Test
  public void crLfBecomesLfAndNulIsDropped() {
    assertEquals(clean("a\r\nb\r\0c"), "a\nbc");
  }

  @Test
  public void ansiSequencesAreRemovedEvenWhenSplit() {
    assertEquals(clean("\u001b[7m--More--\u001b[27m"), "--More--");
    assertEquals(clean("ab\u001b[", "2", "7mcd\u001b[K"), "abcd");
  }

  @Test
  public void backspaceErasesButNotAcrossLineEnds() {
    assertEquals(clean("shoq\bw"), "show");
    assertEquals(clean("x\n\b\by"), "x\ny");
  }

  @Test
  public void eraseAfterMoreIsSwallowed() {
    TerminalCleaner c = new TerminalCleaner();
    StringBuilder sb = new StringBuilder("first");
    c.swallowErase();
    // unicon IOS mock, show_command_with_more_backspace_second
    c.clean("\b\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b\bsecond", sb);
    assertEquals(sb.toString(), "firstsecond");
  }
}
