package dev.dmvpn.virtualrack.session;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code --More--} paging for {@code terminal length N} (N-1 lines per page, as IOS leaves the last row for the
 * prompt). Space shows the next page, Return one more line, any other key ends the output. The prompt and its
 * erasure are the bytes of unicon's IOS mock ({@code ios-outputs/_dialog_transcripts/unicon-plugins-mock_1.yaml},
 * {@code show_command_with_more_backspace_*}): {@code " --More-- "} then nine backspaces, eight blanks, nine
 * backspaces.
 */
final class Pager {
  static final String MORE = " --More-- ";
  static final String ERASE = "\b\b\b\b\b\b\b\b\b        \b\b\b\b\b\b\b\b\b";

  private final Deque<String> pending = new ArrayDeque<>();

  boolean active() {
    return !pending.isEmpty();
  }

  /** Starts paging {@code lines}; returns what to print now (a first page and the prompt, or everything). */
  String start(java.util.List<String> lines, int length) {
    pending.clear();
    if (length <= 0 || lines.size() <= length - 1) {
      return join(lines, lines.size());
    }
    pending.addAll(lines);
    return next(length - 1);
  }

  /** Handles a key while {@code --More--} shows; returns what to print. */
  String key(char c, int length) {
    String erase = ERASE;
    if (c == ' ') {
      return erase + next(Math.max(1, length - 1));
    }
    if (c == '\r' || c == '\n') {
      return erase + next(1);
    }
    pending.clear();
    return erase;
  }

  private String next(int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count && !pending.isEmpty(); i++) {
      sb.append(pending.poll()).append("\r\n");
    }
    if (!pending.isEmpty()) {
      sb.append(MORE);
    }
    return sb.toString();
  }

  private static String join(java.util.List<String> lines, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(lines.get(i)).append("\r\n");
    }
    return sb.toString();
  }
}
