package dev.dmvpn.ref.ike;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1KeyDerivation;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.HashPayload;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpHeader;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import dev.dmvpn.ref.isakmp.PayloadType;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.testng.annotations.Test;

/** Clean failures (wrong key, no common proposal), lost messages, duplicates, Delete and DPD. */
public class IkeFailureTest {

  /**
   * As IOS: the responder cannot read MM5 under its key, drops it without an answer ("%CRYPTO-4-IKMP_BAD_MESSAGE:
   * IKE message from X failed its sanity check or is malformed"; "the receiving endpoint will not respond"), the
   * initiator retransmits MM5 ("retransmitting phase 1 MM_KEY_EXCH...") until it gives up, the responder's copies
   * of the retransmissions are duplicates of the bad one; nobody sends a notify in clear.
   */
  @Test
  public void wrongPreSharedKeyIsDroppedSilentlyAndMm5RetransmittedUntilGivenUp() {
    IkeConfig wrong = IkeConfig.document(IkePair.INITIATOR)
        .withKeys(new PskStore().add("cisco124", Ipv4Address.ANY, Ipv4Address.ANY));
    IkePair net = new IkePair(wrong, IkeConfig.document(IkePair.RESPONDER));
    net.connect(Duration.ofSeconds(1));

    assertEquals(net.wire.size(), 5, "MM1..MM5, nothing answers MM5");
    assertEquals(name(net.wire.get(4)), "MM5");
    assertEquals(net.responderEvents.badMessages.size(), 1, net.responderEvents.badMessages.toString());
    assertTrue(net.responderEvents.badMessages.get(0).contains("pre-shared key"));
    assertTrue(net.responderEvents.phase1Failed.isEmpty(), "the responder keeps waiting for a good MM5");
    assertTrue(net.initiatorEvents.phase1Failed.isEmpty(), "the initiator retransmits");
    // IkeConfig.document: first retransmission after 2 s, 5 retransmissions, doubling: 2+4+8+16+32+64 = 126 s
    net.advance(Duration.ofSeconds(125));
    assertEquals(net.wire.size(), 10, "MM5 and its 5 retransmissions");
    for (int i = 5; i < 10; i++) {
      assertEquals(net.wire.get(i).bytes(), net.wire.get(4).bytes(), "retransmission " + (i - 4) + " is MM5");
    }
    assertEquals(net.responder.badMessages(), 6, "the first MM5 and its 5 duplicates");
    assertTrue(net.initiatorEvents.phase1Failed.isEmpty());
    net.advance(Duration.ofSeconds(2));
    assertEquals(net.initiatorEvents.phase1Failed, List.of("no response to MM5 after 5 retransmissions"));
    assertEquals(net.responderEvents.phase1Failed.size(), 1, "the responder forgets its half-open SA too");
    assertTrue(net.responderEvents.phase1Failed.get(0).startsWith("authentication failed (pre-shared key?)"),
        net.responderEvents.phase1Failed.toString());
    assertTrue(net.wire.stream().noneMatch(d -> name(d).equals("INFO")), "no notify, in clear or encrypted");
    assertNoSas(net);
    int sent = net.wire.size();
    net.clock.advance(Duration.ofMinutes(5));
    assertEquals(net.wire.size(), sent, "nothing more after the failure");
    assertTrue(net.initiatorEvents.phase1Up.isEmpty() && net.responderEvents.phase1Up.isEmpty());
  }

  @Test
  public void wrongKeyFailsAtOnceWhenTheResponderAnswersMm5Encrypted() {
    IkeConfig wrong = IkeConfig.document(IkePair.INITIATOR)
        .withKeys(new PskStore().add("cisco124", Ipv4Address.ANY, Ipv4Address.ANY));
    IkePair net = new IkePair(wrong, IkeConfig.document(IkePair.RESPONDER));
    net.drop = d -> name(d).equals("INFO"); // charon sends no notify in clear: lose the Java responder's one
    IkeSa responderSa = runToMm5(net);
    assertEquals(net.responderEvents.badMessages.size(), 1, "MM5 did not decrypt at the responder");
    // <-- INFO* HASH(1), N(INVALID-HASH-INFORMATION) under the responder's keys, as charon answers:
    //     "generating INFORMATIONAL_V1 request 851551089 [ HASH N(INVAL_HASH) ]"
    net.initiator.receive(IkePair.RESPONDER, IkeConfig.IKE_PORT, IkeConfig.IKE_PORT,
        encryptedNotify(net, responderSa, 851_551_089, NotifyType.INVALID_HASH_INFORMATION));

    assertEquals(net.initiatorEvents.phase1Failed, List.of(
        "authentication failed (pre-shared key?): peer's reply to MM5 does not decrypt"));
    assertTrue(net.initiator.ikeSas().isEmpty(), net.initiator.ikeSas().toString());
    int sent = net.wire.size();
    net.clock.advance(Duration.ofMinutes(5));
    assertEquals(net.wire.size(), sent, "no MM5 retransmission and no notify of our own");
    assertNoSas(net); // the responder gave its half-open SA up meanwhile
  }

  @Test
  public void encryptedErrorNotifyUnderTheRightKeysEndsMainMode() {
    IkePair net = new IkePair();
    net.drop = d -> name(d).equals("MM6");
    IkeSa responderSa = runToMm5(net);
    // <-- INFO* HASH(1), N(INVALID-ID-INFORMATION) (readable: the keys agree)
    net.initiator.receive(IkePair.RESPONDER, IkeConfig.IKE_PORT, IkeConfig.IKE_PORT,
        encryptedNotify(net, responderSa, 0x1234_5678, NotifyType.INVALID_ID_INFORMATION));
    assertEquals(net.initiatorEvents.phase1Failed, List.of(
        "phase 1 refused: peer answered MM5 with INVALID-ID-INFORMATION (encrypted)"));
    assertTrue(net.initiator.ikeSas().isEmpty());
  }

  @Test
  public void encryptedNonErrorNotifyAfterMm5IsIgnoredAndMm6StillCompletes() {
    IkePair net = new IkePair();
    Set<String> lostOnce = new HashSet<>();
    net.drop = d -> name(d).equals("MM6") && lostOnce.add("MM6");
    IkeSa responderSa = runToMm5(net);
    // <-- INFO* HASH(1), N(INITIAL-CONTACT): authentic, but it does not end Main Mode
    net.initiator.receive(IkePair.RESPONDER, IkeConfig.IKE_PORT, IkeConfig.IKE_PORT,
        encryptedNotify(net, responderSa, 0x0BAD_CAFE, NotifyType.INITIAL_CONTACT));
    assertTrue(net.initiatorEvents.phase1Failed.isEmpty());
    // MM5 (again, 2 s) -->  <-- MM6 (from the cache)
    net.advance(Duration.ofSeconds(3));
    assertEquals(net.initiatorEvents.phase1Up.size(), 1);
    assertEquals(net.initiatorEvents.phase2Up.size(), 1);
  }

  /** Starts Main Mode and runs until the responder has processed MM5; returns the responder's ISAKMP SA. */
  private static IkeSa runToMm5(IkePair net) {
    net.initiator.connect(IkePair.RESPONDER);
    net.advance(Duration.ofMillis(4)); // MM1 0 ms, MM2 1 ms, MM3 2 ms, MM4 3 ms, MM5 4 ms
    IkeSa responderSa = net.responder.ikeSas().get(0);
    net.advance(Duration.ofMillis(1)); // MM5 arrives
    assertEquals(name(net.wire.get(4)), "MM5");
    return responderSa;
  }

  /**
   * INFO* HASH(1), N(type) as the peer owning {@code sa} sends it when it answers MM5 instead of sending MM6: its
   * keys, and the Phase-2 IV from the last ciphertext block of MM5 (RFC 2409 appendix B), the last Phase-1 block
   * both sides have seen.
   */
  private static byte[] encryptedNotify(IkePair net, IkeSa sa, int messageId, NotifyType type) {
    byte[] cookies = new byte[16];
    System.arraycopy(sa.initiatorCookieBytes(), 0, cookies, 0, 8);
    System.arraycopy(sa.responderCookieBytes(), 0, cookies, 8, 8);
    NotifyPayload n = new NotifyPayload(SaPayload.DOI_IPSEC, ProposalPayload.PROTO_ISAKMP, cookies, type,
        new byte[0]);
    ByteWriter w = new ByteWriter(64);
    IsakmpCodec.encodePayloads(List.of(n), w);
    byte[] hash = Ikev1KeyDerivation.informationalHash(sa.policy().hash(), sa.keys().skeyidA(), messageId,
        w.toByteArray());
    w = new ByteWriter(64);
    IsakmpCodec.encodePayloads(List.of(new HashPayload(hash), n), w);
    byte[] mm5 = net.wire.get(4).message().encryptedBody();
    int block = sa.policy().encryption().blockSize();
    MessageProtection peerProtection = new MessageProtection(sa.policy().encryption(), sa.keys().encryptionKey(),
        sa.policy().hash(), Arrays.copyOfRange(mm5, mm5.length - block, mm5.length));
    IsakmpHeader h = new IsakmpHeader(sa.initiatorCookie(), sa.responderCookie(), PayloadType.HASH,
        IsakmpHeader.VERSION_1_0, ExchangeType.INFORMATIONAL, IsakmpHeader.FLAG_ENCRYPTED, messageId, 0);
    return IsakmpCodec.encode(IsakmpMessage.encrypted(h, peerProtection.encrypt(messageId, w.toByteArray())));
  }

  @Test
  public void keysNeverAppearInToString() {
    PskStore keys = PskStore.document().addPeer("secret-override", IkePair.INITIATOR);
    IkeConfig c = IkeConfig.document(IkePair.RESPONDER).withKeys(keys);
    assertTrue(!keys.toString().contains("cisco123") && !keys.toString().contains("secret"), keys.toString());
    assertTrue(!c.toString().contains("cisco123"), c.toString());
    IkePair net = new IkePair(IkeConfig.document(IkePair.INITIATOR), c);
    net.connect(Duration.ofSeconds(1));
    // the per-peer override wins over the wildcard, so the document's initiator key no longer matches
    assertTrue(net.responderEvents.badMessages.get(0).contains("pre-shared key?"));
    assertTrue(!net.responderEvents.badMessages.get(0).contains("cisco"));
    net.advance(Duration.ofMinutes(3));
    assertTrue(net.responderEvents.phase1Failed.get(0).contains("pre-shared key?"));
    assertTrue(!net.responderEvents.phase1Failed.get(0).contains("cisco"));
  }

  @Test
  public void proposalMismatchGivesNoProposalChosen() {
    IkeConfig strong = IkeConfig.document(IkePair.INITIATOR).withPolicies(List.of(new IkePolicy(10,
        Ikev1Encryption.AES_256_CBC, HashAlgorithm.SHA256, OakleyGroup.MODP_2048, 86_400)));
    IkePair net = new IkePair(strong, IkeConfig.document(IkePair.RESPONDER));
    // MM1 SA(AES-256/SHA-256/group 14) -->  <-- INFO N(NO-PROPOSAL-CHOSEN)
    net.connect(Duration.ofSeconds(1));

    assertEquals(net.wire.size(), 2);
    assertEquals(net.wire.get(1).message().first(NotifyPayload.class).notifyType(), NotifyType.NO_PROPOSAL_CHOSEN);
    assertEquals(net.responderEvents.phase1Failed, List.of("no proposal chosen: the peer offered "
        + "AES_256_CBC/SHA256/group 14/86400 s, we accept DES_CBC/MD5/group 1/86400 s"));
    assertEquals(net.initiatorEvents.phase1Failed, List.of(
        "no proposal chosen: peer answered MM1 with NO-PROPOSAL-CHOSEN"));
    assertNoSas(net);
  }

  @Test
  public void quickModeProposalMismatchFailsPhase2Only() {
    IkeConfig aes = IkeConfig.document(IkePair.INITIATOR).withProfile(new IpsecProfile("aes", List.of(
        new TransformSet("aes", EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA1_96, EspMode.TRANSPORT)),
        120, 4_608_000));
    IkePair net = new IkePair(aes, IkeConfig.document(IkePair.RESPONDER));
    // MM1..MM6; QM1*(AES-128/SHA-1) -->  <-- INFO* HASH, N(NO-PROPOSAL-CHOSEN)
    net.connect(Duration.ofSeconds(1));

    assertEquals(net.initiatorEvents.phase1Up.size(), 1);
    assertEquals(net.responderEvents.phase2Failed, List.of(
        "no IPsec proposal chosen: none of the peer's 1 ESP proposals matches profile cisco"));
    assertEquals(net.initiatorEvents.phase2Failed, List.of("peer rejected Quick Mode with NO-PROPOSAL-CHOSEN"));
    assertTrue(net.initiatorEvents.phase2Up.isEmpty() && net.responderEvents.phase2Up.isEmpty());
    int sent = net.wire.size();
    net.clock.advance(Duration.ofMinutes(2));
    assertEquals(net.wire.size(), sent, "the failed Quick Mode is not retransmitted");
  }

  @Test
  public void lostMessagesAreRetransmittedAndDuplicatesAnsweredFromCache() {
    IkePair net = new IkePair();
    Set<String> lostOnce = new HashSet<>();
    net.drop = d -> {
      String name = name(d);
      return (name.equals("MM4") || name.equals("MM6") || name.equals("QM3")) && lostOnce.add(name);
    };
    // MM1 --> <-- MM2  MM3 -->  <-- MM4 (lost)  ... 2 s ...  MM3 (again) -->  <-- MM4 (from cache)
    // MM5 -->  <-- MM6 (lost)  ... 2 s ...  MM5 (again) -->  <-- MM6 (from cache)
    // QM1 -->  <-- QM2  QM3 (lost) ... 2 s ... <-- QM2 (again)  QM3 (from cache) -->
    net.connect(Duration.ofSeconds(10));

    assertEquals(net.initiatorEvents.phase1Up.size(), 1);
    assertEquals(net.responderEvents.phase1Up.size(), 1);
    assertEquals(net.initiatorEvents.phase2Up.size(), 1, "QM2 retransmission did not create a second SA");
    assertEquals(net.responderEvents.phase2Up.size(), 1);
    List<String> names = net.wire.stream().map(IkeFailureTest::name).toList();
    assertEquals(names, List.of("MM1", "MM2", "MM3", "MM4", "MM3", "MM4", "MM5", "MM6", "MM5", "MM6",
        "QM1", "QM2", "QM3", "QM2", "QM3"));
    assertEquals(net.wire.get(4).bytes(), net.wire.get(2).bytes(), "MM3 retransmitted unchanged");
    assertEquals(net.wire.get(5).bytes(), net.wire.get(3).bytes(), "MM4 answered from the cache");
    assertEquals(net.wire.get(9).bytes(), net.wire.get(7).bytes(), "MM6 answered from the cache");
    assertEquals(net.wire.get(14).bytes(), net.wire.get(12).bytes(), "QM3 answered from the cache");
    assertEquals(net.wire.get(4).nanos() - net.wire.get(2).nanos(), Duration.ofSeconds(2).toNanos());
    MainModeQuickModeTest.assertSameSa(net.initiatorEvents.phase2Up.get(0).outbound(),
        net.responderEvents.phase2Up.get(0).inbound());
  }

  @Test
  public void responderRemovesItsEarlyInboundSaWhenQm3NeverComes() {
    IkePair net = new IkePair();
    net.drop = d -> name(d).equals("QM3");
    // QM1 -->  <-- QM2 (inbound SA handed out)  QM3 (lost) ... QM2 again x5, QM3 from cache (lost) ...
    // QM2 again at 2, 6, 14, 30, 62 s, given up at 126 s; meanwhile the initiator rekeyed at 90 s (a second
    // Quick Mode whose QM3 is lost as well, still being retransmitted at 130 s)
    net.connect(Duration.ofSeconds(130));

    assertEquals(net.responderEvents.inboundReady.size(), 2);
    ChildSa early = net.responderEvents.inboundReady.get(0);
    assertTrue(net.responderEvents.phase2Up.isEmpty());
    assertEquals(net.responderEvents.phase2Failed, List.of("no response to QM2 after 5 retransmissions"));
    assertEquals(net.responderEvents.childDeleted, List.of(early.toString()
        + ": no response to QM2 after 5 retransmissions"));
    assertEquals(early.state(), ChildSa.State.DELETED);
    assertEquals(net.initiatorEvents.phase2Up.size(), 2, "the initiator cannot know QM3 was lost");
  }

  @Test
  public void unansweredMm1BacksOffThenFails() {
    IkePair net = new IkePair();
    net.drop = d -> d.source().equals(IkePair.INITIATOR);
    net.connect(Duration.ofMinutes(3));

    List<Long> gaps = new ArrayList<>();
    for (int k = 1; k < net.wire.size(); k++) {
      gaps.add((net.wire.get(k).nanos() - net.wire.get(k - 1).nanos()) / 1_000_000_000L);
    }
    assertEquals(gaps, List.of(2L, 4L, 8L, 16L, 32L), "doubling back-off from 2 s, 5 retransmissions");
    assertEquals(net.initiatorEvents.phase1Failed, List.of("no response to MM1 after 5 retransmissions"));
    assertTrue(net.initiator.ikeSas().isEmpty());
  }

  @Test
  public void deleteRemovesSasOnThePeer() {
    IkePair net = new IkePair();
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    ChildSa child = sa.childSas().get(0);
    // INFO* HASH(1), D(ESP, our inbound SPI) -->
    net.initiator.deleteChildSa(sa, child);
    net.clock.advance(Duration.ofSeconds(1));
    assertEquals(net.responderEvents.childDeleted, List.of(net.responderEvents.phase2Up.get(0).toString()
        .replace("INSTALLED", "DELETED") + ": deleted by peer"));
    assertTrue(net.responder.ikeSas().get(0).childSas().isEmpty());
    assertTrue(sa.childSas().isEmpty());
    IsakmpMessage delete = net.wire.get(9).message();
    assertEquals(delete.header().exchangeType(), ExchangeType.INFORMATIONAL);
    assertTrue(delete.encrypted());

    // INFO* HASH(1), D(ISAKMP, CKY-I|CKY-R) -->
    net.initiator.deleteIkeSa(sa);
    net.clock.advance(Duration.ofSeconds(1));
    assertEquals(net.responderEvents.ikeDeleted, List.of("deleted by peer"));
    assertEquals(net.initiatorEvents.ikeDeleted, List.of("deleted locally"));
    assertNoSas(net);
  }

  @Test
  public void deadPeerDetectionIsAcknowledged() {
    IkePair net = new IkePair();
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    // INFO* HASH(1), N(R-U-THERE, seq 7) -->  <-- INFO* HASH(1), N(R-U-THERE-ACK, seq 7)
    net.initiator.sendDpd(sa, 7);
    net.clock.advance(Duration.ofSeconds(1));
    assertEquals(sa.dpdAcks(), 1);
    assertEquals(net.wire.size(), 11);
  }

  /** MM1..MM6 / QM1..QM3 / INFO by direction, exchange and order. */
  static String name(IkePair.Datagram d) {
    IsakmpMessage m = d.message();
    boolean fromInitiator = d.source().equals(IkePair.INITIATOR);
    if (m.header().exchangeType().equals(ExchangeType.QUICK_MODE)) {
      return !fromInitiator ? "QM2" : m.encryptedBody().length > 64 ? "QM1" : "QM3";
    }
    if (!m.header().exchangeType().equals(ExchangeType.MAIN_MODE)) {
      return "INFO";
    }
    int n = m.encrypted() ? 5 : m.header().nextPayload().equals(PayloadType.SA) ? 1 : 3;
    return "MM" + (fromInitiator ? n : n + 1);
  }

  private static void assertNoSas(IkePair net) {
    assertTrue(net.initiator.ikeSas().isEmpty(), net.initiator.ikeSas().toString());
    assertTrue(net.responder.ikeSas().isEmpty(), net.responder.ikeSas().toString());
  }
}
