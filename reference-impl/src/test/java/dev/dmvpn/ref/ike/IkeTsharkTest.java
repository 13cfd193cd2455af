package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.testing.Tshark;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.capture.PcapWriter;
import dev.dmvpn.ref.capture.keys.KeyFiles;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.capture.keys.WiresharkIkeSa;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.EthernetCodec;
import dev.dmvpn.ref.l2l3.EthernetFrame;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * tshark 4.0 as the independent judge: a pcap of a Java-to-Java exchange with the document's profile
 * (209.168.202.131 -> 209.168.202.130) plus ESP transport-mode frames carrying GRE, opened with the keys we
 * export. tshark re-derives the Phase-1/Phase-2 IVs itself from the KE payloads and M-IDs, so decrypting MM5,
 * MM6 and QM1..QM3 proves our Ka, IVs and CBC chaining; good ESP ICVs prove KEYMAT. tshark does not verify
 * HASH_I/HASH_R or the quick-mode hashes, so those are only checked by our own peer (no independent check).
 */
public class IkeTsharkTest {
  private static final MacAddress MAC_I = MacAddress.parse("00:00:0c:00:01:31");
  private static final MacAddress MAC_R = MacAddress.parse("00:00:0c:00:01:30");
  private Path dir;
  private Path pcap;

  @BeforeClass
  public void writeCapture() throws IOException {
    IkePair net = new IkePair();
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    ChildSa i = net.initiatorEvents.phase2Up.get(0);
    ChildSa r = net.responderEvents.phase2Up.get(0);
    dir = Files.createTempDirectory("ike-tshark");
    pcap = dir.resolve("ike-document-profile.pcap");
    long base = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() * 1_000_000L;
    EspProcessor esp = new EspProcessor(RandomSource.of(new SplittableRandom(5)));
    EspSa out = new EspSa(i.outbound(), net.clock);
    EspSa back = new EspSa(r.outbound(), net.clock);
    try (PcapWriter w = PcapWriter.create(pcap, LinkType.ETHERNET)) {
      for (IkePair.Datagram d : net.delivered()) {
        byte[] udp = UdpCodec.encode(UdpDatagram.of(500, 500, d.bytes()), d.source(), d.destination());
        w.write(base + d.nanos(), frame(d.source(), d.destination(), IpProtocol.UDP, udp));
      }
      long t = base + net.clock.nanoTime();
      for (int k = 1; k <= 3; k++) {
        w.write(t + k * 1_000_000L, frame(IkePair.INITIATOR, IkePair.RESPONDER, IpProtocol.ESP,
            esp.protect(out, 47, gre(k))));
        w.write(t + k * 1_000_000L + 500_000L, frame(IkePair.RESPONDER, IkePair.INITIATOR, IpProtocol.ESP,
            esp.protect(back, 47, gre(k))));
      }
    }
    KeyFiles.writeWiresharkConfigDir(dir.resolve("keys"),
        List.of(WiresharkEspSa.of(i.outbound(), "209.168.202.131", "209.168.202.130"),
            WiresharkEspSa.of(r.outbound(), "209.168.202.130", "209.168.202.131")),
        List.of(new WiresharkIkeSa(sa.initiatorCookieBytes(), sa.keys().encryptionKey())));
  }

  @Test
  public void tsharkDecryptsMainModeFiveAndSix() throws Exception {
    List<String> rows = tshark("isakmp.exchangetype == 2 && isakmp.flags == 0x01", "frame.number", "isakmp.hash",
        "isakmp.id.type", "isakmp.id.protoid", "isakmp.id.port", "isakmp.id.data.ipv4_addr",
        "isakmp.notify.msgtype");
    assertEquals(rows.size(), 2, rows.toString());
    assertTrue(rows.get(0).matches("5\t[0-9a-f]{32}\t1\t17\t500\t209\\.168\\.202\\.131\t24578"), rows.get(0));
    assertTrue(rows.get(1).matches("6\t[0-9a-f]{32}\t1\t17\t500\t209\\.168\\.202\\.130\t"), rows.get(1));
  }

  @Test
  public void tsharkDecryptsQuickModeWithTransportGreProxiesAndLifetime120() throws Exception {
    List<String> rows = tshark("isakmp.exchangetype == 32", "frame.number", "isakmp.hash", "isakmp.id.type",
        "isakmp.id.protoid", "isakmp.id.port", "isakmp.id.data.ipv4_addr", "isakmp.ipsec.attr.encap_mode",
        "isakmp.ipsec.attr.life_duration", "isakmp.ipsec.attr.auth_algorithm");
    assertEquals(rows.size(), 3, rows.toString());
    for (int k = 0; k < 2; k++) {
      String[] f = rows.get(k).split("\t", -1);
      assertEquals(f[0], String.valueOf(7 + k));
      assertTrue(f[1].matches("[0-9a-f]{32}"), "HASH(" + (k + 1) + ") present: " + rows.get(k));
      assertEquals(f[2], "1,1", "ID_IPV4_ADDR twice");
      assertEquals(f[3], "47,47", "proxies protocol GRE");
      assertEquals(f[4], "0,0");
      assertEquals(f[5], "209.168.202.131,209.168.202.130", "IDci = initiator, IDcr = responder");
      assertEquals(f[6], "1", "encapsulation mode tunnel (seed debug: 'ISAKMP: encaps is 1')");
      assertEquals(f[7], "120,4608000", "SA life 120 s, then 4608000 KB");
      assertEquals(f[8], "1", "HMAC-MD5");
    }
    assertTrue(rows.get(2).matches("9\t[0-9a-f]{32}\t+"), "QM3 carries HASH(3) only: " + rows.get(2));
  }

  @Test
  public void tsharkOpensOurEspWithGoodIcvAndFindsGre() throws Exception {
    List<String> rows = tshark("esp", "ip.src", "esp.sequence", "esp.icv_good", "esp.protocol", "gre.proto");
    assertEquals(rows, List.of(
        "209.168.202.131\t1\t1\t0x2f\t0x0800", "209.168.202.130\t1\t1\t0x2f\t0x0800",
        "209.168.202.131\t2\t1\t0x2f\t0x0800", "209.168.202.130\t2\t1\t0x2f\t0x0800",
        "209.168.202.131\t3\t1\t0x2f\t0x0800", "209.168.202.130\t3\t1\t0x2f\t0x0800"),
        "esp.protocol 0x2f = GRE, ICV good, GRE carrying IPv4");
  }

  private static byte[] frame(Ipv4Address src, Ipv4Address dst, IpProtocol proto, byte[] payload) {
    byte[] ip = Ipv4Codec.encode(Ipv4Packet.of(proto, src, dst, 0, 255, 0, false, payload));
    boolean fromInitiator = src.equals(IkePair.INITIATOR);
    return EthernetCodec.encode(EthernetFrame.of(fromInitiator ? MAC_R : MAC_I, fromInitiator ? MAC_I : MAC_R,
        EtherType.IPV4, ip));
  }

  /** GRE (RFC 2784, no key) carrying a 20-byte IPv4 header 10.0.0.11 -> 10.0.0.1, id {@code k}. */
  static byte[] gre(int k) {
    byte[] inner = Ipv4Codec.encode(Ipv4Packet.of(IpProtocol.ICMP, Ipv4Address.parse("10.0.0.11"),
        Ipv4Address.parse("10.0.0.1"), 0, 255, k, false, new byte[] {8, 0, (byte) 0xf7, (byte) 0xff, 0, 0, 0, 0}));
    byte[] g = new byte[4 + inner.length];
    g[2] = 0x08;
    System.arraycopy(inner, 0, g, 4, inner.length);
    return g;
  }

  private List<String> tshark(String filter, String... fields) throws IOException, InterruptedException {
    // esp: the outer IP header only
    return Tshark.decrypted(dir.resolve("keys"), pcap, filter, filter.equals("esp"), fields);
  }
}
