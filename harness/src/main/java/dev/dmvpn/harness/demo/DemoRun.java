package dev.dmvpn.harness.demo;

import dev.dmvpn.harness.decode.FrameSummary;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.capture.decrypt.KeyedFrameDecryptor;
import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.node.scenario.DocumentScenario;
import dev.dmvpn.ref.node.scenario.ScenarioResult;
import dev.dmvpn.ref.node.scenario.SeedNhrpPackets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo: the document's scenario on the embedded default (reference-peer routers sv9-2, sv9-3, sv9-4 on
 * virtual segments joined by the WAN router the document omits), printed as it happens; then the spokes'
 * segment capture decoded with the keys the routers exported, and checked against the exchange the document's
 * debug output implies.
 */
public final class DemoRun {
  private final PrintWriter out;

  public DemoRun(PrintWriter out) {
    this.out = out;
  }

  /** Returns the number of problems found (0 = the spoke-to-spoke path came up as the document describes). */
  public int run(Path outDir, double timeScale, DocumentScenario.Options options, Path sharedCaptures)
      throws IOException {
    return run(outDir, timeScale, options, sharedCaptures, EspMode.TUNNEL);
  }

  /** {@link #run(Path, double, DocumentScenario.Options, Path)} with the transform sets in {@code mode}. */
  public int run(Path outDir, double timeScale, DocumentScenario.Options options, Path sharedCaptures,
      EspMode mode) throws IOException {
    Files.createDirectories(outDir);
    out.printf("The document's DMVPN (hub sv9-2 209.168.202.225, spokes sv9-3 .131 and sv9-4 .130), %s, time x%s%n",
        options.image(),
        timeScale == Math.rint(timeScale) ? String.valueOf((long) timeScale) : String.valueOf(timeScale));
    out.flush();
    ScenarioResult r = DocumentScenario.runPaced(outDir, options.withListener(this::print), timeScale, mode);
    out.println();
    out.println("ping 2.2.2.2 on sv9-4 (from Tunnel0 192.168.1.3; first through the hub, then spoke to spoke): "
        + r.pingMarks());
    r.summary().forEach(line -> out.println("  " + line));
    int problems = r.success() ? 0 : 1;
    problems += showSpokeSegment(r, options.image());
    out.println();
    out.println("captures: " + r.hubCapture() + ", " + r.spokeCapture());
    out.println("keys:     " + r.keyDir() + "  (WIRESHARK_CONFIG_DIR=" + r.keyDir() + " wireshark -r "
        + r.spokeCapture() + ")");
    out.println("decode:   bin/dmvpn-harness decode --keys " + r.keyDir() + " " + r.spokeCapture());
    if (sharedCaptures != null && Files.isDirectory(sharedCaptures)) {
      problems += new SharedCaptureTour(out).run(sharedCaptures);
    }
    out.println(problems == 0 ? "demo: PASSED" : "demo: FAILED (" + problems + " problems)");
    return problems;
  }

  private void print(NodeEvent e) {
    out.printf("[%8.3f s] %s%n", e.nanos() / 1e9, e.line());
    out.flush();
  }

  /** The spokes' segment decoded with the exported keys, and the document's sequence checked on it. */
  private int showSpokeSegment(ScenarioResult r, IosImage image) throws IOException {
    List<CapturedFrame> frames = CaptureFiles.readAll(r.spokeCapture());
    KeyedFrameDecryptor keys = new KeyedFrameDecryptor(CaptureKeys.load(List.of(r.keyDir())));
    List<DecodedFrame> decoded = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      decoded.add(FrameDecoder.decode(i + 1, frames.get(i), keys));
    }
    out.println();
    out.println("On the spokes' segment (decrypted with the exported keys), control traffic:");
    decoded.stream().filter(f -> f.nhrp() != null || f.isakmp() != null)
        .forEach(f -> out.println("  " + FrameSummary.describe(f)));
    if (image != IosImage.IOS_12_3_3) {
      out.println("The document's debugs are " + IosImage.IOS_12_3_3 + "'s; with " + image
          + " its sequence and NHRP packets are not checked.");
      return 0;
    }
    List<String> missing = DocumentSequence.check(decoded);
    missing.forEach(m -> out.println("  expected but not seen: " + m));
    out.println(missing.isEmpty()
        ? "expected sequence (document's debug order): PASSED"
        : "expected sequence: FAILED");
    out.println();
    out.println("The NHRP packets the document's debugs print (kind, direction, NHRP size):");
    SeedNhrpPackets.ALL.forEach(e -> out.println("  " + e));
    List<String> nhrp = SeedNhrpPackets.check(decoded);
    nhrp.forEach(m -> out.println("  " + m));
    out.println(nhrp.isEmpty() ? "document's NHRP packets: PASSED" : "document's NHRP packets: FAILED");
    return missing.size() + nhrp.size();
  }

  static List<DecodedFrame> decodeAll(List<CapturedFrame> frames) {
    List<DecodedFrame> out = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      out.add(FrameDecoder.decode(i + 1, frames.get(i)));
    }
    return out;
  }
}
