package dev.dmvpn.ref.capture;

import static dev.dmvpn.ref.capture.PcapngBlocks.*;

import dev.dmvpn.ref.bytes.DecodeException;
import java.io.IOException;
import java.nio.ByteOrder;

/**
 * pcapng reader: sections in either byte order, any number of interfaces each with its own link type and
 * timestamp resolution, Enhanced / Simple / obsolete Packet Blocks; other block types (NRB, ISB, DSB,
 * custom, ...) are skipped after their lengths are checked.
 *
 * <pre>
 * Enhanced Packet Block (type 6)
 * +---------------------------------------------------------------+
 * | Block Type = 6 | Block Total Length | Interface ID             |
 * | Timestamp (High) | Timestamp (Low) | Captured Len | Orig Len   |
 * | Packet Data (Captured Len bytes, padded to 32 bits)            |
 * | Options (ignored) | Block Total Length                         |
 * +---------------------------------------------------------------+
 * </pre>
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcapng/">draft-ietf-opsawg-pcapng</a>
 *     sections 4.1 (SHB), 4.3 (EPB), 4.4 (SPB)
 */
final class PcapngReader extends AbstractCaptureReader {
  /** Wireshark refuses blocks over 16 MiB; we allow more but never a buffer bigger than the file. */
  static final int MAX_PACKET_BLOCK = 256 << 20;

  /** Index in {@link #interfaces} of interface 0 of the current section. */
  private int sectionBase;

  private PcapngReader(ChannelInput in, String name) {
    super(in, name, "pcapng");
  }

  /** Parses the first Section Header Block (the caller has matched its block type). */
  static PcapngReader open(ChannelInput in, String name) throws IOException {
    PcapngReader r = new PcapngReader(in, name);
    String problem = r.readSectionHeader();
    if (problem != null) {
      throw new CaptureFormatException(name + ": " + problem);
    }
    return r;
  }

  @Override
  protected CapturedFrame readFrame() throws IOException {
    while (true) {
      long at = in.offset();
      if (!in.request(8)) {
        int left = in.buffered();
        return left == 0 ? null : fail(at, "block header at " + at + " truncated: " + left + " of 8 bytes");
      }
      int type = in.int32(0);
      if (type == SECTION_HEADER) {
        String problem = readSectionHeader();
        if (problem != null) {
          return fail(at, problem);
        }
        continue;
      }
      String problem = checkLength(at, type, in.int32(4) & 0xFFFF_FFFFL);
      if (problem != null) {
        return fail(at, problem);
      }
      int length = in.int32(4);
      if (type == ENHANCED_PACKET || type == OBSOLETE_PACKET || type == SIMPLE_PACKET) {
        return readPacketBlock(at, type, length);
      }
      if (!(type == INTERFACE_DESCRIPTION ? readInterface(at, length) : skipBlock(at, length))) {
        return null;
      }
    }
  }

  /** Null when the block length is plausible, else why not. Packet and interface blocks must fit an int. */
  private String checkLength(long at, int type, long length) throws IOException {
    if (length < BLOCK_OVERHEAD) {
      return lengthProblem(at, type, length, " is below the minimum of 12");
    }
    if (length % 4 != 0) {
      return lengthProblem(at, type, length, " is not a multiple of 4");
    }
    if (!in.fits(length)) {
      long left = Math.max(in.remainingInput(), in.buffered());
      return lengthProblem(
          at, type, length, " exceeds the " + left + " bytes left in the file (truncated or corrupt)");
    }
    if (length > MAX_PACKET_BLOCK && isBuffered(type)) {
      return lengthProblem(
          at, type, length, " exceeds the limit of " + MAX_PACKET_BLOCK + " for a block read into memory");
    }
    return null;
  }

  private static String lengthProblem(long at, int type, long length, String problem) {
    return "block type 0x" + Integer.toHexString(type) + " at " + at + ": total length " + length + problem;
  }

  /** Blocks we parse are read into the window whole; all others are skipped without buffering. */
  private static boolean isBuffered(int type) {
    return type == SECTION_HEADER
        || type == INTERFACE_DESCRIPTION
        || type == OBSOLETE_PACKET
        || type == SIMPLE_PACKET
        || type == ENHANCED_PACKET;
  }

  /** Reads a fully buffered block's trailing length; null when it matches, else the problem. */
  private String checkTrailer(long at, int length) {
    int trailer = in.int32(length - 4);
    if (trailer == length) {
      return null;
    }
    return "block at " + at + ": trailing total length " + (trailer & 0xFFFF_FFFFL)
        + " differs from the leading " + length;
  }

  private boolean bufferBlock(long at, int length) throws IOException {
    if (!in.request(length)) {
      fail(at, "block at " + at + " truncated: total length " + length + ", only " + in.buffered()
          + " bytes left");
      return false;
    }
    String problem = checkTrailer(at, length);
    if (problem != null) {
      fail(at, problem);
      return false;
    }
    return true;
  }

  private boolean skipBlock(long at, int length) throws IOException {
    long body = (length & 0xFFFF_FFFFL) - 4;
    if (!in.skip(body) || !in.request(4)) {
      fail(at, "block at " + at + " truncated: total length " + (body + 4) + " runs past the end");
      return false;
    }
    int trailer = in.int32(0);
    if (trailer != length) {
      fail(at, "block at " + at + ": trailing total length " + (trailer & 0xFFFF_FFFFL)
          + " differs from the leading " + (length & 0xFFFF_FFFFL));
      return false;
    }
    in.consume(4);
    return true;
  }

  private boolean readInterface(long at, int length) throws IOException {
    if (length < MIN_INTERFACE_DESCRIPTION) {
      fail(at, "interface description block at " + at + ": total length " + length + " below 20");
      return false;
    }
    if (!bufferBlock(at, length)) {
      return false;
    }
    try {
      interfaces.add(PcapngBlocks.parseInterface(in, length, interfaces.size(), at));
    } catch (DecodeException e) {
      fail(at, e.getMessage());
      return false;
    }
    in.consume(length);
    return true;
  }

  private CapturedFrame readPacketBlock(long at, int type, int length) throws IOException {
    int minimum = type == SIMPLE_PACKET ? MIN_SIMPLE_PACKET : MIN_ENHANCED_PACKET;
    if (length < minimum) {
      return fail(at, describe(type, at) + ": total length " + length + " below " + minimum);
    }
    if (!bufferBlock(at, length)) {
      return null;
    }
    CapturedFrame f = type == SIMPLE_PACKET ? simplePacket(at, length) : packet(at, type, length);
    if (f != null) {
      in.consume(length);
    }
    return f;
  }

  /** "enhanced packet block at 140", for messages only (built on the error path). */
  private static String describe(int type, long at) {
    String name = type == SIMPLE_PACKET ? "simple" : type == ENHANCED_PACKET ? "enhanced" : "obsolete";
    return name + " packet block at " + at;
  }

  private CapturedFrame packet(long at, int type, int length) {
    int ifId = type == ENHANCED_PACKET ? in.int32(8) : in.uint16(8);
    CaptureInterface iface = sectionInterface(ifId);
    if (iface == null) {
      return fail(at, describe(type, at) + ": interface id " + (ifId & 0xFFFF_FFFFL)
          + " but the section describes only " + (interfaces.size() - sectionBase) + " interfaces");
    }
    long units = ((long) in.int32(12) << 32) | (in.int32(16) & 0xFFFF_FFFFL);
    int captured = in.int32(20);
    int original = in.int32(24);
    if (captured < 0 || captured > length - MIN_ENHANCED_PACKET) {
      return fail(at, describe(type, at) + ": captured length " + (captured & 0xFFFF_FFFFL) + " exceeds the "
          + (length - MIN_ENHANCED_PACKET) + " data bytes the block holds");
    }
    long ts = iface.resolution().toNanos(units) + iface.timestampOffsetSeconds() * 1_000_000_000L;
    return new CapturedFrame(iface.index(), iface.linkType(), ts, original, in.copy(28, captured));
  }

  /** A Simple Packet Block: interface 0 of the section, no timestamp (0), data cut to the snaplen. */
  private CapturedFrame simplePacket(long at, int length) {
    CaptureInterface iface = sectionInterface(0);
    if (iface == null) {
      return fail(at, describe(SIMPLE_PACKET, at) + ": no interface described in this section yet");
    }
    int original = in.int32(8);
    long captured = Math.min(original & 0xFFFF_FFFFL, length - MIN_SIMPLE_PACKET);
    if (iface.snaplen() > 0) {
      captured = Math.min(captured, iface.snaplen() & 0xFFFF_FFFFL);
    }
    return new CapturedFrame(iface.index(), iface.linkType(), 0, original, in.copy(12, (int) captured));
  }

  private CaptureInterface sectionInterface(int sectionLocalId) {
    int count = interfaces.size() - sectionBase;
    boolean known = sectionLocalId >= 0 && sectionLocalId < count;
    return known ? interfaces.get(sectionBase + sectionLocalId) : null;
  }

  /** Reads an SHB at the current offset (type already matched); null on success, else the problem. */
  private String readSectionHeader() throws IOException {
    long at = in.offset();
    if (!in.request(12)) {
      return "section header block at " + at + " truncated: " + in.buffered() + " of 12 bytes";
    }
    in.order(ByteOrder.BIG_ENDIAN);
    int magic = in.int32(8);
    if (magic != BYTE_ORDER_MAGIC) {
      if (magic != Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
        return "section header block at " + at + ": byte-order magic 0x" + Integer.toHexString(magic)
            + " is not 0x1a2b3c4d in either byte order";
      }
      in.order(ByteOrder.LITTLE_ENDIAN);
    }
    long length = in.int32(4) & 0xFFFF_FFFFL;
    String problem = checkLength(at, SECTION_HEADER, length);
    if (problem == null && length < MIN_SECTION_HEADER) {
      problem = "section header block at " + at + ": total length " + length + " below 28";
    }
    if (problem != null) {
      return problem;
    }
    return finishSectionHeader(at, (int) length);
  }

  private String finishSectionHeader(long at, int length) throws IOException {
    if (!in.request(length)) {
      return "section header block at " + at + " truncated: total length " + length + ", only "
          + in.buffered() + " bytes left";
    }
    int major = in.uint16(12);
    if (major != 1) {
      return "section header block at " + at + ": unsupported pcapng version " + major + "."
          + in.uint16(14);
    }
    String problem = checkTrailer(at, length);
    if (problem != null) {
      return problem;
    }
    in.consume(length);
    sectionBase = interfaces.size();
    return null;
  }

  @Override
  public CaptureFormat format() {
    return CaptureFormat.PCAPNG;
  }
}
