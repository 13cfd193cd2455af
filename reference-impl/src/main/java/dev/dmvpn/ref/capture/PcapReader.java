package dev.dmvpn.ref.capture;

import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Classic pcap reader (both byte orders, microsecond and nanosecond magic).
 *
 * <pre>
 * file header (24 bytes)                       record header (16 bytes), then incl_len frame bytes
 * +---------------------------------------+    +---------------------------------------+
 * | magic a1b2c3d4 (usec) / a1b23c4d (ns) |    | ts_sec                                |
 * | version major (2) | version minor (2) |    | ts_usec or ts_nsec                    |
 * | thiszone (4)                          |    | incl_len (captured bytes)             |
 * | sigfigs (4)                           |    | orig_len (bytes on the wire)          |
 * | snaplen (4)                           |    +---------------------------------------+
 * | network: LINKTYPE in the low 26 bits  |
 * +---------------------------------------+
 * </pre>
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcap/">draft-ietf-opsawg-pcap</a>
 */
final class PcapReader extends AbstractCaptureReader {
  static final int FILE_HEADER_LENGTH = 24;
  static final int RECORD_HEADER_LENGTH = 16;
  static final int MAGIC_MICROS = 0xa1b2c3d4;
  static final int MAGIC_NANOS = 0xa1b23c4d;
  /** Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD: longer means a corrupt length (unless the snaplen is larger). */
  static final int MAX_STANDARD_RECORD = 262_144;
  private static final int LINKTYPE_MASK = 0x03FF_FFFF;

  private final CaptureInterface iface;
  private final boolean nanos;
  private final int maxRecord;

  private PcapReader(ChannelInput in, String name, CaptureInterface iface, boolean nanos) {
    super(in, name, "pcap");
    this.iface = iface;
    this.nanos = nanos;
    this.maxRecord = Math.max(MAX_STANDARD_RECORD, iface.snaplen());
    interfaces.add(iface);
  }

  /** Parses the file header (the caller has matched the magic in some byte order). */
  static PcapReader open(ChannelInput in, String name) throws IOException {
    if (!in.request(FILE_HEADER_LENGTH)) {
      throw new CaptureFormatException(
          name + ": pcap file header truncated: " + in.buffered() + " of 24 bytes");
    }
    in.order(ByteOrder.LITTLE_ENDIAN);
    int magic = in.int32(0);
    if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
      in.order(ByteOrder.BIG_ENDIAN);
      magic = in.int32(0);
    }
    boolean nanos = magic == MAGIC_NANOS;
    int snaplen = in.int32(16);
    LinkType linkType = new LinkType(in.int32(20) & LINKTYPE_MASK);
    TimestampResolution res = nanos ? TimestampResolution.NANOS : TimestampResolution.MICROS;
    in.consume(FILE_HEADER_LENGTH);
    return new PcapReader(in, name, new CaptureInterface(0, linkType, snaplen, res, 0, null), nanos);
  }

  @Override
  protected CapturedFrame readFrame() throws IOException {
    long at = in.offset();
    if (!in.request(RECORD_HEADER_LENGTH)) {
      int left = in.buffered();
      return left == 0
          ? null
          : fail(at, "record header at " + at + " truncated: " + left + " of 16 bytes");
    }
    long seconds = in.int32(0) & 0xFFFF_FFFFL;
    long fraction = in.int32(4) & 0xFFFF_FFFFL;
    int captured = in.int32(8);
    int original = in.int32(12);
    if (captured < 0 || captured > maxRecord) {
      return fail(at, "record at " + at + ": incl_len " + (captured & 0xFFFF_FFFFL)
          + " exceeds the maximum of " + maxRecord + " (corrupt length)");
    }
    if (!in.fits(RECORD_HEADER_LENGTH + (long) captured) || !in.request(RECORD_HEADER_LENGTH + captured)) {
      long left = Math.max(in.remainingInput(), in.buffered()) - RECORD_HEADER_LENGTH;
      return fail(at, "record at " + at + ": incl_len " + captured + " but only " + left
          + " bytes left (truncated file)");
    }
    byte[] data = in.copy(RECORD_HEADER_LENGTH, captured);
    in.consume(RECORD_HEADER_LENGTH + captured);
    long ts = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000);
    return new CapturedFrame(0, iface.linkType(), ts, original, data);
  }

  @Override
  public CaptureFormat format() {
    return CaptureFormat.PCAP;
  }
}
