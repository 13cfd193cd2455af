package dev.dmvpn.ref.ike;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ipsec.EspDirection;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.ipsec.EspOpenResult;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.ipsec.EspSaParameters;
import dev.dmvpn.ref.isakmp.DataAttribute;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.PayloadType;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.ref.isakmp.VendorIdPayload;
import dev.dmvpn.ref.isakmp.VendorIds;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

/** The document's profile, Java initiator against Java responder: both phases up, equal keys, ESP both ways. */
public class MainModeQuickModeTest {

  @Test
  public void documentProfileBringsUpBothPhases() {
    IkePair net = new IkePair();
    // MM1 SA,VID -->  <-- MM2 SA,VID  MM3 KE,Ni,VID,NAT-D -->  <-- MM4  MM5* ID,HASH_I,N -->  <-- MM6* ID,HASH_R
    // QM1* HASH(1),SA,Ni,IDci,IDcr -->  <-- QM2* HASH(2),SA,Nr,IDci,IDcr  QM3* HASH(3) -->
    IkeSa sa = net.connect(Duration.ofSeconds(1));

    assertEquals(net.initiatorEvents.phase1Up.size(), 1);
    assertEquals(net.responderEvents.phase1Up.size(), 1);
    assertEquals(net.initiatorEvents.phase2Up.size(), 1);
    assertEquals(net.responderEvents.phase2Up.size(), 1);
    assertEquals(sa.state(), IkeSa.State.ESTABLISHED);
    assertEquals(sa.policy(), IkePolicy.document());
    assertTrue(sa.peerIsIos(), "our per-SA vendor ID is recognised as IOS's");
    assertFalse(sa.natDetected());
    assertEquals(net.wire.size(), 9, "MM1..MM6 + QM1..QM3, nothing retransmitted");

    ChildSa i = net.initiatorEvents.phase2Up.get(0);
    ChildSa r = net.responderEvents.phase2Up.get(0);
    assertSameSa(i.outbound(), r.inbound());
    assertSameSa(r.outbound(), i.inbound());
    EspSaParameters p = i.outbound();
    assertEquals(p.mode(), EspMode.TUNNEL, "the document's transform set has no 'mode transport'");
    assertEquals(p.encryption(), EspEncryption.TDES_CBC);
    assertEquals(p.integrity(), EspIntegrity.HMAC_MD5_96);
    assertEquals(p.lifetimeSeconds(), 120);
    assertEquals(p.lifetimeKilobytes(), 4_608_000);
    assertEquals(p.encryptionKey().length, 24);
    assertEquals(p.integrityKey().length, 16);
    assertFalse(java.util.Arrays.equals(i.inbound().encryptionKey(), i.outbound().encryptionKey()),
        "KEYMAT differs per direction (keyed by the receiver's SPI)");
  }

  @Test
  public void espProtectedByOneSideOpensOnTheOther() {
    IkePair net = new IkePair();
    net.connect(Duration.ofSeconds(1));
    ChildSa i = net.initiatorEvents.phase2Up.get(0);
    ChildSa r = net.responderEvents.phase2Up.get(0);
    EspProcessor esp = new EspProcessor(RandomSource.of(new SplittableRandom(7)));
    byte[] gre = Hex.parse("00000800450000540001000040010000ac100b0bac100101");
    for (ChildSa[] dir : new ChildSa[][] {{i, r}, {r, i}}) {
      EspSa out = new EspSa(dir[0].outbound(), net.clock);
      EspSa in = new EspSa(dir[1].inbound(), net.clock);
      EspOpenResult opened = esp.open(in, esp.protect(out, 47, gre));
      assertTrue(opened.isDelivered(), opened.toString());
      assertEquals(opened.nextHeader(), 47);
      assertEquals(opened.payload(), gre);
    }
  }

  @Test
  public void messagesCarryIosPayloadOrderAndAttributes() {
    IkePair net = new IkePair();
    net.connect(Duration.ofSeconds(1));
    List<IsakmpMessage> m = net.wire.stream().map(IkePair.Datagram::message).toList();
    // MM1 SA, VID(RFC 3947, draft-07, draft-03, draft-02\n) -->
    assertEquals(m.get(0).payloadTypes(), List.of(PayloadType.SA, PayloadType.VID, PayloadType.VID,
        PayloadType.VID, PayloadType.VID));
    TransformPayload t = m.get(0).first(SaPayload.class).proposals().get(0).transforms().get(0);
    assertEquals(t.attributes().stream().map(DataAttribute::type).toList(), List.of(1, 2, 4, 3, 11, 12));
    assertEquals(Hex.of(t.attribute(12).value()), "00015180", "86400 s as a 4-byte TLV (IOS debug 0x0 0x1 0x51 0x80)");
    // <-- MM2 SA, VID(RFC 3947)
    assertEquals(m.get(1).payloadTypes(), List.of(PayloadType.SA, PayloadType.VID));
    assertEquals(m.get(1).first(VendorIdPayload.class).data(), VendorIds.Known.NAT_T_RFC3947.bytes());
    // MM3 KE, Ni, VID(Unity, DPD, IOS, XAUTH), NAT-D, NAT-D -->   and   <-- MM4 the same
    List<PayloadType> keyExchange = List.of(PayloadType.KE, PayloadType.NONCE, PayloadType.VID, PayloadType.VID,
        PayloadType.VID, PayloadType.VID, PayloadType.NAT_D_RFC, PayloadType.NAT_D_RFC);
    assertEquals(m.get(2).payloadTypes(), keyExchange);
    assertEquals(m.get(3).payloadTypes(), keyExchange);
    assertTrue(VendorIds.isIosPerSa(m.get(2).all(VendorIdPayload.class).get(2).data(),
        m.get(2).header().initiatorCookie()));
    for (int k = 4; k < 9; k++) {
      assertTrue(m.get(k).encrypted(), "message " + (k + 1) + " is encrypted");
    }
    assertEquals(m.get(6).header().exchangeType(), ExchangeType.QUICK_MODE);
    assertEquals(m.get(6).header().messageId(), m.get(8).header().messageId());
  }

  @Test
  public void draftNatTraversalUsesDraftNatDPayloadType() {
    IkeConfig i = IkeConfig.document(IkePair.INITIATOR).withNatTraversalVids(
        List.of(VendorIds.Known.NAT_T_DRAFT_03, VendorIds.Known.NAT_T_DRAFT_02N));
    IkePair net = new IkePair(i, IkeConfig.document(IkePair.RESPONDER));
    net.connect(Duration.ofSeconds(1));
    assertEquals(net.initiatorEvents.phase2Up.size(), 1);
    // <-- MM2 SA, VID(draft-03): the responder's most preferred flavour that the initiator offered
    assertEquals(net.wire.get(1).message().first(VendorIdPayload.class).data(),
        VendorIds.Known.NAT_T_DRAFT_03.bytes());
    assertEquals(net.wire.get(2).message().payloadTypes().get(6), PayloadType.NAT_D_DRAFT);
  }

  static void assertSameSa(EspSaParameters a, EspSaParameters b) {
    assertEquals(a.spi(), b.spi());
    assertEquals(a.direction(), EspDirection.OUTBOUND);
    assertEquals(b.direction(), EspDirection.INBOUND);
    assertEquals(a.encryptionKey(), b.encryptionKey());
    assertEquals(a.integrityKey(), b.integrityKey());
    assertEquals(a.encryption(), b.encryption());
    assertEquals(a.integrity(), b.integrity());
    assertEquals(a.lifetimeSeconds(), b.lifetimeSeconds());
  }
}
