package dev.dmvpn.ref.capture;

import dev.dmvpn.ref.bytes.DecodeException;
import java.nio.charset.StandardCharsets;

/**
 * pcapng block type codes, fixed lengths and the Interface Description Block parser.
 *
 * <pre>
 * generic block                                  Interface Description Block body (type 1)
 * +------------------------------------------+   +---------------------+---------------------+
 * | Block Type (4)                           |   | LinkType (2)        | Reserved (2)        |
 * | Block Total Length (4)                   |   | SnapLen (4)                               |
 * | Block Body (variable, padded to 32 bits) |   | Options: code (2), length (2), value    |
 * | Block Total Length (4), repeated         |   |   padded to 32 bits; code 0 = end       |
 * +------------------------------------------+   +-------------------------------------------+
 * </pre>
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcapng/">draft-ietf-opsawg-pcapng</a>
 *     sections 3.1 (block structure), 3.5 (options), 4.2 (IDB)
 */
final class PcapngBlocks {
  static final int SECTION_HEADER = 0x0A0D0D0A;
  static final int INTERFACE_DESCRIPTION = 1;
  static final int OBSOLETE_PACKET = 2;
  static final int SIMPLE_PACKET = 3;
  static final int ENHANCED_PACKET = 6;
  static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

  /** type + total length before the body, total length after it */
  static final int BLOCK_OVERHEAD = 12;
  static final int MIN_SECTION_HEADER = 28;
  static final int MIN_INTERFACE_DESCRIPTION = 20;
  static final int MIN_ENHANCED_PACKET = 32;
  static final int MIN_SIMPLE_PACKET = 16;

  static final int OPT_END = 0;
  static final int OPT_IF_NAME = 2;
  static final int OPT_IF_TSRESOL = 9;
  static final int OPT_IF_TSOFFSET = 14;

  private PcapngBlocks() {}

  /** Option values are padded to 32 bits. */
  static int padded(int length) {
    return (length + 3) & ~3;
  }

  /**
   * Parses an IDB that is fully buffered at the input's current offset.
   *
   * @throws DecodeException naming the option and its file offset when an option overruns the block
   */
  static CaptureInterface parseInterface(ChannelInput in, int blockLength, int index, long fileOffset) {
    LinkType linkType = new LinkType(in.uint16(8));
    int snaplen = in.int32(12);
    TimestampResolution resolution = TimestampResolution.MICROS;
    long tsOffset = 0;
    String name = null;
    int end = blockLength - 4;
    int p = 16;
    while (end - p >= 4) {
      int code = in.uint16(p);
      int length = in.uint16(p + 2);
      p += 4;
      if (code == OPT_END) {
        break;
      }
      if (length > end - p) {
        throw new DecodeException(
            clamp(fileOffset + p - 4),
            "interface description block at " + fileOffset + ": option " + code + " at offset "
                + (fileOffset + p - 4) + " has length " + length + " but only " + (end - p)
                + " bytes are left in the block");
      }
      if (code == OPT_IF_TSRESOL && length >= 1) {
        resolution = new TimestampResolution(in.uint8(p));
      } else if (code == OPT_IF_TSOFFSET && length >= 8) {
        tsOffset = in.int64(p);
      } else if (code == OPT_IF_NAME) {
        name = trimNul(new String(in.copy(p, length), StandardCharsets.UTF_8));
      }
      p += padded(length);
    }
    return new CaptureInterface(index, linkType, snaplen, resolution, tsOffset, name);
  }

  private static String trimNul(String s) {
    int n = s.length();
    while (n > 0 && s.charAt(n - 1) == 0) {
      n--;
    }
    return s.substring(0, n);
  }

  static int clamp(long fileOffset) {
    return (int) Math.min(fileOffset, Integer.MAX_VALUE);
  }
}
