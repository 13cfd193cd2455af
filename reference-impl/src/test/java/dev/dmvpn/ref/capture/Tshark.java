package dev.dmvpn.ref.capture;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Wireshark's command-line tools as an independent judge of the files we read and write. */
final class Tshark {
  static final Path TSHARK = Path.of("/usr/bin/tshark");
  static final Path EDITCAP = Path.of("/usr/bin/editcap");

  private Tshark() {}

  /**
   * One line per record: frame.number, frame.time_epoch ({@link #NO_TIME} when tshark prints none, as for a
   * Simple Packet Block), frame.len, frame.cap_len, frame.interface_id (-1 when none: tshark 4.0 shows pcapng
   * custom blocks as records without an interface).
   */
  record Row(int number, long epochNanos, int len, int capLen, int interfaceId) {}

  static final long NO_TIME = Long.MIN_VALUE;

  static List<Row> frames(Path capture) throws IOException {
    List<String> lines = run(TSHARK.toString(), "-r", capture.toString(), "-T", "fields",
        "-e", "frame.number", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len",
        "-e", "frame.interface_id");
    List<Row> rows = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split("\t", -1);
      rows.add(new Row(Integer.parseInt(f[0]), f[1].isEmpty() ? NO_TIME : epochNanos(f[1]),
          Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4].isEmpty() ? -1 : Integer.parseInt(f[4])));
    }
    return rows;
  }

  /** "1497606301.394037000" -> nanoseconds. */
  static long epochNanos(String s) {
    return new BigDecimal(s).movePointRight(9).longValueExact();
  }

  static void editcap(String format, Path in, Path out) throws IOException {
    run(EDITCAP.toString(), "-F", format, in.toString(), out.toString());
  }

  /** Runs a tool; fails with its stderr (minus the "Running as user root" warning) when it exits non-zero. */
  static List<String> run(String... command) throws IOException {
    Path err = Files.createTempFile("tshark", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " failed: " + stderr(err));
      }
      String text = new String(out, StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static String stderr(Path err) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String line : Files.readAllLines(err)) {
      if (!line.contains("Running as user") && !line.isBlank()) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString().trim();
  }
}
