package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.Ipv4Address;

/** What an {@link IkeManager} reports; every method has an empty default. Called on the scheduler's thread. */
public interface IkeListener {
  /** Main Mode finished and the peer is authenticated. */
  default void phase1Up(IkeSa sa) {}

  /** Main Mode failed; {@code reason} says why in words an operator understands (never contains a key). */
  default void phase1Failed(Ipv4Address peer, String reason) {}

  /**
   * A Main Mode message from {@code peer} failed its sanity check and was dropped without an answer (IOS:
   * "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from X failed its sanity check or is malformed"), or repeated one
   * that did ("phase 1 packet is a duplicate of a previous packet"). With pre-shared keys that is the MM5 of an
   * initiator holding another key. The exchange goes on waiting; {@link #phase1Failed} comes when it is given up.
   */
  default void phase1BadMessage(Ipv4Address peer, String reason) {}

  /**
   * As Quick Mode responder we sent QM2: install {@link ChildSa#inbound()} now, because the initiator sends on
   * the new pair as soon as it sent QM3 and those packets may arrive right behind it (IOS creates the inbound SA
   * at this point too). {@link #phase2Up} with the same object follows when QM3 arrives; if it never does, {@link
   * #childSaDeleted} follows instead.
   */
  default void inboundSaReady(IkeSa sa, ChildSa child) {}

  /**
   * Quick Mode finished: install {@link ChildSa#outbound()} and (unless {@link #inboundSaReady} did already)
   * {@link ChildSa#inbound()}.
   */
  default void phase2Up(IkeSa sa, ChildSa child) {}

  /** A Quick Mode we started or answered failed. */
  default void phase2Failed(IkeSa sa, String reason) {}

  /** An IPsec SA pair expired or was deleted (by us or the peer): remove it from the data plane. */
  default void childSaDeleted(IkeSa sa, ChildSa child, String reason) {}

  /** An ISAKMP SA expired or was deleted. */
  default void ikeSaDeleted(IkeSa sa, String reason) {}

  /**
   * Periodic DPD gave up on the peer: R-U-THERE and {@link DpdSettings#MAX_RETRIES} retries went unanswered. The
   * ISAKMP SA and its IPsec SAs were already deleted locally ({@link #childSaDeleted} and {@link #ikeSaDeleted}
   * came first, reason "peer dead (DPD)").
   */
  default void peerDead(IkeSa sa) {}
}
