package dev.dmvpn.ref.ike;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.isakmp.DataAttribute;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import dev.dmvpn.ref.isakmp.TransformPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Phase-1 suites, Phase-2 transform sets, several proposals, lifetime selection, PSK lookup. */
public class IkeProposalsTest {

  @DataProvider
  public Object[][] phase1Suites() {
    List<Object[]> rows = new ArrayList<>();
    Ikev1Encryption[] ciphers = {Ikev1Encryption.DES_CBC, Ikev1Encryption.TDES_CBC, Ikev1Encryption.AES_128_CBC,
        Ikev1Encryption.AES_256_CBC};
    for (Ikev1Encryption e : ciphers) {
      for (HashAlgorithm h : HashAlgorithm.values()) {
        for (OakleyGroup g : OakleyGroup.values()) {
          rows.add(new Object[] {e, h, g});
        }
      }
    }
    return rows.toArray(new Object[0][]);
  }

  @Test(dataProvider = "phase1Suites")
  public void phase1SuiteNegotiatesAndQuickModeFollows(Ikev1Encryption e, HashAlgorithm h, OakleyGroup g) {
    List<IkePolicy> p = List.of(new IkePolicy(10, e, h, g, 86_400));
    IkePair net = new IkePair(IkeConfig.document(IkePair.INITIATOR).withPolicies(p),
        IkeConfig.document(IkePair.RESPONDER).withPolicies(p));
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    assertEquals(sa.policy(), p.get(0));
    assertEquals(net.initiatorEvents.phase2Up.size(), 1, net.initiatorEvents.phase2Failed.toString());
    assertEquals(net.responderEvents.phase2Up.size(), 1);
    MainModeQuickModeTest.assertSameSa(net.initiatorEvents.phase2Up.get(0).outbound(),
        net.responderEvents.phase2Up.get(0).inbound());
    assertEquals(sa.keys().encryptionKey().length, e.keyLength());
  }

  @DataProvider
  public Object[][] transformSets() {
    return new Object[][] {
        {EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96},
        {EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA1_96},
        {EspEncryption.AES_CBC_256, EspIntegrity.HMAC_SHA256_128},
        {EspEncryption.AES_GCM_16_128, EspIntegrity.NONE},
    };
  }

  @Test(dataProvider = "transformSets")
  public void transformSetNegotiatesAndCarriesEsp(EspEncryption enc, EspIntegrity integ) {
    IpsecProfile profile = new IpsecProfile("p", List.of(new TransformSet("t", enc, integ, EspMode.TRANSPORT)),
        3600, 4_608_000);
    IkePair net = new IkePair(IkeConfig.document(IkePair.INITIATOR).withProfile(profile),
        IkeConfig.document(IkePair.RESPONDER).withProfile(profile));
    net.connect(Duration.ofSeconds(1));
    ChildSa i = net.initiatorEvents.phase2Up.get(0);
    ChildSa r = net.responderEvents.phase2Up.get(0);
    assertEquals(i.outbound().encryption(), enc);
    assertEquals(i.outbound().encryptionKey().length, enc.keyMaterialLength());
    EspProcessor esp = new EspProcessor(RandomSource.of(new SplittableRandom(3)));
    byte[] gre = Hex.parse("000008004500");
    assertTrue(esp.open(new EspSa(r.inbound(), net.clock), esp.protect(new EspSa(i.outbound(), net.clock), 47,
        gre)).isDelivered());
    assertTrue(esp.open(new EspSa(i.inbound(), net.clock), esp.protect(new EspSa(r.outbound(), net.clock), 47,
        gre)).isDelivered());
  }

  /**
   * Encapsulation Mode as IOS negotiates it (ARCHITECTURE.md, "IPsec mode"): the initiator offers its set's mode
   * (1 tunnel, 2 transport); a {@code mode transport} responder also accepts a tunnel offer, and the SA runs in
   * tunnel mode (INE, "When transport mode becomes tunnel mode"); a tunnel-mode responder refuses a transport
   * offer with NO-PROPOSAL-CHOSEN. Expected null = Quick Mode fails.
   */
  @DataProvider
  public Object[][] modes() {
    return new Object[][] {
        {EspMode.TUNNEL, EspMode.TUNNEL, EspMode.TUNNEL},
        {EspMode.TRANSPORT, EspMode.TRANSPORT, EspMode.TRANSPORT},
        {EspMode.TUNNEL, EspMode.TRANSPORT, EspMode.TUNNEL},
        {EspMode.TRANSPORT, EspMode.TUNNEL, null},
    };
  }

  @Test(dataProvider = "modes")
  public void encapsulationModeIsOfferedAndAcceptedAsIosDoes(EspMode initiator, EspMode responder,
      EspMode expected) {
    IkePair net = new IkePair(IkeConfig.document(IkePair.INITIATOR).withProfile(profile(initiator)),
        IkeConfig.document(IkePair.RESPONDER).withProfile(profile(responder)));
    net.connect(Duration.ofSeconds(1));
    net.clock.advance(Duration.ofSeconds(5));
    // QM1 HASH(1), SA(P1: T1 ESP_3DES, Encapsulation Mode first), Ni, IDci, IDcr --> (the offer QM1 carries)
    TransformPayload offered = Phase2Proposals.offer(profile(initiator), 0x1234).proposals().get(0).transforms()
        .get(0);
    assertEquals(offered.attributes().get(0).type(), 4, "Encapsulation Mode");
    assertEquals(Hex.of(offered.attributes().get(0).value()), initiator == EspMode.TUNNEL ? "0001" : "0002");
    if (expected == null) {
      assertTrue(net.initiatorEvents.phase2Up.isEmpty() && net.responderEvents.phase2Up.isEmpty());
      assertEquals(net.initiatorEvents.phase2Failed, List.of("peer rejected Quick Mode with NO-PROPOSAL-CHOSEN"));
      return;
    }
    assertEquals(net.initiatorEvents.phase2Up.get(0).outbound().mode(), expected);
    assertEquals(net.initiatorEvents.phase2Up.get(0).inbound().mode(), expected);
    assertEquals(net.responderEvents.phase2Up.get(0).outbound().mode(), expected);
    assertEquals(net.responderEvents.phase2Up.get(0).inbound().mode(), expected);
  }

  private static IpsecProfile profile(EspMode mode) {
    return new IpsecProfile("cisco", List.of(TransformSet.document().withMode(mode)), 120, 4_608_000);
  }

  @Test
  public void responderTakesFirstAcceptableProposalAndLowerLifetime() {
    IkePolicy strong = new IkePolicy(5, Ikev1Encryption.AES_256_CBC, HashAlgorithm.SHA256, OakleyGroup.MODP_2048,
        86_400);
    IkeConfig i = IkeConfig.document(IkePair.INITIATOR).withPolicies(List.of(strong, IkePolicy.document()));
    IkeConfig r = IkeConfig.document(IkePair.RESPONDER).withPolicies(List.of(
        IkePolicy.document().withLifetime(3600),
        new IkePolicy(20, Ikev1Encryption.TDES_CBC, HashAlgorithm.SHA1, OakleyGroup.MODP_1024, 86_400)));
    IkePair net = new IkePair(i, r);
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    // MM1 SA(P1: T1 AES-256/SHA-256/14, T2 DES/MD5/1) -->   <-- MM2 SA(P1: T2, unchanged)
    TransformPayload echoed = net.wire.get(1).message().first(dev.dmvpn.ref.isakmp.SaPayload.class).proposals()
        .get(0).transforms().get(0);
    assertEquals(echoed.number(), 2);
    // RFC 2409: the responder echoes the transform unchanged, so only the responder knows the lower lifetime;
    // when its SA expires it sends a Delete and the initiator follows (see ikeSaExpiryDeletesOnBothSides)
    assertEquals(sa.policy(), IkePolicy.document());
    assertEquals(net.responder.ikeSas().get(0).policy(), IkePolicy.document().withLifetime(3600));
    net.clock.advance(Duration.ofSeconds(3600));
    assertEquals(net.responderEvents.ikeDeleted, List.of("lifetime expired"));
    assertEquals(net.initiatorEvents.ikeDeleted, List.of("deleted by peer"));
  }

  @Test
  public void responderLifetimeNotifyLowersThePhase2Lifetime() {
    IpsecProfile longer = new IpsecProfile("long", List.of(TransformSet.document()), 3600, 4_608_000);
    IkePair net = new IkePair(IkeConfig.document(IkePair.INITIATOR).withProfile(longer),
        IkeConfig.document(IkePair.RESPONDER));
    net.connect(Duration.ofSeconds(1));
    // QM1 SA(3600 s) -->   <-- QM2 SA, Nr, IDci, IDcr, N(RESPONDER-LIFETIME 120 s)
    assertEquals(net.initiatorEvents.phase2Up.get(0).outbound().lifetimeSeconds(), 120);
    assertEquals(net.responderEvents.phase2Up.get(0).outbound().lifetimeSeconds(), 120);
  }

  @Test
  public void phase2AttributesFollowIosOrder() {
    TransformPayload t = Phase2Proposals.transform(TransformSet.document(), 1, 120, 4_608_000);
    assertEquals(t.transformId(), 3, "ESP_3DES");
    assertEquals(t.attributes().stream().map(DataAttribute::type).toList(), List.of(4, 1, 2, 1, 2, 5));
    assertEquals(Hex.of(t.attributes().get(0).value()), "0001", "seed debug: 'ISAKMP: encaps is 1' (tunnel)");
    assertEquals(Hex.of(t.attributes().get(2).value()), "0078", "120 s basic (IOS debug: life duration (basic) of 120)");
    assertTrue(!t.attributes().get(4).basic());
    assertEquals(Hex.of(t.attributes().get(4).value()), "00465000", "IOS debug: (VPI) of 0x0 0x46 0x50 0x0");
    assertEquals(Phase2Proposals.parse(t), new Phase2Proposals.Offer(
        new TransformSet("peer", EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96, EspMode.TUNNEL), 120,
        4_608_000));
    long[] life = Phase2Proposals.parseLifetimes(Phase2Proposals.lifetimeAttributes(120, 4_608_000));
    assertEquals(life, new long[] {120, 4_608_000});
  }

  @Test
  public void unsupportedPhase1TransformIsRefused() {
    TransformPayload rsa = new TransformPayload(1, TransformPayload.KEY_IKE, List.of(
        DataAttribute.basic(1, 1), DataAttribute.basic(2, 1), DataAttribute.basic(4, 1),
        DataAttribute.basic(3, 3)));
    assertNull(IkePolicy.fromTransform(rsa), "RSA signatures are not supported");
    IkePolicy p = IkePolicy.fromTransform(IkePolicy.document().toTransform(1));
    assertEquals(p, new IkePolicy(0, Ikev1Encryption.DES_CBC, HashAlgorithm.MD5, OakleyGroup.MODP_768, 86_400));
  }

  @Test
  public void pskLookupMostSpecificWins() {
    PskStore keys = PskStore.document()
        .add("site", Ipv4Address.parse("10.1.0.0"), Ipv4Address.parse("255.255.0.0"))
        .addPeer("host", Ipv4Address.parse("10.1.2.3"));
    assertEquals(new String(keys.lookup(Ipv4Address.parse("192.0.2.1"))), "cisco123");
    assertEquals(new String(keys.lookup(Ipv4Address.parse("10.1.9.9"))), "site");
    assertEquals(new String(keys.lookup(Ipv4Address.parse("10.1.2.3"))), "host");
    assertNull(new PskStore().lookup(Ipv4Address.parse("10.1.2.3")));
    assertEquals(keys.toString(), "PskStore[0.0.0.0/0.0.0.0 key <hidden>, 10.1.0.0/255.255.0.0 key <hidden>, "
        + "10.1.2.3/255.255.255.255 key <hidden>]");
  }

  @Test
  public void noPreSharedKeyFailsTheResponderCleanly() {
    IkePair net = new IkePair(IkeConfig.document(IkePair.INITIATOR),
        IkeConfig.document(IkePair.RESPONDER).withKeys(new PskStore()));
    net.connect(Duration.ofSeconds(1));
    assertEquals(net.responderEvents.phase1Failed, List.of("no pre-shared key configured for 209.168.202.131"));
    assertEquals(net.wire.get(1).message().first(NotifyPayload.class).notifyType(), NotifyType.AUTHENTICATION_FAILED);
  }
}
