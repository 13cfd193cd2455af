package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * One million 64-byte frames written and read in both formats. Targets: well over 1M frames/s reading from
 * the page cache, and well under a second for writing. The asserted bounds are looser (the build machine is
 * shared) so that only a real regression (a per-frame system call, a per-byte loop) fails; the measured rates
 * are printed.
 */
public class CapturePerformanceTest {
  private static final int FRAMES = 1_000_000;
  private static final long BOUND_NANOS = 4_000_000_000L;
  private Path pcap;
  private Path pcapng;

  @BeforeClass
  public void createFiles() throws IOException {
    pcap = Files.createTempFile("perf", ".pcap");
    pcapng = Files.createTempFile("perf", ".pcapng");
  }

  @AfterClass(alwaysRun = true)
  public void deleteFiles() throws IOException {
    Files.deleteIfExists(pcap);
    Files.deleteIfExists(pcapng);
  }

  @Test
  public void pcapMillionFrames() throws IOException {
    byte[] data = new byte[64];
    long t0 = System.nanoTime();
    try (PcapWriter w = PcapWriter.create(pcap, LinkType.ETHERNET)) {
      for (int i = 0; i < FRAMES; i++) {
        data[0] = (byte) i;
        w.write(TestFrames.BASE_NANOS + i * 1000L, data);
      }
    }
    long written = System.nanoTime() - t0;
    assertEquals(Files.size(pcap), 24 + FRAMES * (16L + 64));
    long read = timeRead(pcap);
    report("pcap", written, read);
  }

  @Test
  public void pcapngMillionFrames() throws IOException {
    byte[] data = new byte[64];
    long t0 = System.nanoTime();
    try (PcapngWriter w = PcapngWriter.create(pcapng)) {
      w.addInterface(LinkType.ETHERNET);
      w.addInterface(LinkType.RAW);
      for (int i = 0; i < FRAMES; i++) {
        data[0] = (byte) i;
        w.write(i & 1, TestFrames.BASE_NANOS + i * 1000L, 64, data);
      }
    }
    long written = System.nanoTime() - t0;
    long read = timeRead(pcapng);
    report("pcapng", written, read);
  }

  private static long timeRead(Path file) throws IOException {
    long t0 = System.nanoTime();
    long bytes = 0;
    int n = 0;
    try (CaptureReader r = CaptureFiles.open(file)) {
      for (CapturedFrame f = r.next(); f != null; f = r.next()) {
        assertEquals(f.data()[0], (byte) n);
        bytes += f.data().length;
        n++;
      }
      assertFalse(r.trailingError().isPresent());
    }
    long elapsed = System.nanoTime() - t0;
    assertEquals(n, FRAMES);
    assertEquals(bytes, 64L * FRAMES);
    return elapsed;
  }

  private static void report(String what, long writeNanos, long readNanos) {
    System.out.printf("%s: wrote 1M frames in %d ms, read them in %d ms (%.1f M frames/s)%n", what,
        writeNanos / 1_000_000, readNanos / 1_000_000, FRAMES * 1e3 / readNanos);
    assertTrue(writeNanos < BOUND_NANOS, what + " write took " + writeNanos / 1_000_000 + " ms");
    assertTrue(readNanos < BOUND_NANOS, what + " read took " + readNanos / 1_000_000 + " ms");
  }
}
