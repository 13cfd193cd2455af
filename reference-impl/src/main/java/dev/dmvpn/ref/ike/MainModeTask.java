package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.isakmp.HashPayload;
import dev.dmvpn.ref.isakmp.IdPayload;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import dev.dmvpn.ref.isakmp.PayloadType;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import java.util.List;

/**
 * IKEv1 Main Mode with pre-shared keys (RFC 2409 section 5), payloads in IOS order:
 *
 * <pre>
 *   MM1 SA, VID(NAT-T...)                                  -->
 *                                           <--  MM2 SA, VID(NAT-T chosen)
 *   MM3 KE, Ni, VID(Unity, DPD, IOS[, XAUTH]), NAT-D, NAT-D -->
 *                 <--  MM4 KE, Nr, VID(Unity, DPD, IOS[, XAUTH]), NAT-D, NAT-D
 *   MM5* ID, HASH_I, N(INITIAL-CONTACT)                    -->
 *                                           <--  MM6* ID, HASH_R        (* encrypted)
 * </pre>
 *
 * Keys and the negotiated policy go into the {@link IkeSa}. The key exchange and authentication steps are
 * {@link Phase1}'s, vendor IDs and NAT-D {@link Phase1VendorIds}'. When NAT-D found a NAT (or encapsulation is
 * forced) the initiator floats to UDP 4500 before MM5; the responder follows when MM5 arrives there ({@link
 * IkeManager}). Wrong pre-shared keys surface at the responder when MM5 is checked: the keys differ, so MM5
 * decrypts to garbage (IOS logs "failed its sanity check or is malformed") or, if it happens to parse, HASH_I
 * does not match; as IOS, the responder drops it unanswered ({@link #mm5SanityCheck}) and the initiator
 * retransmits MM5 until it gives up; both sides then report an authentication failure naming the pre-shared key.
 */
final class MainModeTask implements Task {
  /** Nonce length IOS uses (Quick Mode uses it too). */
  static final int NONCE_LENGTH = Phase1.NONCE_LENGTH;

  /** Where the exchange stands; each constant names what comes next. */
  enum State {
    /** Waiting to send MM1 (initiator) or for MM1 (responder). */
    INIT,
    /** Waiting for MM2 (initiator) or to send MM2 (responder). */
    SA,
    /** Waiting to exchange KE and nonces (MM3/MM4). */
    KE,
    /** Waiting for the encrypted ID/HASH messages (MM5/MM6). */
    AUTH,
    /** Authenticated (or failed): waiting for nothing. */
    DONE
  }

  private final IkeSa sa;
  private final IkeConfig config;
  private final RandomSource random;
  private final boolean initiator;
  private final Phase1VendorIds vids;
  private State state = State.INIT;
  private final Phase1 phase1;
  private Phase1Proposals.Choice choice;
  private Failure failure;
  /** Initiator: MM5 went out, so only MM6 is due. */
  private boolean mm5Sent;

  MainModeTask(IkeSa sa, IkeConfig config, RandomSource random) {
    this.sa = sa;
    this.config = config;
    this.random = random;
    this.initiator = sa.isInitiator();
    this.vids = new Phase1VendorIds(sa, config, random);
    this.phase1 = new Phase1(sa, config, random);
  }

  State state() {
    return state;
  }

  @Override
  public boolean encryptsNext() {
    return state == State.AUTH;
  }

  @Override
  public String nextMessageName() {
    int n = switch (state) {
      case INIT, SA -> 1;
      case KE -> 3;
      default -> 5;
    };
    return "MM" + (initiator ? n : n + 1);
  }

  @Override
  public Failure failure() {
    return failure;
  }

  /**
   * Only the initiator retransmits: a lost MM2/MM4/MM6 is recovered by the initiator's retransmitted request,
   * which the responder answers from its cache. (Quick Mode's responder does retransmit QM2, since nothing else
   * would recover a lost QM3.)
   */
  @Override
  public boolean retransmits() {
    return initiator;
  }

  @Override
  public Status build(List<IsakmpPayload> out) {
    return initiator ? buildInitiator(out) : buildResponder(out);
  }

  @Override
  public Status process(InboundMessage in) {
    try {
      return initiator ? processInitiator(in) : processResponder(in);
    } catch (IllegalArgumentException e) { // a malformed DH value or similar: refuse, never escape
      return fail("malformed " + (initiator ? "reply" : "request") + ": " + e.getMessage(),
          NotifyType.PAYLOAD_MALFORMED);
    }
  }

  /**
   * The Main Mode state as IOS's {@code show crypto isakmp sa} names it: MM_NO_STATE (MM1 sent or received),
   * MM_SA_SETUP (the policy agreed: MM2), MM_KEY_EXCH (keys exchanged, not authenticated: MM3/MM4, waiting for
   * MM5/MM6; where a wrong pre-shared key leaves both sides), MM_KEY_AUTH (authenticated). Cisco's IPsec
   * troubleshooting document lists these states.
   */
  String iosState() {
    return switch (state) {
      case INIT, SA -> "MM_NO_STATE";
      case KE -> "MM_SA_SETUP";
      case AUTH -> "MM_KEY_EXCH";
      case DONE -> failure == null ? "MM_KEY_AUTH" : "MM_NO_STATE";
    };
  }

  /** Responder after MM4: the keys exist and MM5 is due. */
  boolean awaitsMm5() {
    return !initiator && state == State.AUTH;
  }

  /**
   * Responder: why the decrypted MM5 {@code in} fails its sanity check, or {@code null} when it authenticates the
   * initiator. Changes nothing: IOS drops such a message ("%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from X failed
   * its sanity check or is malformed"), answers nothing and keeps waiting for MM5 in MM_KEY_EXCH, so the
   * initiator retransmits MM5 until it gives up ({@link IkeManager}).
   */
  String mm5SanityCheck(InboundMessage in) {
    if (in.first(IdPayload.class) == null || in.first(HashPayload.class) == null) {
      return "MM5 lacks ID or HASH payload (pre-shared key?)";
    }
    return phase1.peerAuthenticated(in) ? null : "HASH_I mismatch (pre-shared key?)";
  }

  /** Initiator after MM5: the keys exist and only MM6 is due (another encrypted message is an answer to MM5). */
  boolean awaitsMm6() {
    return initiator && state == State.AUTH && mm5Sent;
  }

  /**
   * What an encrypted message other than MM6 after MM5 means. strongSwan answers a MM5 it cannot decrypt with an
   * Informational under its own keys ("generating INFORMATIONAL_V1 request [ HASH N(INVAL_HASH) ]"). If it does
   * not decrypt to a payload chain with a valid HASH(1) under ours ({@code authentic} false), the keys differ:
   * the pre-shared key, since everything else that goes into them was agreed in the clear.
   *
   * @return why Phase 1 failed, or {@code null} when the message is authentic but ends nothing (MM6 may come)
   */
  static String answerToMm5(boolean authentic, InformationalTask info) {
    if (!authentic) {
      return "authentication failed (pre-shared key?): peer's reply to MM5 does not decrypt";
    }
    NotifyPayload n = info.notifies().isEmpty() ? null : info.notifies().get(0);
    if (n == null || !n.notifyType().isError()) {
      return null;
    }
    return refusal(n.notifyType()) + ": peer answered MM5 with " + n.notifyType() + " (encrypted)";
  }

  /** What a peer's error notification during Main Mode says about the cause, in a few words. */
  static String refusal(NotifyType type) {
    return type.equals(NotifyType.NO_PROPOSAL_CHOSEN) ? "no proposal chosen"
        : type.equals(NotifyType.INVALID_HASH_INFORMATION) || type.equals(NotifyType.AUTHENTICATION_FAILED)
            ? "authentication failed (pre-shared key?)" : "phase 1 refused";
  }

  /** The encrypted MM5 did not decode: with PSK that is what a different key looks like. */
  Status undecodable(String detail) {
    if (state == State.AUTH && !initiator) {
      return fail("authentication failed: HASH_I mismatch (pre-shared key?): MM5 does not decrypt to valid "
          + "payloads (" + detail + ")", NotifyType.INVALID_HASH_INFORMATION);
    }
    return fail("authentication failed: MM6 does not decrypt to valid payloads (pre-shared key?): " + detail, null);
  }

  private Status buildInitiator(List<IsakmpPayload> out) {
    switch (state) {
      case INIT -> {
        SaPayload offer = Phase1Proposals.offer(config.policies());
        phase1.initiatorSaBody(Phase1Proposals.body(offer));
        out.add(offer);
        vids.addNatTraversalOffer(out);
        state = State.SA;
      }
      case KE -> {
        phase1.makeOwnKeyExchange();
        out.addAll(phase1.ownKeyExchange());
        vids.addKeyExchangeVids(out, sa.policy().hash());
      }
      case AUTH -> {
        out.addAll(phase1.ownAuthentication());
        out.add(phase1.initialContact());
        mm5Sent = true;
      }
      default -> throw new IllegalStateException("nothing to build in " + state);
    }
    return Status.NEED_MORE;
  }

  private Status processInitiator(InboundMessage in) {
    switch (state) {
      case SA -> {
        return processMm2(in);
      }
      case KE -> {
        if (!takeKeyExchange(in, false)) {
          return Status.FAILED;
        }
        phase1.deriveKeys();
        if (sa.natTraversal != null && sa.natDetected()) {
          sa.ports(IkeConfig.NAT_T_PORT, IkeConfig.NAT_T_PORT); // RFC 3947 section 4: MM5 on, 4500 -> 4500
        }
        state = State.AUTH;
        return Status.NEED_MORE;
      }
      case AUTH -> {
        if (in.first(IdPayload.class) == null || in.first(HashPayload.class) == null) {
          return fail("MM6 lacks ID or HASH payload", NotifyType.PAYLOAD_MALFORMED);
        }
        if (!phase1.peerAuthenticated(in)) {
          return fail("authentication failed: HASH_R mismatch (pre-shared key?)", null);
        }
        state = State.DONE;
        return Status.SUCCESS;
      }
      default -> {
        return fail("unexpected Main Mode message in state " + state, null);
      }
    }
  }

  private Status processMm2(InboundMessage in) {
    SaPayload peer = in.first(SaPayload.class);
    List<ProposalPayload> props = peer == null ? List.of() : peer.proposals();
    if (props.size() != 1 || props.get(0).transforms().size() != 1) {
      return fail("MM2 must carry exactly one proposal with one transform", NotifyType.valueOf(15));
    }
    IkePolicy chosen = IkePolicy.fromTransform(props.get(0).transforms().get(0));
    IkePolicy mine = null;
    for (IkePolicy p : config.policies()) {
      if (chosen != null && mine == null && p.sameSuite(chosen)) {
        mine = p;
      }
    }
    if (mine == null) {
      return fail("MM2 chose a transform we did not offer: " + Phase1Proposals.describe(peer),
          NotifyType.NO_PROPOSAL_CHOSEN);
    }
    if (config.keys().lookup(sa.peerAddress()) == null) {
      return fail("no pre-shared key configured for " + sa.peerAddress(), null);
    }
    sa.policy(mine.withLifetime(Math.min(mine.lifetimeSeconds(), chosen.lifetimeSeconds())));
    vids.takeNatTraversalChoice(in);
    state = State.KE;
    return Status.NEED_MORE;
  }

  private Status buildResponder(List<IsakmpPayload> out) {
    switch (state) {
      case SA -> {
        out.add(Phase1Proposals.answer(choice));
        vids.addNatTraversalAnswer(out);
        state = State.KE;
        return Status.NEED_MORE;
      }
      case KE -> {
        out.addAll(phase1.ownKeyExchange());
        vids.addKeyExchangeVids(out, sa.policy().hash());
        state = State.AUTH;
        return Status.NEED_MORE;
      }
      case AUTH -> {
        out.addAll(phase1.ownAuthentication());
        state = State.DONE;
        return Status.SUCCESS;
      }
      default -> throw new IllegalStateException("nothing to build in " + state);
    }
  }

  private Status processResponder(InboundMessage in) {
    switch (state) {
      case INIT -> {
        SaPayload peer = in.first(SaPayload.class);
        if (peer == null) {
          return fail("MM1 carries no SA payload", NotifyType.PAYLOAD_MALFORMED);
        }
        choice = Phase1Proposals.select(peer, config.policies());
        if (choice == null) {
          return fail("no proposal chosen: the peer offered " + Phase1Proposals.describe(peer)
              + ", we accept " + describeLocal(), NotifyType.NO_PROPOSAL_CHOSEN);
        }
        if (config.keys().lookup(sa.peerAddress()) == null) {
          return fail("no pre-shared key configured for " + sa.peerAddress(), NotifyType.AUTHENTICATION_FAILED);
        }
        phase1.initiatorSaBody(in.rawBody(PayloadType.SA));
        sa.policy(choice.policy());
        vids.takeNatTraversalOffer(in);
        state = State.SA;
        return Status.NEED_MORE;
      }
      case KE -> {
        if (!takeKeyExchange(in, true)) {
          return Status.FAILED;
        }
        phase1.makeOwnKeyExchange();
        phase1.deriveKeys();
        return Status.NEED_MORE;
      }
      case AUTH -> {
        return verifyHashI(in);
      }
      default -> {
        return fail("unexpected Main Mode message in state " + state, null);
      }
    }
  }

  private Status verifyHashI(InboundMessage in) {
    if (in.first(IdPayload.class) == null || in.first(HashPayload.class) == null) {
      return fail("authentication failed: HASH_I mismatch (pre-shared key?): MM5 lacks ID or HASH payload",
          NotifyType.INVALID_HASH_INFORMATION);
    }
    if (!phase1.peerAuthenticated(in)) {
      return fail("authentication failed: HASH_I mismatch (pre-shared key?)", NotifyType.INVALID_HASH_INFORMATION);
    }
    return Status.NEED_MORE;
  }

  /** Takes the peer's KE and nonce (MM3 at the responder, MM4 at the initiator) and checks NAT-D. */
  private boolean takeKeyExchange(InboundMessage in, boolean fromInitiator) {
    Failure refused = phase1.takePeerKeyExchange(in, fromInitiator ? "MM3" : "MM4");
    if (refused != null) {
      fail(refused.reason(), refused.notification());
      return false;
    }
    vids.takeKeyExchangeVids(in, sa.policy().hash());
    return true;
  }

  private String describeLocal() {
    StringBuilder b = new StringBuilder();
    for (IkePolicy p : config.policies()) {
      b.append(b.length() == 0 ? "" : ", ").append(p.describe());
    }
    return b.toString();
  }

  private Status fail(String reason, NotifyType notify) {
    failure = new Failure(reason, notify);
    state = State.DONE;
    return Status.FAILED;
  }
}
