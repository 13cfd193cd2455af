package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Classic pcap written by {@link PcapWriter}, read back by us and by tshark. */
public class PcapRoundTripTest {
  private Path file;

  @BeforeMethod
  public void createFile() throws IOException {
    file = Files.createTempFile("roundtrip", ".pcap");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  /** byte order, resolution, the first four bytes of the file (magic as stored) */
  @DataProvider
  public Object[][] variants() {
    return new Object[][] {
      {ByteOrder.LITTLE_ENDIAN, TimestampResolution.MICROS, "d4c3b2a1"},
      {ByteOrder.BIG_ENDIAN, TimestampResolution.MICROS, "a1b2c3d4"},
      {ByteOrder.LITTLE_ENDIAN, TimestampResolution.NANOS, "4d3cb2a1"},
      {ByteOrder.BIG_ENDIAN, TimestampResolution.NANOS, "a1b23c4d"},
    };
  }

  @Test(dataProvider = "variants")
  public void writtenFramesReadBackIdentically(ByteOrder order, TimestampResolution res, String magic)
      throws IOException {
    long granularity = res.equals(TimestampResolution.NANOS) ? 1 : 1000;
    List<CapturedFrame> frames = TestFrames.frames(200, 0, LinkType.ETHERNET, granularity, 42);
    try (PcapWriter w = PcapWriter.create(file, LinkType.ETHERNET, 65535, res, order)) {
      frames.forEach(f -> write(w, f));
      assertEquals(w.framesWritten(), 200);
    }
    byte[] raw = Files.readAllBytes(file);
    assertEquals(Hex.of(raw, 0, 4), magic);
    try (CaptureReader r = CaptureFiles.open(file)) {
      assertEquals(r.format(), CaptureFormat.PCAP);
      assertEquals(r.interfaces().get(0).resolution(), res);
      assertEquals(r.interfaces().get(0).snaplen(), 65535);
      int i = 0;
      for (CapturedFrame f : r) {
        assertFrame(f, frames.get(i++));
      }
      assertEquals(i, 200);
      assertFalse(r.trailingError().isPresent());
      assertEquals(r.position(), raw.length);
    }
  }

  @Test(dataProvider = "variants")
  public void tsharkReadsWhatWeWrite(ByteOrder order, TimestampResolution res, String magic)
      throws IOException {
    long granularity = res.equals(TimestampResolution.NANOS) ? 1 : 1000;
    List<CapturedFrame> frames = TestFrames.frames(50, 0, LinkType.ETHERNET, granularity, 7);
    try (PcapWriter w = PcapWriter.create(file, LinkType.ETHERNET, 65535, res, order)) {
      frames.forEach(f -> write(w, f));
    }
    List<Tshark.Row> rows = Tshark.frames(file);
    assertEquals(rows.size(), frames.size());
    for (int i = 0; i < rows.size(); i++) {
      Tshark.Row t = rows.get(i);
      CapturedFrame f = frames.get(i);
      assertEquals(t.number(), i + 1);
      assertEquals(t.epochNanos(), f.timestampNanos(), "frame " + (i + 1));
      assertEquals(t.len(), f.originalLength(), "frame " + (i + 1));
      assertEquals(t.capLen(), f.data().length, "frame " + (i + 1));
      assertEquals(t.interfaceId(), -1, "tshark prints no frame.interface_id for classic pcap");
    }
  }

  @Test
  public void microsecondFilesDropTheSubMicrosecondDigits() throws IOException {
    byte[] data = new byte[60];
    try (PcapWriter w = PcapWriter.create(file, LinkType.ETHERNET, 65535, TimestampResolution.MICROS,
        ByteOrder.LITTLE_ENDIAN)) {
      w.write(1_234_567_890_123_456_789L, data);
    }
    CapturedFrame f = CaptureFiles.readAll(file).get(0);
    assertEquals(f.timestampNanos(), 1_234_567_890_123_456_000L);
    // record header right after the 24-byte file header: ts_sec 1234567890 = 0x499602d2, ts_usec 123456
    byte[] raw = Files.readAllBytes(file);
    assertEquals(Hex.of(raw, 24, 16), "d2029649" + "40e20100" + "3c000000" + "3c000000");
  }

  @Test
  public void framesLongerThanTheSnaplenAreCutAndKeepTheirOriginalLength() throws IOException {
    byte[] data = new byte[300];
    Arrays.fill(data, (byte) 0x5a);
    try (PcapWriter w = PcapWriter.create(file, LinkType.RAW, 128, TimestampResolution.NANOS,
        ByteOrder.BIG_ENDIAN)) {
      w.write(TestFrames.BASE_NANOS, data);
    }
    CapturedFrame f = CaptureFiles.readAll(file).get(0);
    assertEquals(f.data().length, 128);
    assertEquals(f.originalLength(), 300);
    assertTrue(f.truncated());
    assertEquals(f.linkType(), LinkType.RAW);
    Tshark.Row t = Tshark.frames(file).get(0);
    assertEquals(t.capLen(), 128);
    assertEquals(t.len(), 300);
  }

  @Test
  public void writerRejectsAnotherLinkTypeAndOutOfRangeTimes() throws IOException {
    try (PcapWriter w = PcapWriter.create(file, LinkType.ETHERNET)) {
      CapturedFrame sll = new CapturedFrame(0, LinkType.LINUX_SLL, 0, 1, new byte[1]);
      assertThrows(IllegalArgumentException.class, () -> w.write(sll));
      assertThrows(IllegalArgumentException.class, () -> w.write(-1, new byte[1]));
      assertThrows(IllegalArgumentException.class, () -> w.write((1L << 32) * 1_000_000_000L, new byte[1]));
    }
    assertThrows(IllegalArgumentException.class,
        () -> PcapWriter.create(file, LinkType.ETHERNET, 100, TimestampResolution.decimal(3),
            ByteOrder.LITTLE_ENDIAN));
  }

  @Test
  public void writePcapConvenienceRoundTrips() throws IOException {
    List<CapturedFrame> frames = TestFrames.frames(20, 0, LinkType.LINUX_SLL, 1, 3);
    CaptureFiles.writePcap(file, frames);
    SharedCapturesReadTest.assertSameFrames(CaptureFiles.readAll(file), frames, "writePcap");
  }

  static void assertFrame(CapturedFrame actual, CapturedFrame expected) {
    assertEquals(actual.timestampNanos(), expected.timestampNanos());
    assertEquals(actual.originalLength(), expected.originalLength());
    assertEquals(actual.linkType(), expected.linkType());
    assertEquals(actual.interfaceIndex(), expected.interfaceIndex());
    assertTrue(Arrays.equals(actual.data(), expected.data()));
  }

  private static void write(PcapWriter w, CapturedFrame f) {
    try {
      w.write(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
