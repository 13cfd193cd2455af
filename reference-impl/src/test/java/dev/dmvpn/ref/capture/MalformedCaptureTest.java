package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Damaged classic pcap files: non-captures are rejected with a one-line reason naming the file; damage after
 * the header keeps the frames read so far and is reported as a "pcap" DecodeError at the FILE offset of the
 * bad record.
 *
 * <p>Mutations use ios-nhrp-registration-key2-auth.pcap (744 bytes, tshark cap_len 154, 174, 154, 174): its
 * records start at file offsets 24, 194, 384 and 554.
 */
public class MalformedCaptureTest {
  private static final String NHRP = "ios-nhrp-registration-key2-auth.pcap";
  private Path file;

  @BeforeMethod
  public void createFile() throws IOException {
    file = Files.createTempFile("malformed", ".pcap");
  }

  @AfterMethod(alwaysRun = true)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @Test
  public void emptyFileIsNotACapture() throws IOException {
    CaptureFormatException e = expectThrows(CaptureFormatException.class, () -> CaptureFiles.open(file));
    assertEquals(e.getMessage(), file + ": empty file, not a pcap or pcapng file");
  }

  @Test
  public void threeBytesAreTooShort() throws IOException {
    Files.write(file, new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2});
    CaptureFormatException e = expectThrows(CaptureFormatException.class, () -> CaptureFiles.readAll(file));
    assertEquals(e.getMessage(), file + ": too short (3 bytes) to be a pcap or pcapng file");
  }

  @Test
  public void randomBytesAreNotACapture() throws IOException {
    byte[] junk = new byte[4096];
    new SplittableRandom(1).nextBytes(junk);
    junk[0] = 0x12;
    junk[1] = 0x34;
    junk[2] = 0x56;
    junk[3] = 0x78;
    Files.write(file, junk);
    CaptureFormatException e = expectThrows(CaptureFormatException.class, () -> CaptureFiles.open(file));
    assertEquals(e.getMessage(), file + ": not a pcap or pcapng file (magic 0x12345678)");
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  public void textFileIsNotACapture() throws IOException {
    Files.writeString(file, "# Real captures for decoder tests\n");
    CaptureFormatException e = expectThrows(CaptureFormatException.class, () -> CaptureFiles.open(file));
    assertEquals(e.getMessage(), file + ": not a pcap or pcapng file (magic 0x23205265)");
  }

  @Test
  public void truncatedFileHeaderIsRejected() throws IOException {
    Files.write(file, Arrays.copyOf(nhrpBytes(), 20));
    CaptureFormatException e = expectThrows(CaptureFormatException.class, () -> CaptureFiles.open(file));
    assertEquals(e.getMessage(), file + ": pcap file header truncated: 20 of 24 bytes");
  }

  @Test
  public void headerOnlyFileHasNoFramesAndNoError() throws IOException {
    Files.write(file, Arrays.copyOf(nhrpBytes(), 24));
    CaptureContents c = CaptureFiles.load(file);
    assertTrue(c.frames().isEmpty());
    assertFalse(c.trailingError().isPresent());
  }

  @Test
  public void truncatedLastRecordKeepsTheEarlierFrames() throws IOException {
    Files.write(file, Arrays.copyOf(nhrpBytes(), 740)); // 4 bytes short of the last frame's 174
    CaptureContents c = CaptureFiles.load(file);
    assertEquals(c.frames().size(), 3);
    assertEquals(c.frames().get(2).data().length, 154);
    assertError(c, 554, "record at 554: incl_len 174 but only 170 bytes left (truncated file) (after 3 frames)");
  }

  @Test
  public void truncatedRecordHeaderKeepsTheEarlierFrames() throws IOException {
    Files.write(file, Arrays.copyOf(nhrpBytes(), 560));
    CaptureContents c = CaptureFiles.load(file);
    assertEquals(c.frames().size(), 3);
    assertError(c, 554, "record header at 554 truncated: 6 of 16 bytes (after 3 frames)");
  }

  @Test
  public void readAllThrowsOnDamageNamingFileLayerAndOffset() throws IOException {
    Files.write(file, Arrays.copyOf(nhrpBytes(), 740));
    CaptureFormatException e = expectThrows(CaptureFormatException.class, () -> CaptureFiles.readAll(file));
    assertTrue(e.getMessage().startsWith(file + ": pcap at offset 554: record at 554: incl_len 174"),
        e.getMessage());
  }

  /** incl_len of record 3 (file offset 384 + 8) set to 1 MiB: above the 262144 maximum, a corrupt length. */
  @Test
  public void corruptInclLenMidFileKeepsTheEarlierFrames() throws IOException {
    byte[] b = nhrpBytes();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(384 + 8, 1 << 20);
    Files.write(file, b);
    CaptureContents c = CaptureFiles.load(file);
    assertEquals(c.frames().size(), 2);
    assertError(c, 384,
        "record at 384: incl_len 1048576 exceeds the maximum of 262144 (corrupt length) (after 2 frames)");
  }

  @Test
  public void negativeInclLenIsReportedUnsigned() throws IOException {
    byte[] b = nhrpBytes();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(194 + 8, -1);
    Files.write(file, b);
    CaptureContents c = CaptureFiles.load(file);
    assertEquals(c.frames().size(), 1);
    assertError(c, 194,
        "record at 194: incl_len 4294967295 exceeds the maximum of 262144 (corrupt length) (after 1 frames)");
  }

  /** incl_len 60000 at record 2: plausible, but the file ends long before. */
  @Test
  public void inclLenBeyondTheFileIsAnErrorNotAnAllocation() throws IOException {
    byte[] b = nhrpBytes();
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(194 + 8, 60000);
    Files.write(file, b);
    CaptureContents c = CaptureFiles.load(file);
    assertEquals(c.frames().size(), 1);
    assertError(c, 194, "record at 194: incl_len 60000 but only 534 bytes left (truncated file) (after 1 frames)");
  }

  @Test
  public void iteratorStopsAtDamageAndTheReaderKeepsTheError() throws IOException {
    Files.write(file, Arrays.copyOf(nhrpBytes(), 740));
    try (CaptureReader r = CaptureFiles.open(file)) {
      int n = 0;
      for (CapturedFrame f : r) {
        n++;
      }
      assertEquals(n, 3);
      assertEquals(r.framesRead(), 3);
      assertEquals(r.position(), 554);
      assertTrue(r.trailingError().isPresent());
      assertEquals(r.next(), null, "stays at the end");
    }
  }

  @Test
  public void streamsReadLikeFiles() throws IOException {
    try (CaptureReader r = CaptureFiles.open(Files.newInputStream(SharedFiles.capture(NHRP)), "pipe")) {
      assertEquals(r.sourceName(), "pipe");
      int n = 0;
      while (r.next() != null) {
        n++;
      }
      assertEquals(n, 4);
      assertFalse(r.trailingError().isPresent());
    }
    assertThrows(CaptureFormatException.class,
        () -> CaptureFiles.open(new java.io.ByteArrayInputStream(new byte[8]), "zeros"));
  }

  static void assertError(CaptureContents c, int offset, String message) {
    assertTrue(c.trailingError().isPresent(), "expected a trailing error");
    DecodeError e = c.trailingError().get();
    assertEquals(e.layer(), c.format() == CaptureFormat.PCAP ? "pcap" : "pcapng");
    assertEquals(e.message(), message);
    assertEquals(e.offset(), offset);
  }

  private static byte[] nhrpBytes() throws IOException {
    return Files.readAllBytes(SharedFiles.capture(NHRP));
  }
}
