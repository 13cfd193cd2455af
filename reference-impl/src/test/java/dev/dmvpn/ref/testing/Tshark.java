package dev.dmvpn.ref.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs tshark, the independent decoder, and returns its field extraction per frame. tshark is installed by
 * {@code bin/test}; a missing tshark is a hard failure, never a silent skip.
 */
public final class Tshark {
  private static final Path BINARY = Path.of("/usr/bin/tshark");

  private Tshark() {}

  /**
   * One map per frame: field name to tshark's text (multi-valued fields comma-joined, empty when absent).
   *
   * @param options extra {@code -o} preferences, e.g. {@code nhrp.auth_ext_has_addr:FALSE}
   */
  public static List<Map<String, String>> fields(Path capture, List<String> options, List<String> fields)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "-n", "-r", capture.toString()));
    for (String o : options) {
      cmd.add("-o");
      cmd.add(o);
    }
    cmd.addAll(List.of("-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"));
    for (String f : fields) {
      cmd.add("-e");
      cmd.add(f);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : run(cmd)) {
      String[] cols = line.split("\t", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        row.put(fields.get(i), i < cols.length ? cols[i] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * {@code tshark -T fields} with {@code WIRESHARK_CONFIG_DIR=keyDir}, so Wireshark's own key files there
   * ({@code esp_sa}, {@code ikev1_decryption_table}, {@code preferences}) decrypt the capture. One line per frame
   * matching {@code filter} (empty: every frame), fields tab-separated, several occurrences comma-joined
   * ({@code firstOccurrence}: only the first, e.g. the outer IP header).
   */
  public static List<String> decrypted(Path keyDir, Path capture, String filter, boolean firstOccurrence,
      String... fields) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "-n", "-r", capture.toString(), "-T", "fields",
        "-E", "aggregator=,", "-E", "occurrence=" + (firstOccurrence ? "f" : "a")));
    if (!filter.isEmpty()) {
      cmd.addAll(List.of("-Y", filter));
    }
    for (String f : fields) {
      cmd.add("-e");
      cmd.add(f);
    }
    return run(cmd, Map.of("WIRESHARK_CONFIG_DIR", keyDir.toString()));
  }

  /** Runs a tshark command line and returns stdout lines; throws with stderr when tshark fails. */
  public static List<String> run(List<String> cmd) throws IOException, InterruptedException {
    return run(cmd, Map.of());
  }

  /** {@link #run(List)} with extra environment variables. */
  public static List<String> run(List<String> cmd, Map<String, String> env)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException("tshark not installed at " + BINARY + ": run bin/test (installs it)");
    }
    Path err = Files.createTempFile("tshark", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      List<String> out;
      try (var in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      }
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("tshark timed out: " + cmd);
      }
      if (p.exitValue() != 0) {
        String stderr = Files.readString(err).lines()
            .filter(l -> !l.contains("Running as user \"root\""))
            .reduce("", (a, b) -> a + b + "\n");
        throw new IllegalStateException("tshark exit " + p.exitValue() + ": " + stderr + " cmd " + cmd);
      }
      return out;
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
