package dev.dmvpn.ref.nhrp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * TEST-ONLY shortcut to the NHRP bytes of a captured Ethernet frame, until the Ethernet/IP/GRE codecs exist:
 * Ethernet (14 bytes, +4 per 802.1Q tag) -> IPv4 (IHL*4) -> GRE (4 bytes, +4 per C/K/S bit) with protocol
 * 0x2001, or IP protocol 54 (NHRP directly over IP) -> NHRP. No validation beyond what finding the offset needs.
 */
final class NhrpTestFrames {
  private NhrpTestFrames() {}

  static List<CapturedFrame> frames(String capture) {
    try {
      return CaptureFiles.readAll(SharedFiles.capture(capture));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of frame {@code number} (1-based, as tshark counts). */
  static byte[] frame(String capture, int number) {
    return frames(capture).get(number - 1).data();
  }

  /** Offset of the NHRP packet inside an Ethernet frame, or -1 when the frame does not carry NHRP. */
  static int nhrpOffset(byte[] f) {
    int off = 12;
    int etherType = u16(f, off);
    while (etherType == 0x8100) {
      off += 4;
      etherType = u16(f, off);
    }
    off += 2;
    if (etherType != 0x0800) {
      return -1;
    }
    int ipProto = f[off + 9] & 0xFF;
    int ip = off;
    off += (f[ip] & 0x0F) * 4;
    if (ipProto == 54) {
      return off;
    }
    if (ipProto != 47) {
      return -1;
    }
    int greFlags = u16(f, off);
    int greProto = u16(f, off + 2);
    off += 4 + 4 * Integer.bitCount(greFlags & 0xB000);
    return greProto == 0x2001 ? off : -1;
  }

  /** A reader from the NHRP packet to the frame end, reporting frame-relative offsets. */
  static ByteReader nhrpReader(byte[] f) {
    int off = nhrpOffset(f);
    if (off < 0) {
      throw new IllegalArgumentException("frame carries no NHRP");
    }
    return ByteReader.of(f, off, f.length - off);
  }

  /** Exactly the NHRP packet (ar$pktsz bytes) of a frame. */
  static byte[] nhrpBytes(byte[] f) {
    int off = nhrpOffset(f);
    return Arrays.copyOfRange(f, off, off + u16(f, off + 10));
  }

  /** Decodes the NHRP packet of frame {@code number}, failing the test on a decode error. */
  static NhrpPacket decodeFrame(String capture, int number) {
    return NhrpCodec.decode(nhrpReader(frame(capture, number))).value();
  }

  static int u16(byte[] b, int off) {
    return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }
}
