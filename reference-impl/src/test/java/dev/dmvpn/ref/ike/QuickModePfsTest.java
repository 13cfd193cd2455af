package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.testing.Tshark;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.capture.PcapWriter;
import dev.dmvpn.ref.capture.keys.KeyFiles;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.capture.keys.WiresharkIkeSa;
import dev.dmvpn.ref.crypto.ChildSaKeys;
import dev.dmvpn.ref.crypto.Ikev1KeyDerivation;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.isakmp.DataAttribute;
import dev.dmvpn.ref.isakmp.IpsecAttributes;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.KePayload;
import dev.dmvpn.ref.isakmp.NoncePayload;
import dev.dmvpn.ref.isakmp.PayloadType;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.EthernetCodec;
import dev.dmvpn.ref.l2l3.EthernetFrame;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

/**
 * Quick Mode with PFS ({@code set pfs group2}): KE payloads in QM1 and QM2, KEYMAT with g(qm)^xy, both Java
 * peers (so both roles); the group must agree; tshark decrypts the exchange and opens ESP with the exported keys.
 */
public class QuickModePfsTest {

  private static IkeConfig config(boolean initiator, OakleyGroup pfs) {
    IkeConfig c = IkeConfig.document(initiator ? IkePair.INITIATOR : IkePair.RESPONDER);
    return c.withProfile(c.profile().withPfs(pfs));
  }

  private static IkePair pair(OakleyGroup initiatorPfs, OakleyGroup responderPfs) {
    return new IkePair(config(true, initiatorPfs), config(false, responderPfs));
  }

  @Test
  public void group2KeyExchangeInQuickModeKeysBothSidesAlike() {
    IkePair net = pair(OakleyGroup.MODP_1024, OakleyGroup.MODP_1024);
    // MM1..MM6;  QM1* HASH(1), SA(group 2), Ni, KE, IDci, IDcr -->  <-- QM2* HASH(2), SA, Nr, KE, IDci, IDcr
    // QM3* HASH(3) -->
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    List<List<IsakmpPayload>> open = WireDecryptor.open(net.delivered(), sa);
    assertEquals(open.size(), 9);
    List<IsakmpPayload> qm1 = open.get(6);
    List<IsakmpPayload> qm2 = open.get(7);
    assertEquals(types(qm1), List.of(PayloadType.HASH, PayloadType.SA, PayloadType.NONCE, PayloadType.KE,
        PayloadType.ID, PayloadType.ID));
    assertEquals(types(qm2), types(qm1));
    assertEquals(first(qm1, KePayload.class).data().length, 128, "group 2: 1024-bit public value");
    assertEquals(groupAttribute(qm1), 2);
    assertEquals(groupAttribute(qm2), 2);

    ChildSa i = net.initiatorEvents.phase2Up.get(0);
    ChildSa r = net.responderEvents.phase2Up.get(0);
    MainModeQuickModeTest.assertSameSa(i.outbound(), r.inbound());
    MainModeQuickModeTest.assertSameSa(r.outbound(), i.inbound());
    // the same KEYMAT formula without g(qm)^xy (what a peer without PFS would compute) gives other keys
    byte[] ni = first(qm1, NoncePayload.class).data();
    byte[] nr = first(qm2, NoncePayload.class).data();
    ChildSaKeys withoutPfs = Ikev1KeyDerivation.childSaKeys(sa.policy().hash(), sa.keys().skeyidD(), null,
        ProposalPayload.PROTO_IPSEC_ESP, i.outbound().spi(), ni, nr, 24, 16);
    assertFalse(Arrays.equals(withoutPfs.encryptionKey(), i.outbound().encryptionKey()), "g(qm)^xy is in KEYMAT");
  }

  @Test
  public void responderWithoutPfsAcceptsGroup2AsIosDoes() {
    IkePair net = pair(OakleyGroup.MODP_1024, null);
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    assertEquals(groupAttribute(WireDecryptor.open(net.delivered(), sa).get(7)), 2, "QM2 echoes group 2");
    MainModeQuickModeTest.assertSameSa(net.initiatorEvents.phase2Up.get(0).outbound(),
        net.responderEvents.phase2Up.get(0).inbound());
  }

  @Test
  public void differentGroupsGiveNoProposalChosen() {
    IkePair net = pair(OakleyGroup.MODP_1024, OakleyGroup.MODP_1536);
    // QM1*(group 2) -->  <-- INFO* HASH, N(NO-PROPOSAL-CHOSEN)
    net.connect(Duration.ofSeconds(1));
    assertEquals(net.responderEvents.phase2Failed, List.of("no IPsec proposal chosen: none of the peer's 1 ESP "
        + "proposals matches profile cisco with PFS group 5"));
    assertEquals(net.initiatorEvents.phase2Failed, List.of("peer rejected Quick Mode with NO-PROPOSAL-CHOSEN"));
    assertTrue(net.initiatorEvents.phase2Up.isEmpty() && net.responderEvents.phase2Up.isEmpty());
  }

  @Test
  public void responderRequiringPfsRefusesAnOfferWithout() {
    IkePair net = pair(null, OakleyGroup.MODP_1024);
    net.connect(Duration.ofSeconds(1));
    assertEquals(net.responderEvents.phase2Failed.size(), 1);
    assertTrue(net.responderEvents.phase2Failed.get(0).endsWith("with PFS group 2"));
    assertTrue(net.initiatorEvents.phase2Up.isEmpty());
  }

  @Test
  public void tsharkDecryptsPfsQuickModeAndOpensItsEsp() throws Exception {
    IkePair net = pair(OakleyGroup.MODP_1024, OakleyGroup.MODP_1024);
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    ChildSa i = net.initiatorEvents.phase2Up.get(0);
    ChildSa r = net.responderEvents.phase2Up.get(0);
    Path dir = Files.createTempDirectory("ike-pfs-tshark");
    Path pcap = dir.resolve("qm-pfs.pcap");
    EspProcessor esp = new EspProcessor(RandomSource.of(new SplittableRandom(5)));
    EspSa out = new EspSa(i.outbound(), net.clock);
    EspSa back = new EspSa(r.outbound(), net.clock);
    long base = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
    try (PcapWriter w = PcapWriter.create(pcap, LinkType.ETHERNET)) {
      for (IkePair.Datagram d : net.delivered()) {
        byte[] udp = UdpCodec.encode(UdpDatagram.of(500, 500, d.bytes()), d.source(), d.destination());
        w.write(base + d.nanos(), frame(d.source().equals(IkePair.INITIATOR), IpProtocol.UDP, udp));
      }
      long t = base + net.clock.nanoTime();
      w.write(t + 1_000_000L, frame(true, IpProtocol.ESP, esp.protect(out, 47, IkeTsharkTest.gre(1))));
      w.write(t + 2_000_000L, frame(false, IpProtocol.ESP, esp.protect(back, 47, IkeTsharkTest.gre(1))));
    }
    KeyFiles.writeWiresharkConfigDir(dir.resolve("keys"),
        List.of(WiresharkEspSa.of(i.outbound(), "209.168.202.131", "209.168.202.130"),
            WiresharkEspSa.of(r.outbound(), "209.168.202.130", "209.168.202.131")),
        List.of(new WiresharkIkeSa(sa.initiatorCookieBytes(), sa.keys().encryptionKey())));

    List<String> qm = tshark(dir, pcap, "isakmp.exchangetype == 32", "frame.number",
        "isakmp.ipsec.attr.group_description", "isakmp.key_exchange.data");
    assertEquals(qm.size(), 3, qm.toString());
    for (int k = 0; k < 2; k++) {
      String[] f = qm.get(k).split("\t", -1);
      assertEquals(f[0], String.valueOf(7 + k));
      assertEquals(f[1], "2", "Group Description 2 (PFS) in QM" + (k + 1));
      assertTrue(f[2].matches("[0-9a-f]{256}"), "a 128-byte KE in QM" + (k + 1) + ": " + qm.get(k));
    }
    assertEquals(tshark(dir, pcap, "esp", "ip.src", "esp.icv_good", "esp.protocol", "gre.proto"), List.of(
        "209.168.202.131\t1\t0x2f\t0x0800", "209.168.202.130\t1\t0x2f\t0x0800"), "KEYMAT with g(qm)^xy opens ESP");
  }

  private static int groupAttribute(List<IsakmpPayload> qm) {
    SaPayload sa = first(qm, SaPayload.class);
    for (DataAttribute a : sa.proposals().get(0).transforms().get(0).attributes()) {
      if (a.type() == IpsecAttributes.GROUP_DESCRIPTION) {
        return (int) a.longValue();
      }
    }
    return 0;
  }

  private static <T extends IsakmpPayload> T first(List<IsakmpPayload> payloads, Class<T> type) {
    for (IsakmpPayload p : payloads) {
      if (type.isInstance(p)) {
        return type.cast(p);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + payloads);
  }

  private static List<PayloadType> types(List<IsakmpPayload> payloads) {
    return payloads.stream().map(IsakmpPayload::type).toList();
  }

  private static byte[] frame(boolean fromInitiator, IpProtocol proto, byte[] payload) {
    byte[] ip = Ipv4Codec.encode(Ipv4Packet.of(proto, fromInitiator ? IkePair.INITIATOR : IkePair.RESPONDER,
        fromInitiator ? IkePair.RESPONDER : IkePair.INITIATOR, 0, 255, 0, false, payload));
    MacAddress a = MacAddress.parse("00:00:0c:00:01:31");
    MacAddress b = MacAddress.parse("00:00:0c:00:01:30");
    return EthernetCodec.encode(EthernetFrame.of(fromInitiator ? b : a, fromInitiator ? a : b, EtherType.IPV4, ip));
  }

  private static List<String> tshark(Path dir, Path pcap, String filter, String... fields) throws Exception {
    return Tshark.decrypted(dir.resolve("keys"), pcap, filter, filter.equals("esp"), fields);
  }
}
