package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.testing.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Random byte mutations of valid files: opening either succeeds or throws CaptureFormatException, reading
 * always ends (no loop, no huge allocation), returns no more frames than the file could hold, and reports
 * damage only as a trailing error (nothing "internal").
 */
public class CaptureFuzzTest {
  private static final int ROUNDS = 1500;
  private Path file;

  @BeforeMethod
  public void createFile() throws IOException {
    file = Files.createTempFile("fuzz", ".cap");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @Test
  public void mutatedPcap() throws IOException {
    fuzz(Files.readAllBytes(SharedFiles.capture("ios-nhrp-registration-key2-auth.pcap")), 1);
  }

  @Test
  public void mutatedPcapng() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PcapngWriter w = new PcapngWriter(out, ByteOrder.BIG_ENDIAN)) {
      w.addInterface(LinkType.ETHERNET, 0, TimestampResolution.NANOS, "a");
      w.addInterface(LinkType.RAW, 100, TimestampResolution.binary(20), null);
      for (CapturedFrame f : TestFrames.frames(6, 1, LinkType.RAW, 1, 4)) {
        w.write(f);
      }
    }
    fuzz(out.toByteArray(), 2);
  }

  private void fuzz(byte[] original, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    long start = System.nanoTime();
    for (int round = 0; round < ROUNDS; round++) {
      byte[] b = original.clone();
      int flips = 1 + rnd.nextInt(4);
      for (int i = 0; i < flips; i++) {
        b[rnd.nextInt(b.length)] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : 0xFF);
      }
      int length = rnd.nextInt(8) == 0 ? rnd.nextInt(b.length) : b.length;
      Files.write(file, java.util.Arrays.copyOf(b, length));
      readEverything(length, round);
    }
    assertTrue(System.nanoTime() - start < 60_000_000_000L, "fuzzing took over a minute");
  }

  private void readEverything(int length, int round) throws IOException {
    CaptureContents c;
    try {
      c = CaptureFiles.load(file);
    } catch (CaptureFormatException e) {
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      return;
    }
    List<CapturedFrame> frames = c.frames();
    assertTrue(frames.size() <= length / 12, "round " + round + ": " + frames.size() + " frames");
    c.trailingError().ifPresent(
        e -> assertFalse(e.message().startsWith("internal:"), "round " + round + ": " + e));
  }
}
