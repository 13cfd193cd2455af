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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * tshark 4.0 judges a forced-NAT-T exchange (the initiator forces UDP encapsulation, as strongSwan's
 * {@code encap = yes} does): MM1-MM4 on 500, MM5/MM6/QM1-QM3 on 4500 behind the non-ESP marker, one NAT-keepalive,
 * then ESP in UDP 4500 both ways, all written as IPv4/Ethernet frames and opened with the keys we export. tshark
 * re-derives the IVs from MM3/MM4, so decrypting the floated messages proves the marker framing and our Ka/IVs;
 * good ESP ICVs inside UDP prove KEYMAT and the SPI-first encapsulation.
 */
public class NatTTsharkTest {
  private static final MacAddress MAC_I = MacAddress.parse("00:00:0c:00:01:31");
  private static final MacAddress MAC_R = MacAddress.parse("00:00:0c:00:01:30");
  private Path dir;
  private Path pcap;

  @BeforeClass
  public void writeCapture() throws IOException {
    IkePair net = new IkePair(IkePair.transportMode(IkePair.INITIATOR).withForcedUdpEncapsulation(true),
        IkePair.transportMode(IkePair.RESPONDER));
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    net.advance(Duration.ofSeconds(20)); // one keepalive
    ChildSa i = net.initiatorEvents.phase2Up.get(0);
    ChildSa r = net.responderEvents.phase2Up.get(0);
    dir = Files.createTempDirectory("natt-tshark");
    pcap = dir.resolve("ike-forced-natt.pcap");
    long base = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() * 1_000_000L;
    EspProcessor esp = new EspProcessor(RandomSource.of(new SplittableRandom(5)));
    EspSa out = new EspSa(i.outbound(), net.clock);
    EspSa back = new EspSa(r.outbound(), net.clock);
    try (PcapWriter w = PcapWriter.create(pcap, LinkType.ETHERNET)) {
      for (IkePair.Datagram d : net.delivered()) {
        byte[] udp = UdpCodec.encode(UdpDatagram.of(d.sourcePort(), d.destinationPort(), d.bytes()), d.source(),
            d.destination());
        w.write(base + d.nanos(), frame(d.source(), d.destination(), udp));
      }
      long t = base + net.clock.nanoTime();
      for (int k = 1; k <= 3; k++) {
        w.write(t + k * 1_000_000L, frame(IkePair.INITIATOR, IkePair.RESPONDER,
            i.udpEncapsulation().wrap(esp.protect(out, 47, IkeTsharkTest.gre(k)))));
        w.write(t + k * 1_000_000L + 500_000L, frame(IkePair.RESPONDER, IkePair.INITIATOR,
            r.udpEncapsulation().wrap(esp.protect(back, 47, IkeTsharkTest.gre(k)))));
      }
    }
    KeyFiles.writeWiresharkConfigDir(dir.resolve("keys"),
        List.of(WiresharkEspSa.of(i.outbound(), "209.168.202.131", "209.168.202.130"),
            WiresharkEspSa.of(r.outbound(), "209.168.202.130", "209.168.202.131")),
        List.of(new WiresharkIkeSa(sa.initiatorCookieBytes(), sa.keys().encryptionKey())));
  }

  @Test
  public void mainModeFloatsToUdp4500BehindTheNonEspMarkerAndDecrypts() throws Exception {
    List<String> rows = tshark("isakmp", "frame.number", "udp.srcport", "udp.dstport", "frame.protocols",
        "isakmp.exchangetype", "isakmp.flags", "isakmp.hash");
    assertEquals(rows.size(), 9, rows.toString());
    for (int k = 0; k < 4; k++) { // MM1..MM4 in the clear on 500
      assertTrue(rows.get(k).startsWith((k + 1) + "\t500\t500\teth:ethertype:ip:udp:isakmp\t2\t0x00\t"),
          rows.get(k));
    }
    for (int k = 4; k < 9; k++) { // MM5, MM6, QM1..QM3 on 4500, encrypted, decrypted by tshark (HASH visible)
      String type = k < 6 ? "2" : "32";
      assertTrue(rows.get(k).matches((k + 1) + "\t4500\t4500\teth:ethertype:ip:udp:udpencap:isakmp\t" + type
          + "\t0x01\t[0-9a-f]{32}"), rows.get(k));
    }
  }

  @Test
  public void quickModeNegotiatesUdpTransportWithNatOa() throws Exception {
    List<String> rows = tshark("isakmp.exchangetype == 32", "frame.number", "isakmp.ipsec.attr.encap_mode",
        "isakmp.ike.nat_original_address_ipv4", "isakmp.id.data.ipv4_addr", "isakmp.id.protoid");
    // QM1/QM2: mode 4 = UDP-Encapsulated-Transport (RFC 3947), NAT-OAi, NAT-OAr (type 21); QM3 HASH(3) only
    assertEquals(rows, List.of(
        "7\t4\t209.168.202.131,209.168.202.130\t209.168.202.131,209.168.202.130\t47,47",
        "8\t4\t209.168.202.131,209.168.202.130\t209.168.202.131,209.168.202.130\t47,47",
        "9\t\t\t\t"));
  }

  @Test
  public void keepaliveAndEspInUdpDecodeWithGoodIcv() throws Exception {
    assertEquals(tshark("udpencap.nat_keepalive", "frame.number", "ip.src", "udp.srcport", "udp.length"),
        List.of("10\t209.168.202.131\t4500\t9"), "one 0xFF byte from the forcing side");
    List<String> rows = tshark("esp", "ip.src", "udp.srcport", "udp.dstport", "udp.checksum", "frame.protocols",
        "esp.sequence", "esp.icv_good", "esp.protocol");
    String stack = "eth:ethertype:ip:udp:udpencap:esp:gre:ip:icmp";
    List<String> expected = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      expected.add("209.168.202.131\t4500\t4500\t0x0000\t" + stack + "\t" + k + "\t1\t0x2f");
      expected.add("209.168.202.130\t4500\t4500\t0x0000\t" + stack + "\t" + k + "\t1\t0x2f");
    }
    assertEquals(rows, expected, "ESP in UDP 4500, checksum 0, ICV good, GRE inside");
  }

  private static byte[] frame(Ipv4Address src, Ipv4Address dst, byte[] udp) {
    byte[] ip = Ipv4Codec.encode(Ipv4Packet.of(IpProtocol.UDP, src, dst, 0, 255, 0, false, udp));
    boolean fromInitiator = src.equals(IkePair.INITIATOR);
    return EthernetCodec.encode(EthernetFrame.of(fromInitiator ? MAC_R : MAC_I, fromInitiator ? MAC_I : MAC_R,
        EtherType.IPV4, ip));
  }

  private List<String> tshark(String filter, String... fields) throws IOException, InterruptedException {
    // esp: the outer IP header only
    return Tshark.decrypted(dir.resolve("keys"), pcap, filter, filter.equals("esp"), fields);
  }
}
