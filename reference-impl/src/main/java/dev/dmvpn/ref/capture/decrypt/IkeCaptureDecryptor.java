package dev.dmvpn.ref.capture.decrypt;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.capture.keys.WiresharkIkeSa;
import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1Cipher;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.Ikev1KeyDerivation;
import dev.dmvpn.ref.isakmp.DataAttribute;
import dev.dmvpn.ref.isakmp.IkeAttributes;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.KePayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decrypts the encrypted IKEv1 messages of a capture with {@code ikev1_decryption_table} rows (initiator cookie
 * and Ka), the way Wireshark does: the algorithms come from the responder's SA in Main Mode 2, the phase-1 IV
 * from the KE payloads of Main Mode 3 and 4 (RFC 2409 appendix B), then CBC chaining; each new message ID starts
 * from hash(last phase-1 block | M-ID). A retransmitted message (same ciphertext as the previous one of its
 * message ID) is decrypted with that message's IV, which Wireshark 4.0 does not do.
 */
final class IkeCaptureDecryptor {
  private final Map<Long, byte[]> kaByCookie = new HashMap<>();
  private final Map<Long, Phase1> sas = new HashMap<>();

  /** What one IKE SA of the capture has shown so far. */
  private static final class Phase1 {
    Ikev1Encryption encryption;
    HashAlgorithm hash;
    byte[] gxi;
    byte[] gxr;
    byte[] lastPhase1Block;
    final Map<Integer, byte[]> nextIv = new HashMap<>();
    final Map<Integer, byte[][]> lastMessage = new HashMap<>(); // message ID -> {ciphertext, its IV}
  }

  IkeCaptureDecryptor(List<WiresharkIkeSa> rows) {
    for (WiresharkIkeSa row : rows) {
      kaByCookie.put(ByteReader.of(row.initiatorCookie()).i64("cookie"), row.encryptionKey());
    }
  }

  void observe(IsakmpMessage m) {
    long cookie = m.header().initiatorCookie();
    if (!kaByCookie.containsKey(cookie)) {
      return;
    }
    Phase1 sa = sas.computeIfAbsent(cookie, c -> new Phase1());
    for (IsakmpPayload p : m.payloads()) {
      if (p instanceof SaPayload s && m.header().responderCookie() != 0) {
        chosenTransform(sa, s); // MM2: the responder's choice
      } else if (p instanceof KePayload ke && m.header().messageId() == 0) {
        if (sa.gxi == null) {
          sa.gxi = ke.data();
        } else if (sa.gxr == null && !Arrays.equals(sa.gxi, ke.data())) {
          sa.gxr = ke.data();
        }
      }
    }
  }

  DecodeResult<List<IsakmpPayload>> open(IsakmpMessage m) {
    long cookie = m.header().initiatorCookie();
    byte[] ka = kaByCookie.get(cookie);
    if (ka == null) {
      return null;
    }
    Phase1 sa = sas.get(cookie);
    if (sa == null || sa.gxi == null || sa.gxr == null) {
      return DecodeResult.failure("isakmp", 0, "key for cookie " + m.header().initiatorCookieHex()
          + " but Main Mode 3/4 (KE payloads) are not in the capture: the phase-1 IV is unknown");
    }
    Ikev1Encryption enc = sa.encryption != null ? sa.encryption : guess(ka.length);
    HashAlgorithm hash = sa.hash != null ? sa.hash : HashAlgorithm.MD5;
    byte[] body = m.encryptedBody();
    if (body.length == 0 || body.length % enc.blockSize() != 0) {
      return DecodeResult.failure("isakmp", 0, "encrypted body of " + body.length
          + " bytes is not a whole number of " + enc.blockSize() + "-byte blocks");
    }
    byte[] iv = ivFor(sa, m.header().messageId(), body, hash, enc.blockSize());
    Ikev1Cipher cipher = new Ikev1Cipher(enc, Arrays.copyOf(ka, enc.keyLength()));
    byte[] plain = cipher.decrypt(iv, body);
    byte[] next = cipher.nextIv(body);
    sa.nextIv.put(m.header().messageId(), next);
    sa.lastMessage.put(m.header().messageId(), new byte[][] {body, iv});
    if (m.header().messageId() == 0) {
      sa.lastPhase1Block = next;
    }
    return IsakmpCodec.decodePayloads(ByteReader.of(plain), m.header().nextPayload());
  }

  private static byte[] ivFor(Phase1 sa, int messageId, byte[] body, HashAlgorithm hash, int blockSize) {
    byte[][] last = sa.lastMessage.get(messageId);
    if (last != null && Arrays.equals(last[0], body)) {
      return last[1]; // a retransmission: same IV as the original
    }
    byte[] chained = sa.nextIv.get(messageId);
    if (chained != null) {
      return chained;
    }
    if (messageId == 0) {
      return Ikev1KeyDerivation.phase1Iv(hash, sa.gxi, sa.gxr, blockSize);
    }
    byte[] p1 = sa.lastPhase1Block != null
        ? sa.lastPhase1Block : Ikev1KeyDerivation.phase1Iv(hash, sa.gxi, sa.gxr, blockSize);
    return Ikev1KeyDerivation.phase2Iv(hash, p1, messageId, blockSize);
  }

  private static void chosenTransform(Phase1 sa, SaPayload s) {
    if (s.proposals().isEmpty() || s.proposals().get(0).transforms().isEmpty()) {
      return;
    }
    TransformPayload t = s.proposals().get(0).transforms().get(0);
    DataAttribute enc = t.attribute(IkeAttributes.ENCRYPTION_ALGORITHM);
    DataAttribute keyLength = t.attribute(IkeAttributes.KEY_LENGTH);
    DataAttribute hash = t.attribute(IkeAttributes.HASH_ALGORITHM);
    if (enc != null) {
      sa.encryption = encryption((int) enc.longValue(), keyLength == null ? 0 : (int) keyLength.longValue());
    }
    if (hash != null) {
      sa.hash = HashAlgorithm.byIkeId((int) hash.longValue());
    }
  }

  /** The cipher of attribute values (RFC 2409 appendix A; AES key length in bits, RFC 3602), or null. */
  private static Ikev1Encryption encryption(int ikeId, int keyBits) {
    for (Ikev1Encryption e : Ikev1Encryption.values()) {
      if (e.ikeId() == ikeId && (keyBits == 0 ? e != Ikev1Encryption.AES_192_CBC && e != Ikev1Encryption.AES_256_CBC
          : e.keyLength() * 8 == keyBits)) {
        return e;
      }
    }
    return null;
  }

  /** Without Main Mode 2 in the capture: Ka's length tells DES (8) from 3DES (24) and AES-128/256 (16/32). */
  private static Ikev1Encryption guess(int kaLength) {
    return switch (kaLength) {
      case 8 -> Ikev1Encryption.DES_CBC;
      case 16 -> Ikev1Encryption.AES_128_CBC;
      case 32 -> Ikev1Encryption.AES_256_CBC;
      default -> Ikev1Encryption.TDES_CBC;
    };
  }
}
