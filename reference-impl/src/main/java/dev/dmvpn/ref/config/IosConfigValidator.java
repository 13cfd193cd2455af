package dev.dmvpn.ref.config;

import dev.dmvpn.ref.config.ConfigProblem.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks a parsed configuration as a whole: references between blocks (tunnel protection, profiles, transform
 * sets, tunnel source), NHRP consistency, ISAKMP keys for pre-shared policies, addressing and routing. Each
 * problem names the line where the fix belongs. Never throws.
 */
public final class IosConfigValidator {
  private final IosConfig config;
  private final List<ConfigProblem> problems = new ArrayList<>();

  private IosConfigValidator(IosConfig config) {
    this.config = config;
  }

  /** Errors and warnings, ordered by line (whole-configuration problems first). */
  public static List<ConfigProblem> validate(IosConfig config) {
    IosConfigValidator v = new IosConfigValidator(config);
    try {
      v.run();
    } catch (RuntimeException e) {
      v.problems.add(ConfigProblem.global(Severity.ERROR, "internal: " + e));
    }
    v.problems.sort(Comparator.comparingInt(ConfigProblem::lineNumber));
    return List.copyOf(v.problems);
  }

  private void run() {
    if (config.hostname() == null) {
      add(0, Severity.WARNING, "the configuration has no 'hostname' line");
    }
    for (IosInterface i : config.interfaces()) {
      if (i.isTunnel()) {
        TunnelChecks.check(config, i, this);
      }
    }
    CryptoChecks.check(config, this);
    RoutingChecks.check(config, this);
  }

  /** Adds a problem at {@code lineNumber} (0 = the whole configuration). */
  void add(int lineNumber, Severity severity, String reason) {
    if (lineNumber <= 0 || lineNumber > config.rawLines().size()) {
      problems.add(ConfigProblem.global(severity, reason));
    } else {
      problems.add(ConfigProblem.of(config.rawLines().get(lineNumber - 1), severity, reason));
    }
  }

  /**
   * The number of the first line of the block starting at {@code blockLine} whose text starts with
   * {@code prefix}, or {@code blockLine} when there is none. The block ends at the next line that opens another
   * block (the extraction lost indentation, so this is how the block is delimited).
   */
  int lineIn(int blockLine, String prefix) {
    List<ConfigLine> raw = config.rawLines();
    String p = prefix.toLowerCase(Locale.ROOT);
    for (int i = blockLine; i < raw.size(); i++) {
      String text = raw.get(i).text().strip().toLowerCase(Locale.ROOT);
      if (text.startsWith(p)) {
        return i + 1;
      }
      if (opensBlock(text)) {
        break;
      }
    }
    return blockLine;
  }

  private static boolean opensBlock(String text) {
    return text.startsWith("interface ") || text.startsWith("router ") || text.startsWith("crypto ")
        || text.startsWith("line ") || text.equals("end");
  }
}
