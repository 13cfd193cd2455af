package dev.dmvpn.ref.ike;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.esp.NatTFraming;
import dev.dmvpn.ref.esp.NatTPayload;
import dev.dmvpn.ref.ipsec.EspOpenResult;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.ipsec.UdpEncapsulation;
import dev.dmvpn.ref.isakmp.IpsecAttributes;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.NatOaPayload;
import dev.dmvpn.ref.isakmp.PayloadType;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.VendorIds;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

/**
 * NAT traversal between two Java peers (RFC 3947, RFC 3948): forced encapsulation, a simulated NAPT in front of
 * the initiator, and the no-NAT case. Flow when NAT-T is on:
 *
 * <pre>
 *   500 -> 500    MM1 SA, VID(NAT-T)  -->  <-- MM2  MM3 KE,Ni,VID,NAT-D,NAT-D -->  <-- MM4 (NAT-D mismatch)
 *   4500 -> 4500  [00000000] MM5* ID,HASH_I,N -->  <-- [00000000] MM6* ID,HASH_R
 *   4500 -> 4500  [00000000] QM1* HASH,SA(mode 4),Ni,IDci,IDcr,NAT-OAi,NAT-OAr -->  <-- QM2* ...  QM3* -->
 *   4500 -> 4500  ESP in UDP (SPI first, no marker); FF every 20 s from the side behind the NAT
 * </pre>
 */
public class NatTraversalTest {
  private static final byte[] GRE = Hex.parse("00000800450000540001000040010000ac100b0bac100101");

  @Test
  public void forcedEncapsulationFloatsToUdp4500FromMainModeFive() {
    IkePair net = new IkePair(IkePair.transportMode(IkePair.INITIATOR).withForcedUdpEncapsulation(true),
        IkePair.transportMode(IkePair.RESPONDER));
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    IkeSa peerSa = net.responder.ikeSas().get(0);

    assertEquals(net.wire.size(), 9, "MM1..MM6, QM1..QM3");
    String cookie = Hex.of(sa.initiatorCookieBytes());
    for (int k = 0; k < 9; k++) {
      IkePair.Datagram d = net.wire.get(k);
      int port = k < 4 ? 500 : 4500;
      assertEquals(d.sourcePort(), port, "message " + (k + 1));
      assertEquals(d.destinationPort(), port, "message " + (k + 1));
      String head = Hex.of(java.util.Arrays.copyOf(d.bytes(), 12));
      assertEquals(head, k < 4 ? cookie + Hex.of(java.util.Arrays.copyOfRange(d.bytes(), 8, 12))
          : "00000000" + cookie, "message " + (k + 1) + ": non-ESP marker only on 4500");
    }
    // the forcing side pretends to be behind a NAT (bogus NAT-D of its own address); the other side believes it
    assertTrue(sa.localBehindNat());
    assertFalse(sa.peerBehindNat());
    assertTrue(peerSa.peerBehindNat());
    assertFalse(peerSa.localBehindNat());
    assertTrue(sa.floated() && peerSa.floated());
    assertEquals(peerSa.peerPort(), 4500);

    List<List<IsakmpPayload>> open = WireDecryptor.open(net.wire, sa);
    assertQuickModeOffer(open.get(6), IpsecAttributes.MODE_UDP_TRANSPORT_RFC, PayloadType.NAT_OA_RFC,
        IkePair.INITIATOR, IkePair.RESPONDER);
    assertQuickModeOffer(open.get(7), IpsecAttributes.MODE_UDP_TRANSPORT_RFC, PayloadType.NAT_OA_RFC,
        IkePair.INITIATOR, IkePair.RESPONDER);

    ChildSa i = net.initiatorEvents.phase2Up.get(0);
    ChildSa r = net.responderEvents.phase2Up.get(0);
    assertEquals(i.udpEncapsulation(), new UdpEncapsulation(4500, 4500));
    assertEquals(r.udpEncapsulation(), new UdpEncapsulation(4500, 4500));
    assertEspInUdpOpens(net, i, r);
    assertEspInUdpOpens(net, r, i);
  }

  @Test
  public void forcedSideSendsKeepalivesEveryTwentySeconds() {
    IkePair net = new IkePair(IkePair.transportMode(IkePair.INITIATOR).withForcedUdpEncapsulation(true),
        IkePair.transportMode(IkePair.RESPONDER));
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    net.advance(Duration.ofSeconds(64));

    List<IkePair.Datagram> keepalives = net.wire.stream().filter(IkePair.Datagram::keepalive).toList();
    assertEquals(keepalives.size(), 3, "at 20, 40 and 60 s after Phase 1");
    for (int k = 0; k < 3; k++) {
      IkePair.Datagram d = keepalives.get(k);
      assertEquals(d.nanos() - sa.establishedNanos(), Duration.ofSeconds(20L * (k + 1)).toNanos());
      assertEquals(d.source(), IkePair.INITIATOR, "only the side 'behind the NAT' keeps the mapping alive");
      assertEquals(d.sourcePort(), 4500);
      assertEquals(d.destinationPort(), 4500);
      assertEquals(d.bytes(), new byte[] {(byte) 0xFF});
    }
    assertEquals(sa.keepalivesSent(), 3);
    assertEquals(net.responder.keepalivesReceived(), 3);
    assertEquals(net.responder.droppedMessages(), 0, "keepalives are ignored, not counted as bad IKE");
  }

  @Test
  public void draftOnlyPeerUsesDraftModeAndPayloadNumbers() {
    IkeConfig i = IkePair.transportMode(IkePair.INITIATOR).withForcedUdpEncapsulation(true)
        .withNatTraversalVids(List.of(VendorIds.Known.NAT_T_DRAFT_03, VendorIds.Known.NAT_T_DRAFT_02N));
    IkePair net = new IkePair(i, IkePair.transportMode(IkePair.RESPONDER));
    IkeSa sa = net.connect(Duration.ofSeconds(1));

    assertEquals(sa.natTraversal(), VendorIds.Known.NAT_T_DRAFT_03);
    // MM3 KE, Ni, VID x4, NAT-D(130), NAT-D(130) -->
    assertEquals(net.wire.get(2).message().payloadTypes().get(6), PayloadType.NAT_D_DRAFT);
    assertEquals(net.wire.get(4).sourcePort(), 4500, "drafts float from MM5 too");
    List<List<IsakmpPayload>> open = WireDecryptor.open(net.wire, sa);
    assertQuickModeOffer(open.get(6), IpsecAttributes.MODE_UDP_TRANSPORT_DRAFT, PayloadType.NAT_OA_DRAFT,
        IkePair.INITIATOR, IkePair.RESPONDER);
    assertQuickModeOffer(open.get(7), IpsecAttributes.MODE_UDP_TRANSPORT_DRAFT, PayloadType.NAT_OA_DRAFT,
        IkePair.INITIATOR, IkePair.RESPONDER);
    assertTrue(net.initiatorEvents.phase2Up.get(0).isUdpEncapsulated());
    assertTrue(net.responderEvents.phase2Up.get(0).isUdpEncapsulated());
  }

  @Test
  public void napTInFrontOfTheInitiatorIsDetectedAndFollowed() {
    IkePair net = IkePair.behindNat(IkePair.transportMode(IkePair.PRIVATE_INITIATOR),
        IkePair.transportMode(IkePair.RESPONDER));
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    IkeSa peerSa = net.responder.ikeSas().get(0);

    // MM1 leaves the NAT as 198.51.100.7:1024 -> 209.168.202.130:500
    assertEquals(net.wire.get(0).source(), IkePair.NAT_PUBLIC);
    assertEquals(net.wire.get(0).sourcePort(), IkePair.NAT_PORT_500);
    assertTrue(sa.localBehindNat(), "NAT-D: the responder saw us at another address");
    assertFalse(sa.peerBehindNat());
    assertTrue(peerSa.peerBehindNat());
    assertFalse(peerSa.localBehindNat());
    // MM5 from 4500 gets a new mapping (1025); the responder answers MM6 there
    IkePair.Datagram mm5 = net.wire.get(4);
    IkePair.Datagram mm6 = net.wire.get(5);
    assertEquals(List.of(mm5.sourcePort(), mm5.destinationPort()), List.of(IkePair.NAT_PORT_4500, 4500));
    assertEquals(Hex.of(java.util.Arrays.copyOf(mm5.bytes(), 4)), "00000000");
    assertEquals(List.of(mm6.sourcePort(), mm6.destinationPort()), List.of(4500, IkePair.NAT_PORT_4500));
    assertEquals(peerSa.peerPort(), IkePair.NAT_PORT_4500);

    List<List<IsakmpPayload>> open = WireDecryptor.open(net.wire, sa);
    // QM1: NAT-OAi is the initiator's private address, NAT-OAr the address it sends to
    assertQuickModeOffer(open.get(6), IpsecAttributes.MODE_UDP_TRANSPORT_RFC, PayloadType.NAT_OA_RFC,
        IkePair.PRIVATE_INITIATOR, IkePair.RESPONDER);
    // QM2: the responder names the initiator as it sees it (the NAT) and itself
    assertQuickModeOffer(open.get(7), IpsecAttributes.MODE_UDP_TRANSPORT_RFC, PayloadType.NAT_OA_RFC,
        IkePair.NAT_PUBLIC, IkePair.RESPONDER);

    ChildSa i = net.initiatorEvents.phase2Up.get(0);
    ChildSa r = net.responderEvents.phase2Up.get(0);
    assertEquals(i.udpEncapsulation(), new UdpEncapsulation(4500, 4500));
    assertEquals(r.udpEncapsulation(), new UdpEncapsulation(4500, IkePair.NAT_PORT_4500),
        "the responder sends ESP to the NAT's mapping");
    assertEspInUdpOpens(net, i, r);
    assertEspInUdpOpens(net, r, i);

    net.advance(Duration.ofSeconds(21));
    List<IkePair.Datagram> keepalives = net.wire.stream().filter(IkePair.Datagram::keepalive).toList();
    assertEquals(keepalives.size(), 1);
    assertEquals(keepalives.get(0).source(), IkePair.NAT_PUBLIC);
    assertEquals(keepalives.get(0).sourcePort(), IkePair.NAT_PORT_4500);
    assertEquals(net.responder.keepalivesReceived(), 1);
  }

  @Test
  public void withoutNatEverythingStaysOnPort500InTransportMode() {
    IkePair net = new IkePair(IkePair.transportMode(IkePair.INITIATOR), IkePair.transportMode(IkePair.RESPONDER));
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    net.advance(Duration.ofSeconds(64));

    assertFalse(sa.natDetected());
    assertFalse(sa.floated());
    assertEquals(sa.natTraversal(), VendorIds.Known.NAT_T_RFC3947, "NAT-T agreed, just not needed");
    for (IkePair.Datagram d : net.wire) {
      assertEquals(List.of(d.sourcePort(), d.destinationPort()), List.of(500, 500));
      assertFalse(d.keepalive());
    }
    List<List<IsakmpPayload>> open = WireDecryptor.open(net.wire, sa);
    SaPayload offer = first(open.get(6), SaPayload.class);
    assertEquals(offer.proposals().get(0).transforms().get(0).attribute(IpsecAttributes.ENCAPSULATION_MODE)
        .longValue(), IpsecAttributes.MODE_TRANSPORT);
    assertTrue(open.get(6).stream().noneMatch(p -> p instanceof NatOaPayload), "no NAT-OA without NAT");
    assertNull(net.initiatorEvents.phase2Up.get(0).udpEncapsulation());
    assertNull(net.responderEvents.phase2Up.get(0).udpEncapsulation());
    assertEquals(sa.keepalivesSent(), 0);
  }

  @Test
  public void responderRefusesUdpModesOnAnUnfloatedSa() {
    IpsecProfile profile = IkePair.transportMode(IkePair.INITIATOR).profile();
    SaPayload udp = Phase2Proposals.offer(profile, 0x1234, VendorIds.Known.NAT_T_RFC3947);
    SaPayload draft = Phase2Proposals.offer(profile, 0x1234, VendorIds.Known.NAT_T_DRAFT_07);
    assertNull(Phase2Proposals.select(udp, profile, false), "no port pair to encapsulate with");
    assertTrue(Phase2Proposals.parse(Phase2Proposals.select(udp, profile, true).transform()).udpEncapsulated());
    assertEquals(draft.proposals().get(0).transforms().get(0).attribute(IpsecAttributes.ENCAPSULATION_MODE)
        .longValue(), IpsecAttributes.MODE_UDP_TRANSPORT_DRAFT, "draft-07 (bad drafts) also uses 61444");
    assertTrue(Phase2Proposals.parse(Phase2Proposals.select(draft, profile, true).transform()).udpEncapsulated());
  }

  @Test
  public void port4500InputIsSortedLikeNatTFraming() {
    IkePair net = new IkePair(IkePair.transportMode(IkePair.INITIATOR).withForcedUdpEncapsulation(true),
        IkePair.transportMode(IkePair.RESPONDER));
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    long dropped = net.responder.droppedMessages();
    net.responder.receive(IkePair.INITIATOR, 4500, 4500, new byte[] {(byte) 0xFF});
    assertEquals(net.responder.keepalivesReceived(), 1);
    net.responder.receive(IkePair.INITIATOR, 4500, 4500, Hex.parse("2f09e5a4000000010102030405060708"));
    assertEquals(net.responder.droppedMessages(), dropped + 1, "ESP belongs to the data plane");
    // a retransmitted QM3 without its marker on 4500 is not IKE either
    net.responder.receive(IkePair.INITIATOR, 4500, 4500, net.wire.get(8).isakmp());
    assertEquals(net.responder.droppedMessages(), dropped + 2);
    assertEquals(sa.state(), IkeSa.State.ESTABLISHED);
  }

  /** The quick-mode SA offers {@code mode}; two NAT-OA of {@code type} name {@code oaI} then {@code oaR}. */
  private static void assertQuickModeOffer(List<IsakmpPayload> qm, int mode, PayloadType type, Ipv4Address oaI,
      Ipv4Address oaR) {
    SaPayload sa = first(qm, SaPayload.class);
    assertEquals(sa.proposals().get(0).transforms().get(0).attribute(IpsecAttributes.ENCAPSULATION_MODE)
        .longValue(), mode);
    List<NatOaPayload> oa = qm.stream().filter(p -> p instanceof NatOaPayload).map(NatOaPayload.class::cast)
        .toList();
    assertEquals(oa.size(), 2, qm.toString());
    assertEquals(oa.get(0).type(), type);
    assertEquals(Ipv4Address.fromBytes(oa.get(0).address()), oaI);
    assertEquals(Ipv4Address.fromBytes(oa.get(1).address()), oaR);
  }

  private static <P extends IsakmpPayload> P first(List<IsakmpPayload> payloads, Class<P> kind) {
    return payloads.stream().filter(kind::isInstance).map(kind::cast).findFirst().orElseThrow();
  }

  /** ESP protected by {@code from}, wrapped in its UDP encapsulation, unwrapped and opened by {@code to}. */
  private static void assertEspInUdpOpens(IkePair net, ChildSa from, ChildSa to) {
    EspProcessor esp = new EspProcessor(RandomSource.of(new SplittableRandom(3)));
    byte[] packet = esp.protect(new EspSa(from.outbound(), net.clock), 47, GRE);
    byte[] datagram = from.udpEncapsulation().wrap(packet);
    UdpEncapsulation u = from.udpEncapsulation();
    assertEquals(Hex.of(java.util.Arrays.copyOf(datagram, 8)), String.format("%04x%04x%04x0000", u.localPort(),
        u.remotePort(), packet.length + 8), "UDP header, checksum 0 (RFC 3948 2.1)");
    byte[] udpPayload = java.util.Arrays.copyOfRange(datagram, 8, datagram.length);
    NatTPayload kind = NatTFraming.classify(udpPayload).value();
    assertTrue(kind instanceof NatTPayload.Esp e && e.packet().spi() == from.outbound().spi(),
        "SPI first, no non-ESP marker: " + kind);
    EspOpenResult opened = esp.open(new EspSa(to.inbound(), net.clock), UdpEncapsulation.unwrap(datagram));
    assertTrue(opened.isDelivered(), opened.toString());
    assertEquals(opened.payload(), GRE);
  }
}
