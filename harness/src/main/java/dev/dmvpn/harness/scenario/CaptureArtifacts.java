package dev.dmvpn.harness.scenario;

import dev.dmvpn.harness.decode.FrameJson;
import dev.dmvpn.harness.json.JsonBytes;
import dev.dmvpn.harness.sequence.ExpectedSequence;
import dev.dmvpn.harness.sequence.SequenceChecker;
import dev.dmvpn.harness.sequence.SequenceDiagram;
import dev.dmvpn.harness.sequence.SequenceFileException;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.reports.SecretMask;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a stopped capture leaves beside its pcap for a reader: its frames as the {@code decode} command prints them
 * (JSON Lines, the same {@link FrameJson} objects, decoded with the same keys), and a sequence diagram of what it
 * saw ({@link SequenceDiagram} over an expectation with no groups: every NHRP, ISAKMP, ESP and ICMP frame as an
 * arrow, nothing marked, the lanes named after the testbed's devices).
 */
final class CaptureArtifacts {
  private CaptureArtifacts() {}

  /**
   * A mask for the run's secrets in these texts. Needed: opened with the keys, an NHRP packet's authentication
   * extension is printed in clear ({@code nhrp.authPassword}), and the run directory must hold no secret. The
   * JSON-escaped form of each secret is masked too.
   */
  static Function<String, String> mask(Set<String> secrets) {
    Set<String> all = new LinkedHashSet<>(secrets);
    for (String s : secrets) {
      all.add(jsonEscaped(s));
    }
    return SecretMask.of(all);
  }

  /** {@code s} as it appears inside a JSON string written by {@link JsonBytes}. */
  static String jsonEscaped(String s) {
    String quoted = new JsonBytes(s.length() * 6 + 2).value(s).toString();
    return quoted.substring(1, quoted.length() - 1);
  }

  /** Writes {@code frames} as JSON Lines to {@code file}, every secret of {@code mask} masked. */
  static void writeJsonLines(List<DecodedFrame> frames, Function<String, String> mask, Path file)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      JsonBytes out = new JsonBytes(4096);
      for (DecodedFrame f : frames) {
        out.reset();
        FrameJson.write(f, out);
        w.write(mask.apply(out.toString()));
        w.write('\n');
      }
    }
  }

  /**
   * The diagram of what {@code capture} saw.
   *
   * @param hosts device name to its address (lane labels), in lane order
   */
  static String diagram(DecodedCapture capture, Map<String, String> hosts) throws IOException {
    ExpectedSequence nothingExpected = new ExpectedSequence(capture.name() + " (what the capture saw)",
        "every frame of capture point " + capture.name(), Map.of(), hosts, List.of(), Map.of());
    try {
      return SequenceDiagram.svg(SequenceChecker.check(capture.frames(), nothingExpected, Map.of()));
    } catch (SequenceFileException e) {
      // no group, no variable: cannot happen; say where if it ever does
      throw new IOException("diagram of " + capture.name() + ": " + e.getMessage(), e);
    }
  }

  static void writeDiagram(DecodedCapture capture, Map<String, String> hosts, Function<String, String> mask,
      Path file) throws IOException {
    Files.writeString(file, mask.apply(diagram(capture, hosts)), StandardCharsets.UTF_8);
  }
}
