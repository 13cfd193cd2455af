package dev.dmvpn.ref.ipsec;

import dev.dmvpn.ref.bytes.InternetChecksum;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test-only packet building (Ethernet, IPv4 with checksum, GRE, ICMP echo) and a classic-pcap writer. */
final class TestPackets {
  private TestPackets() {}

  /** A 20-byte-header IPv4 packet with a correct header checksum. */
  static byte[] ipv4(byte[] src, byte[] dst, int protocol, byte[] payload) {
    byte[] p = new byte[20 + payload.length];
    p[0] = 0x45;
    p[2] = (byte) (p.length >>> 8);
    p[3] = (byte) p.length;
    p[8] = 64;
    p[9] = (byte) protocol;
    System.arraycopy(src, 0, p, 12, 4);
    System.arraycopy(dst, 0, p, 16, 4);
    int sum = InternetChecksum.compute(p, 0, 20);
    p[10] = (byte) (sum >>> 8);
    p[11] = (byte) sum;
    System.arraycopy(payload, 0, p, 20, payload.length);
    return p;
  }

  /** Ethernet II frame carrying IPv4. */
  static byte[] ethernet(byte[] ipv4) {
    byte[] f = new byte[14 + ipv4.length];
    byte[] dst = {2, 0, 0, 0, 0, 1};
    byte[] src = {2, 0, 0, 0, 0, 0x11};
    System.arraycopy(dst, 0, f, 0, 6);
    System.arraycopy(src, 0, f, 6, 6);
    f[12] = 0x08;
    System.arraycopy(ipv4, 0, f, 14, ipv4.length);
    return f;
  }

  /** GRE header without key (RFC 2784) followed by {@code payload}. */
  static byte[] gre(int protocolType, byte[] payload) {
    byte[] g = new byte[4 + payload.length];
    g[2] = (byte) (protocolType >>> 8);
    g[3] = (byte) protocolType;
    System.arraycopy(payload, 0, g, 4, payload.length);
    return g;
  }

  /** ICMP echo request with a correct checksum. */
  static byte[] icmpEcho(int id, int seq, int dataLength) {
    byte[] m = new byte[8 + dataLength];
    m[0] = 8;
    m[4] = (byte) (id >>> 8);
    m[5] = (byte) id;
    m[6] = (byte) (seq >>> 8);
    m[7] = (byte) seq;
    for (int i = 0; i < dataLength; i++) {
      m[8 + i] = (byte) i;
    }
    int sum = InternetChecksum.compute(m, 0, m.length);
    m[2] = (byte) (sum >>> 8);
    m[3] = (byte) sum;
    return m;
  }

  /** Writes a classic little-endian pcap (LINKTYPE_ETHERNET, microseconds), one second between frames. */
  static void writePcap(Path file, List<byte[]> frames) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
    out.write(h.array());
    int t = 1_700_000_000;
    for (byte[] f : frames) {
      ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      r.putInt(t++).putInt(0).putInt(f.length).putInt(f.length);
      out.write(r.array());
      out.write(f);
    }
    Files.write(file, out.toByteArray());
  }
}
