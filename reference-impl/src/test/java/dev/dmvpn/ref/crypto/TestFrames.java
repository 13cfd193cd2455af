package dev.dmvpn.ref.crypto;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-only byte walking for captured Ethernet/IPv4/UDP/ISAKMP frames, independent of the protocol codecs other
 * helpers write (so these tests do not depend on them).
 */
public final class TestFrames {
  private TestFrames() {}

  /** Offset of the IPv4 header in an Ethernet frame (skips one 802.1Q tag). */
  public static int ipv4Offset(byte[] frame) {
    int type = u16(frame, 12);
    int off = type == 0x8100 ? 18 : 14;
    if (u16(frame, off - 2) != 0x0800) {
      throw new IllegalArgumentException("not IPv4: ethertype 0x" + Integer.toHexString(u16(frame, off - 2)));
    }
    return off;
  }

  /** Offset of the IPv4 payload. */
  public static int ipPayloadOffset(byte[] frame) {
    int ip = ipv4Offset(frame);
    return ip + (frame[ip] & 0x0F) * 4;
  }

  /** Offset of the IPv4 payload end (from the IPv4 total length, ignoring Ethernet padding). */
  public static int ipPayloadEnd(byte[] frame) {
    int ip = ipv4Offset(frame);
    return ip + u16(frame, ip + 2);
  }

  /** Offset of the UDP payload (the ISAKMP header for port 500). */
  public static int udpPayloadOffset(byte[] frame) {
    return ipPayloadOffset(frame) + 8;
  }

  /** One ISAKMP payload: type, offset of its generic header in the array, total length. */
  public record Payload(int type, int offset, int length) {
    /** Body without the 4-byte generic header. */
    public byte[] body(byte[] data) {
      return java.util.Arrays.copyOfRange(data, offset + 4, offset + length);
    }
  }

  /**
   * Walks a payload chain starting with payload type {@code first} at {@code data[off]}, within {@code end};
   * fails on a payload running past the end (a decrypted chain must be well-formed).
   */
  public static List<Payload> walk(byte[] data, int first, int off, int end) {
    List<Payload> out = new ArrayList<>();
    int type = first;
    while (type != 0) {
      if (off + 4 > end) {
        throw new IllegalArgumentException("payload header at " + off + " runs past " + end);
      }
      int len = u16(data, off + 2);
      if (len < 4 || off + len > end) {
        throw new IllegalArgumentException("payload " + type + " at " + off + " length " + len + " exceeds " + end);
      }
      out.add(new Payload(type, off, len));
      type = data[off] & 0xFF;
      off += len;
    }
    return out;
  }

  public static int u16(byte[] b, int off) {
    return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }
}
