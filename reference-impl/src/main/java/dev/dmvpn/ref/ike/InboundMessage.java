package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.isakmp.IsakmpHeader;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.PayloadType;
import java.util.Arrays;
import java.util.List;

/**
 * A received message after decryption: the decoded payloads plus the exact payload-chain bytes they came from
 * (padding removed), because HASH_I/R and the quick-mode hashes are computed over what the peer sent, not over
 * our re-encoding of it.
 *
 * @param chain the payload chain as received (array shared: do not modify)
 */
record InboundMessage(IsakmpHeader header, List<IsakmpPayload> payloads, byte[] chain) {

  <P extends IsakmpPayload> P first(Class<P> kind) {
    for (IsakmpPayload p : payloads) {
      if (kind.isInstance(p)) {
        return kind.cast(p);
      }
    }
    return null;
  }

  <P extends IsakmpPayload> List<P> all(Class<P> kind) {
    return payloads.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The chain after the first payload (what HASH(1), HASH(2) and the informational hash cover). */
  byte[] afterFirstPayload() {
    int len = chain.length < 4 ? chain.length : ((chain[2] & 0xFF) << 8) | (chain[3] & 0xFF);
    return Arrays.copyOfRange(chain, Math.min(len, chain.length), chain.length);
  }

  /** The raw body (after the 4-byte generic header) of the first top-level payload of {@code type}, or null. */
  byte[] rawBody(PayloadType type) {
    int pos = 0;
    int current = header.nextPayload().value();
    while (current != 0 && pos + 4 <= chain.length) {
      int next = chain[pos] & 0xFF;
      int len = ((chain[pos + 2] & 0xFF) << 8) | (chain[pos + 3] & 0xFF);
      if (len < 4 || pos + len > chain.length) {
        return null;
      }
      if (current == type.value()) {
        return Arrays.copyOfRange(chain, pos + 4, pos + len);
      }
      pos += len;
      current = next;
    }
    return null;
  }
}
