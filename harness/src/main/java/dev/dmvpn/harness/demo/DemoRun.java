package dev.dmvpn.harness.demo;

import dev.dmvpn.harness.decode.FrameSummary;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo as far as the project has come: the document's exchange written by the project's encoders, read back,
 * decoded and checked against the sequence the document's debug output implies; then the real IOS captures.
 */
public final class DemoRun {
  /** What each frame of {@link DocumentFrames#exchange()} must decode to, in order. */
  static final List<String> EXPECTED = List.of(
      "nhrp registration-request 209.168.202.130->209.168.202.225",
      "nhrp registration-reply 209.168.202.225->209.168.202.130",
      "nhrp registration-request 209.168.202.131->209.168.202.225",
      "nhrp registration-reply 209.168.202.225->209.168.202.131",
      "nhrp resolution-request 209.168.202.130->209.168.202.225",
      "nhrp resolution-request 209.168.202.225->209.168.202.131",
      "nhrp resolution-reply 209.168.202.131->209.168.202.130",
      "isakmp main-mode 209.168.202.131->209.168.202.130",
      "esp 209.168.202.130->209.168.202.131",
      "esp 209.168.202.130->209.168.202.131",
      "esp 209.168.202.130->209.168.202.131");

  private final PrintWriter out;

  public DemoRun(PrintWriter out) {
    this.out = out;
  }

  /** Returns the number of problems found (0 = the demo passed). */
  public int run(Path outDir, Path sharedCaptures) throws IOException {
    Files.createDirectories(outDir);
    Path pcap = outDir.resolve("document-exchange.pcap");
    CaptureFiles.writePcap(pcap, DocumentFrames.exchange());
    out.println("The document's exchange (hub sv9-2, spokes sv9-3 and sv9-4), built by the project's encoders:");
    out.println("  written to " + pcap);
    List<DecodedFrame> decoded = decodeAll(CaptureFiles.readAll(pcap));
    decoded.forEach(f -> out.println(FrameSummary.describe(f)));
    int problems = checkSequence(decoded);
    out.println(problems == 0
        ? "expected sequence: PASSED (" + EXPECTED.size() + " frames in order)"
        : "expected sequence: FAILED (" + problems + " problems)");
    if (sharedCaptures != null && Files.isDirectory(sharedCaptures)) {
      problems += new SharedCaptureTour(out).run(sharedCaptures);
    }
    out.println("Not yet built: IKE/ESP crypto, the NHRP engine and node, the virtual rack (see `issues`).");
    return problems;
  }

  static List<DecodedFrame> decodeAll(List<CapturedFrame> frames) {
    List<DecodedFrame> out = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      out.add(FrameDecoder.decode(i + 1, frames.get(i)));
    }
    return out;
  }

  private int checkSequence(List<DecodedFrame> decoded) {
    int problems = 0;
    for (int i = 0; i < Math.max(decoded.size(), EXPECTED.size()); i++) {
      String got = i < decoded.size() ? label(decoded.get(i)) : "(missing)";
      String want = i < EXPECTED.size() ? EXPECTED.get(i) : "(nothing more)";
      if (!got.equals(want)) {
        out.println("  frame " + (i + 1) + ": expected " + want + ", got " + got);
        problems++;
      }
    }
    return problems;
  }

  static String label(DecodedFrame f) {
    if (f.error() != null || f.ipv4() == null) {
      return "error " + f.error();
    }
    String hosts = f.ipv4().source() + "->" + f.ipv4().destination();
    if (f.nhrp() != null) {
      return "nhrp " + f.nhrp().type().name() + " " + hosts;
    } else if (f.isakmp() != null) {
      return "isakmp " + f.isakmp().header().exchangeType().name() + " " + hosts;
    } else if (f.esp() != null) {
      return "esp " + hosts;
    }
    return "ip " + hosts;
  }
}
