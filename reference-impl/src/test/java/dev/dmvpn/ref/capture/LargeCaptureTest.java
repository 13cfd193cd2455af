package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.DecodeError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.testng.annotations.Test;

/**
 * A pcap file larger than 2 GiB streams through (file offsets beyond int range). The file is sparse: only the
 * 16-byte record headers are written, the 262144-byte frames are holes that read as zeros, so the test costs
 * little disk.
 */
public class LargeCaptureTest {
  private static final int RECORD = 262_144;
  private static final int RECORDS = 8200; // 24 + 8200 * (16 + 262144) = 2,149,712,024 bytes > 2^31

  @Test
  public void readsPastTwoGibAndReportsTheExactOffsetOfATruncatedRecord() throws IOException {
    Path file = Files.createTempFile("large", ".pcap");
    try {
      long tail = writeSparse(file);
      assertTrue(tail > Integer.MAX_VALUE);
      try (CaptureReader r = CaptureFiles.open(file)) {
        int n = 0;
        for (CapturedFrame f = r.next(); f != null; f = r.next()) {
          assertEquals(f.data().length, RECORD);
          assertEquals(f.timestampNanos(), n * 1_000_000_000L);
          n++;
        }
        assertEquals(n, RECORDS);
        assertEquals(r.position(), tail);
        DecodeError e = r.trailingError().orElseThrow();
        assertEquals(e.offset(), Integer.MAX_VALUE, "DecodeError offsets are ints: clamped");
        assertEquals(e.message(), "record at " + tail + ": incl_len 262144 but only 100 bytes left (truncated"
            + " file) (after 8200 frames, file offset " + tail + ")");
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Returns the offset of the final, truncated record. */
  private static long writeSparse(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
      header.putInt(PcapReader.MAGIC_NANOS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
      header.putInt(RECORD).putInt(1).flip();
      ch.write(header, 0);
      long at = 24;
      for (int i = 0; i <= RECORDS; i++) {
        ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        rec.putInt(i).putInt(0).putInt(RECORD).putInt(RECORD).flip();
        ch.write(rec, at);
        at += 16 + RECORD;
      }
      long tail = at - 16 - RECORD;
      ch.write(ByteBuffer.allocate(100), tail + 16); // the last record holds 100 of its 262144 bytes
      return tail;
    }
  }
}
