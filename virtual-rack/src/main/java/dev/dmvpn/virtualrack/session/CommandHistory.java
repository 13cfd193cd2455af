package dev.dmvpn.virtualrack.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The exec history of one session: the last {@link #SIZE} lines (IOS's default {@code history size} is 10),
 * recalled with Ctrl-P / up arrow and Ctrl-N / down arrow, listed by {@code show history}.
 */
final class CommandHistory {
  static final int SIZE = 10;

  private final List<String> lines = new ArrayList<>();
  private int cursor;

  void add(String line) {
    if (line.isBlank()) {
      return;
    }
    lines.add(line);
    if (lines.size() > SIZE) {
      lines.remove(0);
    }
    cursor = lines.size();
  }

  /** The previous line, or {@code null} at the oldest. */
  String previous() {
    if (cursor == 0) {
      return null;
    }
    return lines.get(--cursor);
  }

  /** The next line, {@code ""} past the newest, or {@code null} when already there. */
  String next() {
    if (cursor >= lines.size()) {
      return null;
    }
    cursor++;
    return cursor == lines.size() ? "" : lines.get(cursor);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }
}
