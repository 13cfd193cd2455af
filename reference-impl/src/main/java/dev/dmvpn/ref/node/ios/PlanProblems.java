package dev.dmvpn.ref.node.ios;

import dev.dmvpn.ref.config.ConfigLine;
import dev.dmvpn.ref.config.ConfigProblem;
import dev.dmvpn.ref.config.ConfigProblem.Severity;
import dev.dmvpn.ref.config.IosConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects what the builder has to say, each at the line where it belongs (0 = the configuration as a whole). */
final class PlanProblems {
  private final List<ConfigLine> raw;
  final List<ConfigProblem> list = new ArrayList<>();

  PlanProblems(IosConfig config) {
    this.raw = config.rawLines();
  }

  void error(int line, String reason) {
    add(line, Severity.ERROR, reason);
  }

  /** Accepted, but the node does not do what a router would (always said, never silent). */
  void warn(int line, String reason) {
    add(line, Severity.WARNING, reason);
  }

  /** Accepted and without effect on what the node does on the wire. */
  void ignore(int line, String reason) {
    add(line, Severity.IGNORED, reason);
  }

  private void add(int line, Severity severity, String reason) {
    String text = line > 0 && line <= raw.size() ? raw.get(line - 1).text() : "";
    list.add(new ConfigProblem(line > 0 && line <= raw.size() ? line : 0, text, severity, reason));
  }

  boolean hasErrors() {
    return list.stream().anyMatch(ConfigProblem::isError);
  }

  /**
   * The first line after {@code blockLine} (the block's opening line) starting with {@code prefix}, before the
   * next block opens; {@code blockLine} when none (the extraction lost indentation, so blocks end where the next
   * one starts).
   */
  int lineIn(int blockLine, String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    for (int i = blockLine; i < raw.size(); i++) {
      String text = raw.get(i).text().strip().toLowerCase(Locale.ROOT);
      if (text.startsWith(p)) {
        return i + 1;
      }
      if (text.startsWith("interface ") || text.startsWith("router ") || text.startsWith("crypto ")
          || text.startsWith("line ") || text.equals("end")) {
        break;
      }
    }
    return blockLine;
  }
}
