package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.crypto.Ikev1KeyDerivation;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.KePayload;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the encrypted messages of a recorded exchange the way Wireshark does: a fresh {@link MessageProtection}
 * with the phase-1 IV re-derived from the KE payloads on the wire (MM3, MM4) and Ka of the ISAKMP SA, then every
 * message in wire order. Only for exchanges without retransmissions.
 */
final class WireDecryptor {
  private WireDecryptor() {}

  /** The payloads of each ISAKMP datagram in {@code wire} (keepalives skipped), decrypted where encrypted. */
  static List<List<IsakmpPayload>> open(List<IkePair.Datagram> wire, IkeSa sa) {
    List<IsakmpMessage> messages = new ArrayList<>();
    for (IkePair.Datagram d : wire) {
      if (!d.keepalive()) {
        messages.add(d.message());
      }
    }
    byte[] gxi = messages.get(2).first(KePayload.class).data();
    byte[] gxr = messages.get(3).first(KePayload.class).data();
    IkePolicy p = sa.policy();
    MessageProtection protection = new MessageProtection(p.encryption(), sa.keys().encryptionKey(), p.hash(),
        Ikev1KeyDerivation.phase1Iv(p.hash(), gxi, gxr, p.encryption().blockSize()));
    List<List<IsakmpPayload>> out = new ArrayList<>();
    for (IsakmpMessage m : messages) {
      if (!m.encrypted()) {
        out.add(m.payloads());
        continue;
      }
      byte[] plain = protection.decrypt(m.header().messageId(), m.encryptedBody());
      out.add(dev.dmvpn.ref.isakmp.IsakmpCodec.decodePayloads(ByteReader.of(plain), m.header().nextPayload())
          .value());
    }
    return out;
  }
}
