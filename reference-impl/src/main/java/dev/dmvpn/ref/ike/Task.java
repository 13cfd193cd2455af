package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import java.util.List;

/**
 * One IKEv1 exchange seen from one side, in strongSwan's task style: the initiator alternates {@link #build} and
 * {@link #process} starting with build, the responder starting with process. After a process that returns
 * {@link Status#NEED_MORE} the owner always calls build for the reply.
 */
interface Task {
  /** What a build or process step left the exchange in. */
  enum Status {
    /** The exchange goes on: a reply is due (after process) or expected (after build). */
    NEED_MORE,
    /** The exchange is complete on our side. */
    SUCCESS,
    /** The exchange failed; see {@link #failure()}. */
    FAILED
  }

  /** Why a task failed, and the notification to send the peer (notification null: send nothing). */
  record Failure(String reason, NotifyType notification) {}

  /** Appends the payloads of our next message to {@code out}. */
  Status build(List<IsakmpPayload> out);

  /** Consumes a (decrypted) message from the peer. */
  Status process(InboundMessage in);

  /** True when the message {@link #build} makes next is encrypted. */
  boolean encryptsNext();

  /** Name of the message {@link #build} makes next, e.g. "MM3" (logs, failure reasons). */
  String nextMessageName();

  /** Set once a step returned {@link Status#FAILED}. */
  Failure failure();

  /**
   * True when a message this task sent and waits an answer to is retransmitted by the {@link TaskManager}.
   * Every request is; Main Mode's responder is the exception ({@link MainModeTask#retransmits()}).
   */
  default boolean retransmits() {
    return true;
  }
}
