package dev.dmvpn.ref.isakmp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TEST-ONLY access to the ISAKMP bytes inside captured frames, standing in for the Ethernet/IPv4/UDP codecs:
 * Ethernet (14 bytes, type 0x0800) -> IPv4 (IHL*4, bounded by Total Length so Ethernet padding is not
 * ISAKMP) -> UDP (8 bytes, port 500 or 4500) -> on port 4500 the 4-byte zero non-ESP marker is skipped.
 * Readers are windows on the whole frame, so decode errors carry frame-relative offsets.
 */
final class CapturedIsakmp {
  static final int PORT_IKE = 500;
  static final int PORT_NAT_T = 4500;

  private CapturedIsakmp() {}

  /** All frames of a shared capture, by 1-based frame number at index n-1. */
  static List<byte[]> frames(String capture) {
    try {
      List<byte[]> out = new ArrayList<>();
      for (CapturedFrame f : CaptureFiles.readAll(SharedFiles.capture(capture))) {
        out.add(f.data());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Frame {@code number} (1-based, as tshark counts) of a shared capture. */
  static byte[] frame(String capture, int number) {
    return frames(capture).get(number - 1);
  }

  /** {start, end} of the ISAKMP message in the frame, or null when the frame is not IKE over UDP 500/4500. */
  static int[] isakmpWindow(byte[] f) {
    if (f.length < 14 + 20 + 8 || u16(f, 12) != 0x0800 || (f[14] & 0xF0) != 0x40 || (f[23] & 0xFF) != 17) {
      return null;
    }
    int ihl = (f[14] & 0x0F) * 4;
    int ipEnd = Math.min(f.length, 14 + u16(f, 16));
    int udp = 14 + ihl;
    int start = udp + 8;
    int sport = u16(f, udp);
    int dport = u16(f, udp + 2);
    if (sport == PORT_NAT_T || dport == PORT_NAT_T) {
      if (start + 4 > ipEnd || f[start] != 0 || f[start + 1] != 0 || f[start + 2] != 0 || f[start + 3] != 0) {
        return null; // ESP in UDP or a NAT keep-alive, not IKE
      }
      start += 4;
    } else if (sport != PORT_IKE && dport != PORT_IKE) {
      return null;
    }
    return start <= ipEnd ? new int[] {start, ipEnd} : null;
  }

  /** A frame-relative reader over the ISAKMP message; fails the test when there is none. */
  static ByteReader reader(byte[] frame) {
    int[] w = isakmpWindow(frame);
    if (w == null) {
      throw new AssertionError("frame carries no IKE over UDP 500/4500");
    }
    return ByteReader.of(frame, w[0], w[1] - w[0]);
  }

  /** A copy of the ISAKMP message bytes of the frame. */
  static byte[] bytes(byte[] frame) {
    int[] w = isakmpWindow(frame);
    return Arrays.copyOfRange(frame, w[0], w[1]);
  }

  /** Decodes the ISAKMP message of the frame; fails the test on a decode error. */
  static IsakmpMessage decode(byte[] frame) {
    return IsakmpCodec.decode(reader(frame)).value();
  }

  static IsakmpMessage decode(String capture, int number) {
    return decode(frame(capture, number));
  }

  /** Bytes of an annotated hex vector in src/test/resources/vectors/isakmp: '#' comments, offset column. */
  static byte[] vector(String name) {
    try (InputStream in = CapturedIsakmp.class.getResourceAsStream("/vectors/isakmp/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test vector missing: " + name);
      }
      StringBuilder hex = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        int space = t.indexOf(' ');
        hex.append(space < 0 ? "" : t.substring(space + 1)).append(' ');
      }
      return Hex.parse(hex.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }
}
