package dev.dmvpn.ref.capture;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Frame-level tshark/editcap queries for the capture-file tests (process handling is {@code testing.Tshark}). */
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

  /** Runs a Wireshark tool through the shared runner (which fails with the tool's stderr). */
  static List<String> run(String... command) throws IOException {
    try {
      return dev.dmvpn.ref.testing.Tshark.run(List.of(command));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IllegalStateException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
