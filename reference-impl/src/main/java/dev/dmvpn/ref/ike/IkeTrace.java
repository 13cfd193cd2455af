package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import java.util.List;

/**
 * Message-level observation of an {@link IkeManager}, for IOS-style {@code debug crypto isakmp} output: each
 * message of an exchange received (after it was processed, with its payloads in plaintext) and each message sent
 * (first sends only, not retransmissions). Read-only; every method has an empty default; called on the
 * scheduler's thread. Outcomes (Phase 1 up, IPsec SAs) stay with {@link IkeListener}.
 */
public interface IkeTrace {

  /** A message of exchange {@code messageId} arrived and was processed; {@code accepted} is false on failure. */
  default void received(IkeSa sa, int messageId, ExchangeType type, List<IsakmpPayload> payloads,
      boolean accepted) {}

  /** A message of exchange {@code messageId} was built and sent. */
  default void sent(IkeSa sa, int messageId, ExchangeType type, List<IsakmpPayload> payloads) {}

  /** A finished exchange was kept a while (60 s) for duplicates and is now forgotten. */
  default void forgotten(IkeSa sa, int messageId) {}
}
