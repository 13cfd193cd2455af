package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.ChildSaKeys;
import dev.dmvpn.ref.crypto.DiffieHellman;
import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1KeyDerivation;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ipsec.EspDirection;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.ipsec.EspSaParameters;
import dev.dmvpn.ref.ipsec.UdpEncapsulation;
import dev.dmvpn.ref.isakmp.HashPayload;
import dev.dmvpn.ref.isakmp.IdPayload;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.KePayload;
import dev.dmvpn.ref.isakmp.NatOaPayload;
import dev.dmvpn.ref.isakmp.NoncePayload;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import dev.dmvpn.ref.isakmp.PayloadType;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.VendorIds;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * IKEv1 Quick Mode (RFC 2409 section 5.5) for DMVPN's GRE proxies (the two public addresses, protocol 47, in
 * tunnel and transport mode), with PFS when the profile
 * says {@code set pfs} (KE payloads of that group; KEYMAT = prf(SKEYID_d, g(qm)^xy | protocol | SPI | Ni_b | Nr_b)):
 *
 * <pre>
 *   QM1* HASH(1), SA, Ni, [KE], IDci, IDcr            -->
 *                  <--  QM2* HASH(2), SA, Nr, [KE], IDci, IDcr, [N(RESPONDER-LIFETIME)]
 *   QM3* HASH(3)                                     -->
 * </pre>
 *
 * IDci/IDcr are ID_IPV4_ADDR, protocol 47, port 0, of the two public addresses (IOS debug
 * "local_proxy= 209.168.202.130/255.255.255.255/47/0 (type=1)"). The result is one inbound and one outbound
 * {@link EspSaParameters}, keyed with KEYMAT from SKEYID_d and the SPI of the receiving side.
 *
 * <p>Over an ISAKMP SA that floated to 4500 the initiator offers UDP-Transport/UDP-Tunnel (4/3 with RFC 3947,
 * 61444/61443 with the drafts) and, for UDP-Transport, adds NAT-OAi (its own address) and NAT-OAr (the address it
 * sends to) after the IDs, as RFC 3947 section 5.2 asks; the responder answers with NAT-OAi (the address it sees
 * the initiator at) and NAT-OAr (its own). Received NAT-OA payloads are covered by the hash and otherwise ignored
 * (GRE needs no checksum fix-up). The resulting {@link ChildSa} then carries its {@link UdpEncapsulation}.
 *
 * <pre>
 *   QM1* HASH(1), SA, Ni, IDci, IDcr, [NAT-OAi, NAT-OAr]   -->
 *                  <--  QM2* HASH(2), SA, Nr, IDci, IDcr, [NAT-OAi, NAT-OAr], [N(RESPONDER-LIFETIME)]
 * </pre>
 */
final class QuickModeTask implements Task {
  private static final int PROTO_GRE = 47;

  /** Where the exchange stands; each constant names what comes next. */
  enum State {
    /** Waiting to send QM1 (initiator) or for QM1 (responder). */
    INIT,
    /** Waiting for QM2 (initiator) or to send QM2 (responder). */
    SA,
    /** Waiting to send QM3 (initiator) or for QM3 (responder). */
    CONFIRM,
    /** Done or failed: waiting for nothing. */
    DONE
  }

  private final IkeSa sa;
  private final IkeConfig config;
  private final RandomSource random;
  private final boolean initiator;
  private final int messageId;
  private final IntSupplier spiAllocator;
  private State state = State.INIT;
  private int localSpi;
  private int peerSpi;
  private byte[] ni;
  private byte[] nr;
  private TransformSet suite;
  private long lifetimeSeconds;
  private long lifetimeKilobytes;
  private Phase2Proposals.Choice choice;
  private List<IdPayload> ids;
  private Failure failure;
  /** The NAT-T flavour whose UDP encapsulation modes this exchange uses; null for plain ESP. */
  private final VendorIds.Known udp;
  private boolean udpEncapsulated;
  private ChildSa result;
  /** PFS: the group (null: none), our DH key pair and g(qm)^xy. */
  private OakleyGroup pfs;
  private DiffieHellman dh;
  private byte[] gqmXy;

  QuickModeTask(IkeSa sa, IkeConfig config, RandomSource random, boolean initiator, int messageId,
      IntSupplier spiAllocator) {
    this.sa = sa;
    this.config = config;
    this.random = random;
    this.initiator = initiator;
    this.messageId = messageId;
    this.spiAllocator = spiAllocator;
    this.udp = !sa.floated() ? null : sa.natTraversal() != null ? sa.natTraversal() : VendorIds.Known.NAT_T_RFC3947;
  }

  int messageId() {
    return messageId;
  }

  boolean isInitiator() {
    return initiator;
  }

  @Override
  public boolean encryptsNext() {
    return true;
  }

  @Override
  public String nextMessageName() {
    return state == State.INIT ? "QM1" : state == State.SA ? "QM2" : "QM3";
  }

  @Override
  public Failure failure() {
    return failure;
  }

  @Override
  public Status build(List<IsakmpPayload> out) {
    HashAlgorithm prf = sa.policy().hash();
    byte[] skeyidA = sa.keys().skeyidA();
    switch (state) {
      case INIT -> {
        localSpi = spiAllocator.getAsInt();
        ni = random.bytes(MainModeTask.NONCE_LENGTH);
        List<IsakmpPayload> after = new ArrayList<>(List.of(Phase2Proposals.offer(config.profile(), localSpi, udp),
            new NoncePayload(ni)));
        pfs = config.profile().pfsGroup();
        if (pfs != null) {
          dh = DiffieHellman.generate(pfs, random);
          after.add(new KePayload(dh.publicValue()));
        }
        after.add(proxy(sa.localAddress()));
        after.add(proxy(sa.peerAddress()));
        if (udp != null && offersTransport()) {
          after.add(natOa(sa.localAddress()));
          after.add(natOa(sa.peerAddress()));
        }
        out.add(new HashPayload(Ikev1KeyDerivation.quickModeHash1(prf, skeyidA, messageId, encode(after))));
        out.addAll(after);
        state = State.SA;
        return Status.NEED_MORE;
      }
      case SA -> {
        List<IsakmpPayload> after = new ArrayList<>(List.of(Phase2Proposals.answer(choice, localSpi),
            new NoncePayload(nr)));
        if (dh != null) {
          after.add(new KePayload(dh.publicValue()));
        }
        after.addAll(ids);
        if (udpEncapsulated && suite.mode() == EspMode.TRANSPORT) {
          after.add(natOa(sa.peerAddress()));
          after.add(natOa(sa.localAddress()));
        }
        if (lifetimeLowered()) {
          after.add(responderLifetime());
        }
        out.add(new HashPayload(Ikev1KeyDerivation.quickModeHash2(prf, skeyidA, messageId, ni, encode(after))));
        out.addAll(after);
        state = State.CONFIRM;
        return Status.NEED_MORE;
      }
      case CONFIRM -> {
        out.add(new HashPayload(Ikev1KeyDerivation.quickModeHash3(prf, skeyidA, messageId, ni, nr)));
        state = State.DONE;
        return Status.SUCCESS;
      }
      default -> throw new IllegalStateException("nothing to build in " + state);
    }
  }

  @Override
  public Status process(InboundMessage in) {
    IsakmpPayload first = in.payloads().isEmpty() ? null : in.payloads().get(0);
    if (!(first instanceof HashPayload hash)) {
      return fail(nameOfIncoming() + " does not start with a HASH payload", NotifyType.INVALID_HASH_INFORMATION);
    }
    return switch (state) {
      case INIT -> processQm1(in, hash);
      case SA -> processQm2(in, hash);
      case CONFIRM -> processQm3(hash);
      default -> fail("unexpected Quick Mode message", null);
    };
  }

  private Status processQm1(InboundMessage in, HashPayload hash) {
    byte[] expected = Ikev1KeyDerivation.quickModeHash1(sa.policy().hash(), sa.keys().skeyidA(), messageId,
        in.afterFirstPayload());
    if (!MessageDigest.isEqual(expected, hash.data())) {
      return fail("QM1 HASH(1) mismatch", NotifyType.INVALID_HASH_INFORMATION);
    }
    SaPayload peer = in.first(SaPayload.class);
    NoncePayload nonce = in.first(NoncePayload.class);
    if (peer == null || nonce == null) {
      return fail("QM1 lacks SA or NONCE payload", NotifyType.PAYLOAD_MALFORMED);
    }
    choice = Phase2Proposals.select(peer, config.profile(), sa.floated());
    if (choice == null) {
      return fail("no IPsec proposal chosen: none of the peer's " + peer.proposals().size()
          + " ESP proposals matches profile " + config.profile().name()
          + (config.profile().pfsGroup() == null ? "" : " with PFS group " + config.profile().pfsGroup().id()),
          NotifyType.NO_PROPOSAL_CHOSEN);
    }
    pfs = choice.pfsGroup();
    String pfsProblem = takePeerKe(in.first(KePayload.class), "QM1");
    if (pfsProblem != null) {
      return fail(pfsProblem, NotifyType.PAYLOAD_MALFORMED);
    }
    ids = in.all(IdPayload.class);
    String idProblem = checkIds(ids);
    if (idProblem != null) {
      return fail(idProblem, NotifyType.INVALID_ID_INFORMATION);
    }
    ni = nonce.data();
    nr = random.bytes(MainModeTask.NONCE_LENGTH);
    suite = choice.suite();
    udpEncapsulated = Phase2Proposals.parse(choice.transform()).udpEncapsulated();
    lifetimeSeconds = choice.lifetimeSeconds();
    lifetimeKilobytes = choice.lifetimeKilobytes();
    peerSpi = Phase2Proposals.spi(choice.proposal().spi());
    localSpi = spiAllocator.getAsInt();
    state = State.SA;
    return Status.NEED_MORE;
  }

  private Status processQm2(InboundMessage in, HashPayload hash) {
    NoncePayload nonce = in.first(NoncePayload.class);
    if (nonce == null) {
      return fail("QM2 lacks a NONCE payload", NotifyType.PAYLOAD_MALFORMED);
    }
    byte[] expected = Ikev1KeyDerivation.quickModeHash2(sa.policy().hash(), sa.keys().skeyidA(), messageId, ni,
        in.afterFirstPayload());
    if (!MessageDigest.isEqual(expected, hash.data())) {
      return fail("QM2 HASH(2) mismatch", NotifyType.INVALID_HASH_INFORMATION);
    }
    SaPayload peer = in.first(SaPayload.class);
    List<ProposalPayload> props = peer == null ? List.of() : peer.proposals();
    Phase2Proposals.Offer offer = props.size() == 1 && props.get(0).transforms().size() == 1
        && props.get(0).spi().length == 4 ? Phase2Proposals.parse(props.get(0).transforms().get(0)) : null;
    suite = offer == null || offer.udpEncapsulated() != (udp != null) ? null : ownSuite(offer.suite());
    if (suite == null) {
      return fail("QM2 chose a transform we did not offer", NotifyType.NO_PROPOSAL_CHOSEN);
    }
    if (offer.pfsGroup() != (pfs == null ? 0 : pfs.id())) {
      return fail("QM2 chose PFS group " + offer.pfsGroup() + ", we offered " + (pfs == null ? "none" : pfs.id()),
          NotifyType.NO_PROPOSAL_CHOSEN);
    }
    String pfsProblem = takePeerKe(in.first(KePayload.class), "QM2");
    if (pfsProblem != null) {
      return fail(pfsProblem, NotifyType.PAYLOAD_MALFORMED);
    }
    nr = nonce.data();
    udpEncapsulated = offer.udpEncapsulated();
    peerSpi = Phase2Proposals.spi(props.get(0).spi());
    lifetimeSeconds = Phase2Proposals.lower(config.profile().lifetimeSeconds(), offer.lifetimeSeconds());
    lifetimeKilobytes = Phase2Proposals.lower(config.profile().lifetimeKilobytes(), offer.lifetimeKilobytes());
    for (NotifyPayload n : in.all(NotifyPayload.class)) {
      if (n.notifyType().equals(NotifyType.RESPONDER_LIFETIME)) {
        long[] life = Phase2Proposals.parseLifetimes(n.data());
        lifetimeSeconds = Phase2Proposals.lower(lifetimeSeconds, life[0]);
        lifetimeKilobytes = Phase2Proposals.lower(lifetimeKilobytes, life[1]);
      }
    }
    state = State.CONFIRM;
    return Status.NEED_MORE;
  }

  private Status processQm3(HashPayload hash) {
    byte[] expected = Ikev1KeyDerivation.quickModeHash3(sa.policy().hash(), sa.keys().skeyidA(), messageId, ni, nr);
    if (!MessageDigest.isEqual(expected, hash.data())) {
      return fail("QM3 HASH(3) mismatch", NotifyType.INVALID_HASH_INFORMATION);
    }
    state = State.DONE;
    return Status.SUCCESS;
  }

  /**
   * The peer's KE: required with PFS (then g(qm)^xy is computed; the responder makes its key pair here), refused
   * without. Returns what is wrong, or null.
   */
  private String takePeerKe(KePayload ke, String message) {
    if (pfs == null) {
      return ke == null ? null : message + " carries a KE payload but no PFS group was agreed";
    }
    if (ke == null || ke.data().length != pfs.primeLength()) {
      return message + " lacks a KE payload of PFS group " + pfs.id() + " (" + pfs.primeLength() + " bytes)";
    }
    if (dh == null) {
      dh = DiffieHellman.generate(pfs, random);
    }
    try {
      gqmXy = dh.sharedSecret(ke.data());
    } catch (IllegalArgumentException e) {
      return message + " KE: " + e.getMessage();
    }
    return null;
  }

  /** True for the responder once QM2 is sent: the pair's keys are known, only QM3 is missing. */
  boolean awaitsQm3() {
    return !initiator && state == State.CONFIRM;
  }

  /**
   * The negotiated pair; valid once the task succeeded, or at the responder from QM2 on ({@link #awaitsQm3}). The
   * same object every time (made on the first call, with {@code nowNanos} as its creation time).
   */
  ChildSa result(long nowNanos) {
    if (result == null) {
      UdpEncapsulation encapsulation = udpEncapsulated ? new UdpEncapsulation(sa.localPort(), sa.peerPort()) : null;
      result = new ChildSa(parameters(localSpi, EspDirection.INBOUND), parameters(peerSpi, EspDirection.OUTBOUND),
          initiator, nowNanos, encapsulation);
    }
    return result;
  }

  /** The pair handed out by {@link #result} before the exchange finished, or null. */
  ChildSa resultIfMade() {
    return result;
  }

  private EspSaParameters parameters(int spi, EspDirection direction) {
    ChildSaKeys k = Ikev1KeyDerivation.childSaKeys(sa.policy().hash(), sa.keys().skeyidD(), gqmXy,
        ProposalPayload.PROTO_IPSEC_ESP, spi, ni, nr, suite.encryption().keyMaterialLength(),
        suite.integrity().keyLength());
    return new EspSaParameters(spi, direction, suite.mode(), suite.encryption(), k.encryptionKey(),
        suite.integrity(), k.integrityKey(), lifetimeSeconds, lifetimeKilobytes);
  }

  private TransformSet ownSuite(TransformSet offered) {
    for (TransformSet ts : config.profile().transformSets()) {
      if (ts.sameSuite(offered)) {
        return ts;
      }
    }
    return null;
  }

  /**
   * The initiator's proxies must be the two public addresses, protocol 47 (GRE, either mode); absent IDs mean the
   * same. An
   * initiator behind a NAT names its private address (NAT-OAi tells the same), so its own proxy is not checked then.
   */
  private String checkIds(List<IdPayload> received) {
    if (received.isEmpty()) {
      ids = List.of(proxy(sa.peerAddress()), proxy(sa.localAddress()));
      return null;
    }
    if (received.size() != 2 || !received.get(0).isIpv4() || !received.get(1).isIpv4()) {
      return "QM1 proxy identities are not two ID_IPV4_ADDR payloads: " + received;
    }
    boolean initiatorProxyOk = received.get(0).ipv4Address().equals(sa.peerAddress()) || sa.peerBehindNat();
    if (!initiatorProxyOk || !received.get(1).ipv4Address().equals(sa.localAddress())) {
      return "QM1 proxies " + received.get(0).ipv4Address() + " -> " + received.get(1).ipv4Address()
          + " are not the GRE endpoints " + sa.peerAddress() + " -> " + sa.localAddress();
    }
    return null;
  }

  /** True when we took a lower lifetime than the initiator offered: then QM2 says so (RFC 2407 4.6.3.1). */
  private boolean lifetimeLowered() {
    Phase2Proposals.Offer o = Phase2Proposals.parse(choice.transform());
    return o.lifetimeSeconds() != lifetimeSeconds || o.lifetimeKilobytes() != lifetimeKilobytes;
  }

  private NotifyPayload responderLifetime() {
    return new NotifyPayload(1, ProposalPayload.PROTO_IPSEC_ESP, Phase2Proposals.spiBytes(localSpi),
        NotifyType.RESPONDER_LIFETIME, Phase2Proposals.lifetimeAttributes(lifetimeSeconds, lifetimeKilobytes));
  }

  private boolean offersTransport() {
    for (TransformSet ts : config.profile().transformSets()) {
      if (ts.mode() == EspMode.TRANSPORT) {
        return true;
      }
    }
    return false;
  }

  /** NAT-OA numbered as the agreed NAT-T flavour: 21 with RFC 3947, 131 with the drafts. */
  private NatOaPayload natOa(Ipv4Address a) {
    PayloadType type = udp == VendorIds.Known.NAT_T_RFC3947 ? PayloadType.NAT_OA_RFC : PayloadType.NAT_OA_DRAFT;
    return new NatOaPayload(type, IdPayload.ID_IPV4_ADDR, a.toBytes());
  }

  private static IdPayload proxy(Ipv4Address a) {
    return IdPayload.ipv4(a, PROTO_GRE, 0);
  }

  private static byte[] encode(List<IsakmpPayload> payloads) {
    ByteWriter w = new ByteWriter(256);
    IsakmpCodec.encodePayloads(payloads, w);
    return w.toByteArray();
  }

  private String nameOfIncoming() {
    return state == State.INIT ? "QM1" : state == State.SA ? "QM2" : "QM3";
  }

  private Status fail(String reason, NotifyType notify) {
    failure = new Failure(reason, notify);
    state = State.DONE;
    return Status.FAILED;
  }
}
