package dev.dmvpn.drivers.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * A recorded dialog for offline tests, one step a line:
 * <pre>
 * # comment
 * R: sv9-4&gt;             what the device sends
 * S: enable\r          what the driver must send (exactly)
 * CLOSE                the device drops the connection
 * </pre>
 * Escapes in R/S text: {@code \r \n \t \b \e \0 \\ \xHH}; a trailing blank is kept (write {@code \x20} to make it
 * visible).
 */
public record ReplayScript(List<Step> steps) {

  /** One step; {@code line} is its line in the script text, for error messages. */
  public sealed interface Step permits Receive, Send, Close {
    int line();
  }

  /** The device sends {@code text}. */
  public record Receive(String text, int line) implements Step {}

  /** The driver must send {@code text}. */
  public record Send(String text, int line) implements Step {}

  public record Close(int line) implements Step {}

  public ReplayScript {
    steps = List.copyOf(steps);
  }

  public static ReplayScript parse(String script) {
    List<Step> steps = new ArrayList<>();
    String[] lines = script.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      int no = i + 1;
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      if (l.startsWith("R: ")) {
        steps.add(new Receive(unescape(l.substring(3), no), no));
      } else if (l.startsWith("S: ")) {
        steps.add(new Send(unescape(l.substring(3), no), no));
      } else if (l.strip().equals("CLOSE")) {
        steps.add(new Close(no));
      } else {
        throw new IllegalArgumentException("replay script line " + no + ": expected 'R: ', 'S: ', 'CLOSE' or '#', got "
            + l);
      }
    }
    return new ReplayScript(steps);
  }

  static String unescape(String s, int line) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 >= s.length()) {
        throw new IllegalArgumentException("replay script line " + line + ": dangling backslash");
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'r' -> out.append('\r');
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'b' -> out.append('\b');
        case 'e' -> out.append('\u001b');
        case '0' -> out.append('\0');
        case '\\' -> out.append('\\');
        case 'x' -> {
          if (i + 2 >= s.length()) {
            throw new IllegalArgumentException("replay script line " + line + ": \\x needs two hex digits");
          }
          try {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          } catch (RuntimeException ex) {
            throw new IllegalArgumentException("replay script line " + line + ": bad \\x escape", ex);
          }
          i += 2;
        }
        default -> throw new IllegalArgumentException("replay script line " + line + ": unknown escape \\" + e);
      }
    }
    return out.toString();
  }
}
