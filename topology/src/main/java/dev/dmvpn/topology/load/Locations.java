package dev.dmvpn.topology.load;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every field the loader read, by dotted path, so checks on the finished model (duplicate addresses,
 * wrong subnets) can still name the line. A path not found falls back to its nearest recorded parent.
 */
public final class Locations {
  private final String file;
  private final Map<String, Integer> lines;

  public Locations(String file, Map<String, Integer> lines) {
    this.file = file;
    this.lines = Collections.unmodifiableMap(new HashMap<>(lines));
  }

  /** For testbeds built in code: every line is 0. */
  public static Locations none(String file) {
    return new Locations(file, Map.of());
  }

  public String file() {
    return file;
  }

  public int lineOf(String path) {
    String p = path;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return 0;
      }
      p = p.substring(0, cut);
    }
  }

  /** A problem at the line of {@code path}. */
  public TestbedProblem problem(String path, String message) {
    return new TestbedProblem(file, lineOf(path), path, message);
  }
}
