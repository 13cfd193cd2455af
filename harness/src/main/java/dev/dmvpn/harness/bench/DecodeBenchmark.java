package dev.dmvpn.harness.bench;

import dev.dmvpn.harness.decode.FrameJson;
import dev.dmvpn.harness.json.JsonBytes;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CaptureReader;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Measures decode throughput on one thread: frames already in memory decoded to records (the figure),
 * the file read and decoded end to end, and decode plus JSON formatting (what {@code decode} does minus stdout).
 * Each figure is the median of {@code passes} timed passes after two warm-up passes.
 */
public final class DecodeBenchmark {
  private final PrintWriter out;
  private final int passes;
  /** Results fold into this so the JIT cannot drop the decoding as dead code. */
  private long sink;

  public DecodeBenchmark(PrintWriter out, int passes) {
    this.out = out;
    this.passes = passes;
  }

  public void run(Path capture, long frames) throws IOException {
    generateIfMissing(capture, frames);
    List<CapturedFrame> all = CaptureFiles.readAll(capture);
    out.printf("capture %s: %d frames, %.1f MB%n", capture, all.size(), Files.size(capture) / 1e6);
    checkEveryFrameDecodes(all);
    out.printf("decode-to-records frames/s %.0f (median of %d passes, 1 thread)%n", rate(all, this::decodePass),
        passes);
    out.printf("file-read+decode frames/s %.0f%n", rate(all, f -> fileReadPass(capture)));
    out.printf("decode+json frames/s %.0f%n", rate(all, this::jsonPass));
    out.printf("(sink %d)%n", sink & 0xF);
    out.flush();
  }

  /** Writes the mixed capture unless the file exists (the end-to-end benchmark reuses it). */
  public void generateIfMissing(Path capture, long frames) throws IOException {
    if (!Files.exists(capture)) {
      long start = System.nanoTime();
      long[] kinds = new MixedCaptureGenerator().write(capture, frames);
      out.printf("generated %s: %d NHRP, %d ISAKMP, %d ESP frames in %.1f s%n", capture, kinds[0], kinds[1],
          kinds[2], (System.nanoTime() - start) / 1e9);
      out.flush();
    }
  }

  private void checkEveryFrameDecodes(List<CapturedFrame> all) {
    for (int i = 0; i < all.size(); i++) {
      DecodedFrame d = FrameDecoder.decode(i + 1, all.get(i));
      if (d.error() != null) {
        throw new IllegalStateException("generated frame " + (i + 1) + " does not decode: " + d.error());
      }
    }
  }

  private interface Pass {
    void run(List<CapturedFrame> frames) throws IOException;
  }

  private double rate(List<CapturedFrame> all, Pass pass) throws IOException {
    pass.run(all);
    pass.run(all);
    double[] rates = new double[passes];
    for (int i = 0; i < passes; i++) {
      long start = System.nanoTime();
      pass.run(all);
      rates[i] = all.size() / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(rates);
    return rates[passes / 2];
  }

  private void decodePass(List<CapturedFrame> all) {
    long acc = 0;
    for (int i = 0; i < all.size(); i++) {
      DecodedFrame d = FrameDecoder.decode(i + 1, all.get(i));
      acc += d.nhrp() != null ? d.nhrp().header().hopCount() : d.esp() != null ? d.esp().sequenceNumber() : 1;
    }
    sink += acc;
  }

  private void fileReadPass(Path capture) throws IOException {
    long acc = 0;
    long n = 0;
    try (CaptureReader r = CaptureFiles.open(capture)) {
      CapturedFrame f;
      while ((f = r.next()) != null) {
        acc += FrameDecoder.decode(++n, f).ok() ? 1 : 0;
      }
    }
    sink += acc;
  }

  private void jsonPass(List<CapturedFrame> all) {
    JsonBytes line = new JsonBytes(4096); // the decode command's writer, reused as it reuses it
    long acc = 0;
    for (int i = 0; i < all.size(); i++) {
      line.reset();
      FrameJson.write(FrameDecoder.decode(i + 1, all.get(i)), line);
      acc += line.length();
    }
    sink += acc;
  }
}
