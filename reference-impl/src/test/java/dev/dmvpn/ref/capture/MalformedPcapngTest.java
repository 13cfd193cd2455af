package dev.dmvpn.ref.capture;

import static dev.dmvpn.ref.capture.MalformedCaptureTest.assertError;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.expectThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Hand-assembled pcapng files: block lengths that lie, bad interface references, unknown blocks, Simple and
 * obsolete Packet Blocks, timestamp resolutions. Layout of the base file: SHB at 0 (28 bytes), IDB at 28 (20),
 * EPB #1 at 48 (92 = 32 + 60 data bytes), EPB #2 at 140.
 */
public class MalformedPcapngTest {
  private static final int EPB2 = 140;
  private static final byte[] DATA = new byte[60];
  private Path file;

  @BeforeMethod
  public void createFile() throws IOException {
    file = Files.createTempFile("malformed", ".pcapng");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  private static PcapngBytes oneFrame() {
    return new PcapngBytes().shb().idb(1, 0).epb(0, 1_000_000, 60, DATA);
  }

  private CaptureContents load(PcapngBytes b) throws IOException {
    Files.write(file, b.bytes());
    return CaptureFiles.load(file);
  }

  private static byte[] epbBody(int ifId, int capturedLength, int dataBytes) {
    ByteBuffer body = ByteBuffer.allocate(20 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    body.putInt(ifId).putInt(0).putInt(0).putInt(capturedLength).putInt(capturedLength);
    return body.array();
  }

  @Test
  public void blockLengthBelowTwelveStopsWithoutLooping() throws IOException {
    CaptureContents c = load(oneFrame().raw(6, 8, new byte[0], 8));
    assertEquals(c.frames().size(), 1);
    assertError(c, EPB2, "block type 0x6 at 140: total length 8 is below the minimum of 12 (after 1 frames)");
  }

  @Test
  public void zeroBlockLengthStopsWithoutLooping() throws IOException {
    CaptureContents c = load(oneFrame().raw(0x0BAD, 0, new byte[0], 0));
    assertError(c, EPB2, "block type 0xbad at 140: total length 0 is below the minimum of 12 (after 1 frames)");
  }

  @Test
  public void blockLengthNotAMultipleOfFour() throws IOException {
    CaptureContents c = load(oneFrame().raw(6, 94, epbBody(0, 60, 62), 94));
    assertEquals(c.frames().size(), 1);
    assertError(c, EPB2, "block type 0x6 at 140: total length 94 is not a multiple of 4 (after 1 frames)");
  }

  /** A 2 GiB length in a 232-byte file: an error, never a 2 GiB buffer. */
  @Test
  public void blockLengthBeyondTheFileIsNotAllocated() throws IOException {
    CaptureContents c = load(oneFrame().raw(6, 0x7FFF_FFF0, epbBody(0, 60, 60), 92));
    assertEquals(c.frames().size(), 1);
    assertError(c, EPB2, "block type 0x6 at 140: total length 2147483632 exceeds the 92 bytes left in the file"
        + " (truncated or corrupt) (after 1 frames)");
  }

  @Test
  public void unsignedHugeBlockLength() throws IOException {
    CaptureContents c = load(oneFrame().raw(5, 0xFFFF_FFFC, new byte[8], 20));
    assertError(c, EPB2, "block type 0x5 at 140: total length 4294967292 exceeds the 20 bytes left in the file"
        + " (truncated or corrupt) (after 1 frames)");
  }

  @Test
  public void trailingLengthMismatch() throws IOException {
    PcapngBytes b = oneFrame().raw(6, 92, epbBody(0, 60, 60), 96).epb(0, 1, 60, DATA);
    CaptureContents c = load(b);
    assertEquals(c.frames().size(), 1);
    assertError(c, EPB2, "block at 140: trailing total length 96 differs from the leading 92 (after 1 frames)");
  }

  @Test
  public void trailingLengthMismatchInASkippedBlock() throws IOException {
    CaptureContents c = load(oneFrame().raw(4, 20, new byte[8], 24));
    assertError(c, EPB2, "block at 140: trailing total length 24 differs from the leading 20 (after 1 frames)");
  }

  @Test
  public void capturedLengthLargerThanTheBlock() throws IOException {
    CaptureContents c = load(oneFrame().raw(6, 92, epbBody(0, 61, 60), 92));
    assertError(c, EPB2, "enhanced packet block at 140: captured length 61 exceeds the 60 data bytes the block"
        + " holds (after 1 frames)");
  }

  @Test
  public void enhancedPacketBlockShorterThanItsHeader() throws IOException {
    CaptureContents c = load(oneFrame().raw(6, 28, new byte[16], 28));
    assertError(c, EPB2, "enhanced packet block at 140: total length 28 below 32 (after 1 frames)");
  }

  @Test
  public void unknownInterfaceId() throws IOException {
    CaptureContents c = load(oneFrame().epb(3, 0, 60, DATA));
    assertError(c, EPB2,
        "enhanced packet block at 140: interface id 3 but the section describes only 1 interfaces (after 1 frames)");
  }

  /** An IDB at 140 whose if_name option (at 156) claims 200 bytes; the block has 8 bytes of options. */
  @Test
  public void interfaceOptionOverrunningItsBlock() throws IOException {
    PcapngBytes b = oneFrame();
    byte[] lying = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 2)
        .putShort((short) 200).put("eth0".getBytes()).array();
    CaptureContents c = load(b.idb(1, 0, lying));
    assertError(c, EPB2, "interface description block at 140: option 2 at offset 156 has length 200 but only"
        + " 4 bytes are left in the block (after 1 frames)");
  }

  @Test
  public void truncatedFinalBlock() throws IOException {
    byte[] whole = oneFrame().epb(0, 2, 60, DATA).bytes();
    Files.write(file, Arrays.copyOf(whole, whole.length - 10));
    CaptureContents c = CaptureFiles.load(file);
    assertEquals(c.frames().size(), 1);
    assertError(c, EPB2,
        "block type 0x6 at 140: total length 92 exceeds the 82 bytes left in the file (truncated or corrupt)"
            + " (after 1 frames)");
  }

  @Test
  public void truncatedBlockHeader() throws IOException {
    CaptureContents c = load(oneFrame().append(new byte[] {6, 0, 0, 0, 92}));
    assertError(c, EPB2, "block header at 140 truncated: 5 of 8 bytes (after 1 frames)");
  }

  @Test
  public void badByteOrderMagicAtTheStartIsNotACapture() throws IOException {
    byte[] b = new PcapngBytes().shb().bytes();
    b[8] = 0x11;
    Files.write(file, b);
    CaptureFormatException e = expectThrows(CaptureFormatException.class, () -> CaptureFiles.open(file));
    assertEquals(e.getMessage(), file + ": section header block at 0: byte-order magic 0x113c2b1a is not"
        + " 0x1a2b3c4d in either byte order");
  }

  @Test
  public void unsupportedMajorVersion() throws IOException {
    byte[] b = new PcapngBytes().shb().bytes();
    b[12] = 2;
    Files.write(file, b);
    CaptureFormatException e = expectThrows(CaptureFormatException.class, () -> CaptureFiles.open(file));
    assertEquals(e.getMessage(), file + ": section header block at 0: unsupported pcapng version 2.0");
  }

  @Test
  public void damagedSecondSectionHeaderKeepsTheFirstSection() throws IOException {
    PcapngBytes b = oneFrame();
    byte[] shb = new PcapngBytes().shb().bytes();
    shb[9] = 0;
    CaptureContents c = load(b.append(shb));
    assertEquals(c.frames().size(), 1);
    assertError(c, EPB2, "section header block at 140: byte-order magic 0x4d002b1a is not 0x1a2b3c4d in either"
        + " byte order (after 1 frames)");
  }

  /** NRB (4), ISB (5), DSB (0x0a), custom blocks (0xbad, 0x40000bad) and 1000 empty unknown blocks. */
  @Test
  public void unknownBlocksAreSkipped() throws IOException {
    PcapngBytes b = new PcapngBytes().shb().block(4, new byte[16]).idb(1, 0).block(5, new byte[24]);
    b.epb(0, 1, 60, DATA).block(0x0A, new byte[12]).block(0xBAD, new byte[8]).block(0x40000BAD, new byte[4]);
    for (int i = 0; i < 1000; i++) {
      b.block(0x1234, new byte[0]);
    }
    b.epb(0, 2, 60, DATA);
    CaptureContents c = load(b);
    assertFalse(c.trailingError().isPresent(), String.valueOf(c.trailingError()));
    assertEquals(c.frames().size(), 2);
    // tshark 4.0 also lists the two custom blocks as records (without an interface): count only packets
    assertEquals(Tshark.frames(file).stream().filter(r -> r.interfaceId() >= 0).count(), 2);
  }

  /**
   * Blocks bigger than the 1 MiB read window: a 3 MiB custom block is skipped by seeking (file) or reading
   * through (stream), a 2 MiB frame grows the window.
   */
  @Test
  public void blocksLargerThanTheReadWindow() throws IOException {
    byte[] big = new byte[2 << 20];
    big[big.length - 1] = 0x7f;
    PcapngBytes b = new PcapngBytes().shb().idb(1, 0).epb(0, 1, 60, DATA).block(0xBAD, new byte[3 << 20]);
    b.epb(0, 2, big.length, big).epb(0, 3, 60, DATA);
    CaptureContents c = load(b);
    assertFalse(c.trailingError().isPresent(), String.valueOf(c.trailingError()));
    assertEquals(c.frames().size(), 3);
    assertEquals(c.frames().get(1).data().length, big.length);
    assertEquals(c.frames().get(1).data()[big.length - 1], 0x7f);
    try (CaptureReader r = CaptureFiles.open(new java.io.ByteArrayInputStream(b.bytes()), "stream")) {
      int n = 0;
      while (r.next() != null) {
        n++;
      }
      assertEquals(n, 3);
      assertFalse(r.trailingError().isPresent(), String.valueOf(r.trailingError()));
    }
  }

  /** SPB: interface 0, no timestamp, data limited by the IDB snaplen (64) though 100 bytes were on the wire. */
  @Test
  public void simplePacketBlocks() throws IOException {
    byte[] data = new byte[64];
    data[0] = 0x02;
    CaptureContents c = load(new PcapngBytes().shb().idb(1, 64).idb(101, 0).spb(100, data));
    CapturedFrame f = c.frames().get(0);
    assertEquals(f.interfaceIndex(), 0);
    assertEquals(f.linkType(), LinkType.ETHERNET);
    assertEquals(f.timestampNanos(), 0);
    assertEquals(f.originalLength(), 100);
    assertEquals(f.data().length, 64);
    assertEquals(f.data()[0], 0x02);
    Tshark.Row t = Tshark.frames(file).get(0);
    assertEquals(t.epochNanos(), Tshark.NO_TIME);
    assertEquals(t.len(), 100);
    assertEquals(t.capLen(), 64);
  }

  @Test
  public void simplePacketBlockBeforeAnyInterface() throws IOException {
    CaptureContents c = load(new PcapngBytes().shb().spb(4, new byte[4]));
    assertError(c, 28, "simple packet block at 28: no interface described in this section yet (after 0 frames)");
  }

  @Test
  public void obsoletePacketBlock() throws IOException {
    PcapngBytes b = new PcapngBytes().shb().idb(113, 0).idb(1, 0);
    CaptureContents c = load(b.obsoletePacket(1, 1_500_000, DATA));
    CapturedFrame f = c.frames().get(0);
    assertEquals(f.interfaceIndex(), 1);
    assertEquals(f.linkType(), LinkType.ETHERNET);
    assertEquals(f.timestampNanos(), 1_500_000_000L); // default resolution: microseconds
    assertEquals(f.data().length, 60);
  }

  /**
   * if_tsresol 3 (milliseconds), 0x8a (2^-10 s) and if_tsoffset; the values are checked against tshark too.
   */
  @Test
  public void timestampResolutionsAndOffset() throws IOException {
    PcapngBytes b = new PcapngBytes().shb();
    b.idb(1, 0, b.option(9, new byte[] {3}));
    b.idb(1, 0, concat(b.option(9, new byte[] {(byte) 0x8a}), b.option(2, "two".getBytes())));
    b.idb(1, 0, concat(b.option(14, le64(100)), b.option(9, new byte[] {6})));
    b.epb(0, 1_700_000_000_123L, 60, DATA); // ms
    b.epb(1, 5 * 1024 + 512, 60, DATA); // 5.5 s in 1/1024 s
    b.epb(1, 1023, 60, DATA); // 1023/1024 s = 999023437.5 ns, truncated
    b.epb(2, 1_000_001, 60, DATA); // 1.000001 s + 100 s offset
    CaptureContents c = load(b);
    List<CapturedFrame> f = c.frames();
    assertEquals(f.get(0).timestampNanos(), 1_700_000_000_123_000_000L);
    assertEquals(f.get(1).timestampNanos(), 5_500_000_000L);
    assertEquals(f.get(2).timestampNanos(), 999_023_437L);
    assertEquals(f.get(3).timestampNanos(), 101_000_001_000L);
    assertEquals(c.interfaces().get(1).name(), "two");
    assertEquals(c.interfaces().get(1).resolution(), TimestampResolution.binary(10));
    assertEquals(c.interfaces().get(2).timestampOffsetSeconds(), 100);
    List<Tshark.Row> rows = Tshark.frames(file);
    for (int i = 0; i < 3; i++) {
      assertEquals(f.get(i).timestampNanos(), rows.get(i).epochNanos(), "frame " + (i + 1));
    }
  }

  @Test
  public void bigEndianSection() throws IOException {
    PcapngBytes b = new PcapngBytes(ByteOrder.BIG_ENDIAN).shb().idb(101, 0);
    CaptureContents c = load(b.epb(0, 7, 60, DATA).epb(0, 8, 70, DATA));
    assertEquals(c.frames().size(), 2);
    assertEquals(c.frames().get(1).timestampNanos(), 8000);
    assertEquals(c.frames().get(1).originalLength(), 70);
    assertEquals(c.frames().get(1).linkType(), LinkType.RAW);
  }

  private static byte[] le64(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
