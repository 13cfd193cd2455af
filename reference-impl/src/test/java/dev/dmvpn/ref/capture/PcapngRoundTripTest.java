package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * pcapng written by {@link PcapngWriter} with several interfaces (different link types and resolutions), read
 * back by us and by tshark.
 */
public class PcapngRoundTripTest {
  private static final TimestampResolution BINARY_20 = TimestampResolution.binary(20);
  private Path file;

  @BeforeMethod
  public void createFile() throws IOException {
    file = Files.createTempFile("roundtrip", ".pcapng");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @DataProvider
  public Object[][] orders() {
    return new Object[][] {{ByteOrder.LITTLE_ENDIAN}, {ByteOrder.BIG_ENDIAN}};
  }

  /** Interface 0: Ethernet, ns; interface 1: raw IP, us; frames alternate between them. */
  private List<CapturedFrame> writeTwoInterfaces(Path target, ByteOrder order, int n) throws IOException {
    List<CapturedFrame> eth = TestFrames.frames(n, 0, LinkType.ETHERNET, 1, 11);
    List<CapturedFrame> raw = TestFrames.frames(n, 1, LinkType.RAW, 1000, 12);
    List<CapturedFrame> all = new ArrayList<>();
    try (PcapngWriter w = PcapngWriter.create(target, order)) {
      assertEquals(w.addInterface(LinkType.ETHERNET, 65535, TimestampResolution.NANOS, "veth-a"), 0);
      assertEquals(w.addInterface(LinkType.RAW, 0, TimestampResolution.MICROS, null), 1);
      for (int i = 0; i < n; i++) {
        w.write(eth.get(i));
        w.write(raw.get(i));
        all.add(eth.get(i));
        all.add(raw.get(i));
      }
    }
    return all;
  }

  @Test(dataProvider = "orders")
  public void twoInterfacesReadBackIdentically(ByteOrder order) throws IOException {
    List<CapturedFrame> written = writeTwoInterfaces(file, order, 100);
    CaptureContents c = CaptureFiles.load(file);
    assertEquals(c.format(), CaptureFormat.PCAPNG);
    assertFalse(c.trailingError().isPresent(), String.valueOf(c.trailingError()));
    assertEquals(c.interfaces(), List.of(
        new CaptureInterface(0, LinkType.ETHERNET, 65535, TimestampResolution.NANOS, 0, "veth-a"),
        new CaptureInterface(1, LinkType.RAW, 0, TimestampResolution.MICROS, 0, null)));
    SharedCapturesReadTest.assertSameFrames(c.frames(), written, "pcapng " + order);
  }

  @Test(dataProvider = "orders")
  public void tsharkReadsWhatWeWrite(ByteOrder order) throws IOException {
    List<CapturedFrame> written = writeTwoInterfaces(file, order, 40);
    assertMatchesTshark(written, Tshark.frames(file), true);
  }

  @Test
  public void binaryResolutionTruncatesLikeWireshark() throws IOException {
    List<CapturedFrame> frames = TestFrames.frames(30, 0, LinkType.LINUX_SLL, 1, 5);
    try (PcapngWriter w = PcapngWriter.create(file)) {
      w.addInterface(LinkType.LINUX_SLL, 0, BINARY_20, "any");
      for (CapturedFrame f : frames) {
        w.write(f);
      }
    }
    List<CapturedFrame> read = CaptureFiles.readAll(file);
    List<Tshark.Row> rows = Tshark.frames(file);
    for (int i = 0; i < frames.size(); i++) {
      long delta = frames.get(i).timestampNanos() - read.get(i).timestampNanos();
      assertTrue(delta >= 0 && delta < 954, "2^-20 s is 953.67 ns; frame " + i + " off by " + delta);
      assertEquals(read.get(i).timestampNanos(), rows.get(i).epochNanos(), "frame " + (i + 1));
    }
  }

  /**
   * Two sections back to back (the second big-endian): interface ids continue across sections, as capinfos
   * lists them (interfaces #0..#2). tshark 4.0.17 prints the section-local id in frame.interface_id (0 for the
   * second section's frames, with the first section's interface name), so ids are checked through
   * frame.section_number and frame.encap_type (25 = Linux SLL) instead.
   */
  @Test
  public void severalSectionsNumberInterfacesGlobally() throws IOException {
    List<CapturedFrame> first = writeTwoInterfaces(file, ByteOrder.LITTLE_ENDIAN, 5);
    Path second = Files.createTempFile("section2", ".pcapng");
    List<CapturedFrame> expected = new ArrayList<>(first);
    try {
      List<CapturedFrame> more = TestFrames.frames(6, 0, LinkType.LINUX_SLL, 1, 9);
      try (PcapngWriter w = PcapngWriter.create(second, ByteOrder.BIG_ENDIAN)) {
        w.addInterface(LinkType.LINUX_SLL);
        for (CapturedFrame f : more) {
          w.write(f);
          expected.add(new CapturedFrame(2, f.linkType(), f.timestampNanos(), f.originalLength(), f.data()));
        }
      }
      Files.write(file, Files.readAllBytes(second), StandardOpenOption.APPEND);
    } finally {
      Files.delete(second);
    }
    CaptureContents c = CaptureFiles.load(file);
    assertEquals(c.interfaces().size(), 3);
    assertEquals(c.interfaces().get(2).linkType(), LinkType.LINUX_SLL);
    SharedCapturesReadTest.assertSameFrames(c.frames(), expected, "two sections");
    assertMatchesTshark(expected, Tshark.frames(file), false);
    List<String> sections = Tshark.run(Tshark.TSHARK.toString(), "-r", file.toString(), "-T", "fields",
        "-e", "frame.section_number", "-e", "frame.encap_type");
    assertEquals(sections.get(0), "1\t1");
    assertEquals(sections.get(1), "1\t7");
    assertEquals(sections.get(10), "2\t25");
    assertEquals(sections.get(15), "2\t25");
  }

  @Test
  public void headerBytesFollowTheSpec() throws IOException {
    try (PcapngWriter w = PcapngWriter.create(file, ByteOrder.BIG_ENDIAN)) {
      w.addInterface(LinkType.ETHERNET, 1514, TimestampResolution.NANOS, null);
      w.write(0, 1_000_000_000L, 4, new byte[] {1, 2, 3, 4});
    }
    byte[] raw = Files.readAllBytes(file);
    // SHB: type 0a0d0d0a, length 52, byte-order magic, version 1.0, section length -1, then
    // shb_userappl (4) "dmvpn-harness" (13 bytes + 3 padding), opt_endofopt, trailing length
    assertEquals(Hex.of(raw, 0, 24), "0a0d0d0a" + "00000034" + "1a2b3c4d" + "00010000" + "ffffffffffffffff");
    assertEquals(Hex.of(raw, 24, 28), "0004000d" + Hex.of("dmvpn-harness".getBytes(StandardCharsets.UTF_8))
        + "000000" + "00000000" + "00000034");
    // IDB at 52: type 1, length 32, linktype 1, reserved, snaplen 1514, if_tsresol (9) len 1 value 9
    assertEquals(Hex.of(raw, 52, 24), "00000001" + "00000020" + "0001" + "0000" + "000005ea"
        + "0009" + "0001" + "09000000");
    // EPB at 84: type 6, length 36, interface 0, timestamp 10^9 ns, caplen 4, origlen 4, data
    assertEquals(Hex.of(raw, 84, 36), "00000006" + "00000024" + "00000000" + "00000000" + "3b9aca00"
        + "00000004" + "00000004" + "01020304" + "00000024");
  }

  @Test
  public void writerChecksInterfacesAndResolutions() throws IOException {
    try (PcapngWriter w = PcapngWriter.create(file)) {
      assertThrows(IllegalArgumentException.class, () -> w.write(0, 0, 1, new byte[1]));
      w.addInterface(LinkType.ETHERNET);
      CapturedFrame raw = new CapturedFrame(0, LinkType.RAW, 0, 1, new byte[1]);
      assertThrows(IllegalArgumentException.class, () -> w.write(raw));
      assertThrows(IllegalArgumentException.class,
          () -> w.addInterface(LinkType.RAW, 0, TimestampResolution.decimal(12), null));
    }
  }

  @Test
  public void writePcapngConvenienceCreatesOneInterfacePerIndex() throws IOException {
    List<CapturedFrame> frames = new ArrayList<>(TestFrames.frames(3, 1, LinkType.RAW, 1, 1));
    frames.addAll(TestFrames.frames(3, 0, LinkType.ETHERNET, 1, 2));
    CaptureFiles.writePcapng(file, frames);
    CaptureContents c = CaptureFiles.load(file);
    assertEquals(c.interfaces().get(0).linkType(), LinkType.ETHERNET);
    assertEquals(c.interfaces().get(1).linkType(), LinkType.RAW);
    SharedCapturesReadTest.assertSameFrames(c.frames(), frames, "writePcapng");
  }

  private static void assertMatchesTshark(
      List<CapturedFrame> expected, List<Tshark.Row> rows, boolean checkInterfaceId) {
    assertEquals(rows.size(), expected.size());
    for (int i = 0; i < rows.size(); i++) {
      Tshark.Row t = rows.get(i);
      CapturedFrame f = expected.get(i);
      String at = "frame " + (i + 1);
      if (checkInterfaceId) {
        assertEquals(t.interfaceId(), f.interfaceIndex(), at);
      }
      assertEquals(t.epochNanos(), f.timestampNanos(), at);
      assertEquals(t.len(), f.originalLength(), at);
      assertEquals(t.capLen(), f.data().length, at);
    }
  }

}
