package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Frames of the shared captures and small helpers shared by the l2l3, gre and esp codec tests. */
public final class CaptureFixtures {
  private static final Map<String, List<CapturedFrame>> CACHE = new ConcurrentHashMap<>();

  private CaptureFixtures() {}

  public static List<CapturedFrame> frames(String capture) {
    return CACHE.computeIfAbsent(capture, name -> {
      try {
        return CaptureFiles.readAll(SharedFiles.capture(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Frame {@code number}, 1-based as tshark numbers them; the array is shared, so copy before mutating. */
  public static byte[] frame(String capture, int number) {
    return frames(capture).get(number - 1).data();
  }

  /** A reader over {@code frame[offset..]} that reports frame-relative offsets. */
  public static ByteReader readerAt(byte[] frame, int offset) {
    return ByteReader.of(frame, offset, frame.length - offset);
  }

  /** The non-blank, non-comment lines of a literal table, split on whitespace. */
  public static List<String[]> rows(String table) {
    List<String[]> out = new ArrayList<>();
    for (String line : table.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        out.add(t.split("\\s+"));
      }
    }
    return out;
  }

  /** Parses "0x1a2b" or decimal. */
  public static long number(String s) {
    return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
  }

  /** The Ethernet frame and the IPv4 packet behind it, with the IPv4 header's frame offset. */
  public record EthIp(EthernetFrame eth, int ipOffset, Ipv4Packet ip) {
    /** Frame offset of the IPv4 payload. */
    public int payloadOffset() {
      return ipOffset + ip.headerLength();
    }

    /** A reader over the IPv4 payload with frame offsets. */
    public ByteReader payloadReader(byte[] frame) {
      return ByteReader.of(frame, payloadOffset(), ip.payload().length);
    }
  }

  /** Decodes Ethernet then IPv4 (which must both succeed and be IPv4) from a whole frame. */
  public static EthIp ethIp(byte[] frame) {
    EthernetFrame eth = EthernetCodec.decode(frame).value();
    if (eth.etherType().value() != EtherType.IPV4.value()) {
      throw new AssertionError("not IPv4: " + eth);
    }
    int off = eth.headerLength();
    return new EthIp(eth, off, Ipv4Codec.decode(readerAt(frame, off)).value());
  }
}
