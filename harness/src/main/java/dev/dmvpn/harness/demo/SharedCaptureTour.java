package dev.dmvpn.harness.demo;

import dev.dmvpn.harness.decode.FrameSummary;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.DecodedFrame;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Decodes the real IOS captures next to the project and prints what they show. */
final class SharedCaptureTour {
  /** Real IOS exchanges worth showing frame by frame; the other captures are summarised in one line. */
  private static final List<String> SHOWN = List.of(
      "ios-nhrp-registration-key2-auth.pcap", "ios-phase2-resolution-via-hub.cap", "ios-ikev1-main-quick-mode.cap");

  private final PrintWriter out;

  SharedCaptureTour(PrintWriter out) {
    this.out = out;
  }

  /** Returns problems found: frames of the real IOS captures that did not decode. */
  int run(Path dir) throws IOException {
    out.println();
    out.println("Real captures in " + dir + ":");
    int problems = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".cap")).sorted().toList();
    }
    for (Path p : files) {
      List<DecodedFrame> frames = DemoRun.decodeAll(CaptureFiles.readAll(p));
      long errors = frames.stream().filter(f -> f.error() != null).count();
      String name = p.getFileName().toString();
      out.printf("  %-40s %4d frames, %d NHRP, %d ISAKMP, %d ESP, %d decode errors%n", name, frames.size(),
          frames.stream().filter(f -> f.nhrp() != null).count(),
          frames.stream().filter(f -> f.isakmp() != null).count(),
          frames.stream().filter(f -> f.esp() != null).count(), errors);
      if (SHOWN.contains(name)) {
        frames.stream()
            .filter(f -> f.nhrp() != null || f.isakmp() != null)
            .forEach(f -> out.println("    " + FrameSummary.describe(f)));
        problems += (int) errors;
      } else if (errors > 0) {
        frames.stream().filter(f -> f.error() != null).forEach(f -> out.println("    " + f.error()));
      }
    }
    return problems;
  }
}
