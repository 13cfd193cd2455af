package dev.dmvpn.ref.gre;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.esp.EspCodec;
import dev.dmvpn.ref.l2l3.ArpCodec;
import dev.dmvpn.ref.l2l3.CaptureFixtures;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.EthernetCodec;
import dev.dmvpn.ref.l2l3.EthernetFrame;
import dev.dmvpn.ref.l2l3.IcmpCodec;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.UdpCodec;
import java.util.Random;
import org.testng.annotations.Test;

/**
 * Every frame of every shared capture through Ethernet, ARP or IPv4, then ICMP, UDP, GRE or ESP: each layer
 * decodes, and cut or corrupted copies of each frame end in a DecodeResult (never an exception, never an
 * "internal:" error).
 */
public class FrameWalkTest {
  static final String[] CAPTURES = {
    "gre-variants.pcap", "ios-nhrp-registration-key2-auth.pcap", "ios-phase2-resolution-via-hub.cap",
    "esp-3des-tunnel-decryptable.pcap", "linux-dmvpn-hub-spoke-wan.pcap", "ios-ikev1-main-quick-mode.cap",
    "ikev1-3des-md5-decryptable.pcap", "malformed-isakmp-delete.pcap", "malformed-isakmp-pointer-loop.pcap",
    "malformed-nhrp-loop.pcap"
  };

  @Test
  public void everyFrameOfEveryCaptureDecodesLayerByLayer() {
    int ipv4 = 0;
    int upper = 0;
    for (String capture : CAPTURES) {
      int n = 0;
      for (CapturedFrame f : CaptureFixtures.frames(capture)) {
        n++;
        Walk w = walk(f.data());
        assertTrue(w.ok, capture + " frame " + n + ": " + w.error);
        ipv4 += w.ipv4 ? 1 : 0;
        upper += w.upper ? 1 : 0;
      }
    }
    // 93 IPv4 frames (tshark -Y ip); all but the NHRP-over-IP one carry ICMP, UDP, GRE or ESP
    assertEquals(ipv4, 93 + 10 + 1);
    assertEquals(upper, ipv4 - 1);
  }

  @Test
  public void cutAndCorruptedFramesNeverEscapeAsExceptions() {
    Random random = new Random(20240601);
    for (String capture : CAPTURES) {
      for (CapturedFrame f : CaptureFixtures.frames(capture)) {
        byte[] data = f.data();
        for (int cut = 0; cut <= data.length; cut += 3) {
          assertNoInternalError(walk(java.util.Arrays.copyOf(data, cut)));
        }
        for (int i = 0; i < 50; i++) {
          byte[] mutated = data.clone();
          mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
          mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
          assertNoInternalError(walk(mutated));
        }
      }
    }
  }

  private static void assertNoInternalError(Walk w) {
    assertFalse(!w.ok && w.error.contains("internal:"), w.error);
  }

  private record Walk(boolean ok, String error, boolean ipv4, boolean upper) {}

  private static Walk walk(byte[] data) {
    DecodeResult<EthernetFrame> eth = EthernetCodec.decode(ByteReader.of(data));
    if (!eth.isOk()) {
      return new Walk(false, eth.error().toString(), false, false);
    }
    int off = eth.value().headerLength();
    int type = eth.value().etherType().value();
    if (type == EtherType.ARP.value()) {
      DecodeResult<?> arp = ArpCodec.decode(ByteReader.of(data, off, data.length - off));
      return new Walk(arp.isOk(), arp.isOk() ? "" : arp.error().toString(), false, false);
    }
    if (type != EtherType.IPV4.value()) {
      return new Walk(true, "", false, false);
    }
    DecodeResult<Ipv4Packet> ip = Ipv4Codec.decode(ByteReader.of(data, off, data.length - off));
    if (!ip.isOk()) {
      return new Walk(false, ip.error().toString(), true, false);
    }
    Ipv4Packet p = ip.value();
    ByteReader payload = ByteReader.of(data, off + p.headerLength(), p.payload().length);
    DecodeResult<?> next = upper(p.protocol(), payload);
    if (next == null) {
      return new Walk(true, "", true, false);
    }
    return new Walk(next.isOk(), next.isOk() ? "" : next.error().toString(), true, true);
  }

  private static DecodeResult<?> upper(IpProtocol protocol, ByteReader r) {
    return switch (protocol.value()) {
      case 1 -> IcmpCodec.decode(r);
      case 17 -> UdpCodec.decode(r);
      case 47 -> GreCodec.decode(r);
      case 50 -> EspCodec.decode(r);
      default -> null;
    };
  }
}
