package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.testing.SharedFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.testng.annotations.Test;

/**
 * Mutation fuzzing of the whole-frame decoder from the real captures: random byte flips, length-field smashes
 * (0x00/0xFF runs) and truncations. Fixed seed, bounded count. Every mutant must come back as a result (never an
 * exception), any error must name a layer and an offset inside the frame, and never be an internal error. The
 * timeout only guards against an endless loop; it is not a speed measurement.
 */
public class FrameDecoderFuzzTest {
  private static final long SEED = 0x5EED_D3F1L;
  private static final int MUTANTS_PER_FRAME = 2000;

  @Test(timeOut = 120_000)
  public void mutantsOfRealFramesNeverEscapeOrLoop() throws Exception {
    Random random = new Random(SEED);
    List<CapturedFrame> seeds = allSharedFrames();
    int decoded = 0;
    int errors = 0;
    for (CapturedFrame seed : seeds) {
      for (int i = 0; i < MUTANTS_PER_FRAME; i++) {
        byte[] mutant = mutate(seed.data(), random);
        CapturedFrame f = new CapturedFrame(0, seed.linkType(), 0, mutant.length, mutant);
        DecodedFrame d = FrameDecoder.decode(1, f);
        assertNotNull(d);
        decoded++;
        if (d.error() != null) {
          errors++;
          check(d.error(), mutant, seed);
        }
      }
    }
    assertTrue(decoded >= 300_000, "bounded but substantial: " + decoded);
    assertTrue(errors > decoded / 20, "the mutations must actually hit the decoders: " + errors + " errors");
  }

  private static void check(DecodeError e, byte[] mutant, CapturedFrame seed) {
    String where = "mutant of a " + seed.data().length + "-byte frame: " + e;
    assertFalse(e.layer() == null || e.layer().isEmpty(), where);
    assertTrue(e.offset() >= 0 && e.offset() <= mutant.length, where);
    assertFalse(e.message().startsWith("internal:"), where);
  }

  static byte[] mutate(byte[] original, Random r) {
    byte[] b = Arrays.copyOf(original, original.length);
    switch (r.nextInt(4)) {
      case 0 -> { // a few random bytes
        for (int k = 1 + r.nextInt(4); k > 0 && b.length > 0; k--) {
          b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        }
      }
      case 1 -> { // smash a 2-byte field: lengths and offsets are the dangerous ones
        if (b.length > 2) {
          int at = r.nextInt(b.length - 1);
          byte v = r.nextBoolean() ? 0 : (byte) 0xFF;
          b[at] = v;
          b[at + 1] = v;
        }
      }
      case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1)); // truncation
      default -> { // flip bits in the first 120 bytes, where the headers are
        for (int k = 1 + r.nextInt(8); k > 0 && b.length > 0; k--) {
          int at = r.nextInt(Math.min(b.length, 120));
          b[at] ^= (byte) (1 << r.nextInt(8));
        }
      }
    }
    return b;
  }

  private static List<CapturedFrame> allSharedFrames() throws Exception {
    List<CapturedFrame> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(SharedFiles.shared("captures"))) {
      for (Path p : s.filter(x -> x.toString().matches(".*\\.(pcap|cap)$")).sorted().toList()) {
        out.addAll(CaptureFiles.readAll(p));
      }
    }
    return out;
  }
}
