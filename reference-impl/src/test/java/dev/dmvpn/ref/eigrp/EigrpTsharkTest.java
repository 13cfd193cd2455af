package dev.dmvpn.ref.eigrp;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.capture.PcapWriter;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.testing.Tshark;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * tshark, the independent decoder, reads every kind of packet our encoder writes to the fields we meant, with
 * a correct checksum and no expert or malformed notes.
 */
public class EigrpTsharkTest {
  static final Ipv4Address HUB = Ipv4Address.parse("192.168.1.1");
  static final Ipv4Address SPOKE = Ipv4Address.parse("192.168.1.2");
  static final Ipv4Address GROUP = Ipv4Address.parse("224.0.0.10");

  /**
   * tshark's IP-layer notes on a low TTL ("only 2"; "!= 1" for 224.0.0.0/24): IOS sends EIGRP with TTL 2
   * (TunnelMulticast.TTL), so these notes are expected and are the only ones allowed.
   */
  static final String TTL_NOTES = "Expert Info \\(Note/Sequence\\): \"Time To Live\" (only 2|!= 1 for a packet sent"
      + " to the Local Network Control Block \\(see RFC 3171\\))";

  static final VectorMetric TUNNEL_FE = VectorMetric.connected(100_000, 10, 1500)
      .through(VectorMetric.connected(9, 50_000, 1440));

  static List<EigrpPacket> packets() {
    InternalRouteTlv lan = InternalRouteTlv.of(Ipv4Address.ANY, VectorMetric.connected(100_000, 10, 1500),
        Ipv4Prefix.parse("2.2.2.0/24"));
    InternalRouteTlv thirdParty = InternalRouteTlv.of(SPOKE, TUNNEL_FE, Ipv4Prefix.parse("172.16.0.0/12"));
    InternalRouteTlv lost = InternalRouteTlv.of(Ipv4Address.ANY, TUNNEL_FE.unreachable(), Ipv4Prefix.parse(
        "10.1.2.128/25"));
    ExternalRouteTlv ext = new ExternalRouteTlv(Ipv4Address.ANY, Ipv4Address.parse("1.1.1.1"), 90, 7, 20, 11, 0,
        TUNNEL_FE, 0, Ipv4Prefix.DEFAULT);
    return List.of(
        EigrpPacket.of(EigrpOpcode.HELLO, 0, 0, 0, 90, List.of(new ParameterTlv(KValues.DEFAULT, 0, 180),
            SoftwareVersionTlv.IOS_12_3)),
        EigrpPacket.of(EigrpOpcode.UPDATE, EigrpPacket.FLAG_INIT, 1, 0, 90, List.of()),
        EigrpPacket.of(EigrpOpcode.HELLO, 0, 0, 1, 90, List.of()),
        EigrpPacket.of(EigrpOpcode.UPDATE, EigrpPacket.FLAG_EOT, 2, 5, 90, List.of(lan, thirdParty, ext)),
        EigrpPacket.of(EigrpOpcode.QUERY, 0, 3, 0, 90, List.of(lost)),
        EigrpPacket.of(EigrpOpcode.REPLY, 0, 9, 3, 90, List.of(lost)),
        EigrpPacket.of(EigrpOpcode.HELLO, 0, 0, 0, 90, List.of(new ParameterTlv(KValues.DEFAULT, 0, 15),
            SoftwareVersionTlv.IOS_12_3, new SequenceTlv(List.of(SPOKE)), new NextMulticastSequenceTlv(4))),
        EigrpPacket.of(EigrpOpcode.UPDATE, EigrpPacket.FLAG_CR, 4, 0, 90, List.of(lan)));
  }

  @Test
  public void tsharkDecodesWhatWeEncode() throws Exception {
    Path dir = Files.createTempDirectory("eigrp-tshark");
    Path pcap = dir.resolve("eigrp.pcap");
    List<EigrpPacket> packets = packets();
    try (PcapWriter w = PcapWriter.create(pcap, LinkType.RAW)) {
      int id = 1;
      for (EigrpPacket p : packets) {
        Ipv4Address dst = p.opcode().equals(EigrpOpcode.HELLO) && p.ack() == 0 || p.hasFlag(EigrpPacket.FLAG_CR)
            ? GROUP : SPOKE;
        w.write(id * 1_000_000_000L, Ipv4Codec.encode(Ipv4Packet.of(new IpProtocol(88), HUB, dst, 0xC0, 2, id++,
            false, EigrpCodec.encode(p))));
      }
    }
    List<Map<String, String>> rows = Tshark.fields(pcap, List.of(), List.of("eigrp.opcode", "eigrp.flags",
        "eigrp.seq", "eigrp.ack", "eigrp.as", "eigrp.checksum.status", "eigrp.tlv_type", "eigrp.par.holdtime",
        "eigrp.ipv4.destination", "eigrp.ipv4.prefixlen", "eigrp.ipv4.nexthop", "eigrp.old_metric.delay",
        "eigrp.old_metric.bw", "eigrp.old_metric.mtu", "eigrp.old_metric.hopcount", "eigrp.seq.ipv4addr",
        "eigrp.next_mcast_seq", "eigrp.extdata.origrid", "eigrp.extdata.proto", "_ws.expert", "_ws.malformed"));
    assertEquals(rows.size(), packets.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      EigrpPacket p = packets.get(i);
      assertEquals(r.get("eigrp.opcode"), String.valueOf(p.opcode().value()), "frame " + (i + 1));
      assertEquals(Long.decode(r.get("eigrp.flags")).longValue(), p.flags(), "frame " + (i + 1));
      assertEquals(r.get("eigrp.seq"), String.valueOf(p.sequence()));
      assertEquals(r.get("eigrp.ack"), String.valueOf(p.ack()));
      assertEquals(r.get("eigrp.as"), "90");
      assertEquals(r.get("eigrp.checksum.status"), "1", "frame " + (i + 1) + ": checksum good (tshark: 1 = Good)");
      assertEquals(r.get("_ws.expert").replaceAll(TTL_NOTES, ""), "", "frame " + (i + 1) + " expert notes");
      assertEquals(r.get("_ws.malformed"), "", "frame " + (i + 1) + " malformed");
    }
    assertEquals(rows.get(0).get("eigrp.tlv_type"), "0x0001,0x0004");
    assertEquals(rows.get(0).get("eigrp.par.holdtime"), "180");
    Map<String, String> update = rows.get(3);
    assertEquals(update.get("eigrp.ipv4.destination"), "2.2.2.0,172.16.0.0,0.0.0.0");
    assertEquals(update.get("eigrp.ipv4.prefixlen"), "24,12,0");
    assertEquals(update.get("eigrp.ipv4.nexthop"), "0.0.0.0,192.168.1.2,0.0.0.0");
    // FastEthernet: 10 tens of us -> 2560, 100 Mbit/s -> 25600; through the 9 kbit/s tunnel (50,000 tens of
    // us): 50,010 x 256 = 12,802,560 and 256 x floor(10^7 / 9) = 256 x 1,111,111 = 284,444,416
    assertEquals(update.get("eigrp.old_metric.delay"), "2560,12802560,12802560");
    assertEquals(update.get("eigrp.old_metric.bw"), "25600,284444416,284444416");
    assertEquals(update.get("eigrp.old_metric.mtu"), "1500,1440,1440");
    assertEquals(update.get("eigrp.old_metric.hopcount"), "0,1,1");
    assertEquals(update.get("eigrp.extdata.origrid"), "1.1.1.1");
    assertEquals(update.get("eigrp.extdata.proto"), "11");
    assertEquals(rows.get(4).get("eigrp.old_metric.delay"), "4294967295");
    assertEquals(rows.get(4).get("eigrp.ipv4.destination"), "10.1.2.128");
    assertEquals(rows.get(6).get("eigrp.seq.ipv4addr"), "192.168.1.2");
    assertEquals(rows.get(6).get("eigrp.next_mcast_seq"), "4");
  }
}
