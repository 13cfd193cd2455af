package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.crypto.Ikev1KeyDerivation;
import dev.dmvpn.ref.isakmp.DeletePayload;
import dev.dmvpn.ref.isakmp.HashPayload;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import java.security.MessageDigest;
import java.util.List;

/**
 * A protected Informational exchange (RFC 2409 section 5.7): one message, no reply.
 *
 * <pre>
 *   INFO* HASH(1), N/D...   -->      HASH(1) = prf(SKEYID_a, M-ID | N/D...)
 * </pre>
 *
 * As sender it carries Delete payloads (ISAKMP: SPI = CKY-I | CKY-R; ESP: our inbound SPIs) or notifications
 * (DPD R-U-THERE / ACK, errors); as receiver it verifies the hash and hands the payloads to the manager.
 */
final class InformationalTask implements Task {
  /** Where the exchange stands. */
  enum State {
    /** Waiting to send (initiator) or for the message (responder). */
    INIT,
    /** Sent or received and verified (or failed): waiting for nothing. */
    DONE
  }

  private final IkeSa sa;
  private final int messageId;
  private final List<IsakmpPayload> toSend;
  private State state = State.INIT;
  private List<DeletePayload> deletes = List.of();
  private List<NotifyPayload> notifies = List.of();
  private Failure failure;

  /** A sender of {@code payloads}; pass an empty list for a receiver. */
  InformationalTask(IkeSa sa, int messageId, List<IsakmpPayload> payloads) {
    this.sa = sa;
    this.messageId = messageId;
    this.toSend = List.copyOf(payloads);
  }

  List<DeletePayload> deletes() {
    return deletes;
  }

  List<NotifyPayload> notifies() {
    return notifies;
  }

  @Override
  public boolean encryptsNext() {
    return true;
  }

  @Override
  public String nextMessageName() {
    return "INFO";
  }

  @Override
  public Failure failure() {
    return failure;
  }

  @Override
  public Status build(List<IsakmpPayload> out) {
    ByteWriter w = new ByteWriter(128);
    IsakmpCodec.encodePayloads(toSend, w);
    out.add(new HashPayload(Ikev1KeyDerivation.informationalHash(sa.policy().hash(), sa.keys().skeyidA(), messageId,
        w.toByteArray())));
    out.addAll(toSend);
    state = State.DONE;
    return Status.SUCCESS;
  }

  @Override
  public Status process(InboundMessage in) {
    state = State.DONE;
    if (in.payloads().isEmpty() || !(in.payloads().get(0) instanceof HashPayload hash)) {
      failure = new Failure("informational message without leading HASH payload ignored", null);
      return Status.FAILED;
    }
    byte[] expected = Ikev1KeyDerivation.informationalHash(sa.policy().hash(), sa.keys().skeyidA(), messageId,
        in.afterFirstPayload());
    if (!MessageDigest.isEqual(expected, hash.data())) {
      failure = new Failure("informational HASH mismatch: message ignored", null);
      return Status.FAILED;
    }
    deletes = in.all(DeletePayload.class);
    notifies = in.all(NotifyPayload.class);
    return Status.SUCCESS;
  }

  /** An R-U-THERE-ACK answering {@code request}, same sequence number (RFC 3706 section 5.1). */
  static NotifyPayload dpdAck(NotifyPayload request) {
    return new NotifyPayload(request.doi(), request.protocolId(), request.spi(), NotifyType.R_U_THERE_ACK,
        request.data());
  }
}
