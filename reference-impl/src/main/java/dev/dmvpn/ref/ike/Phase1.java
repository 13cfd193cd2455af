package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.crypto.DiffieHellman;
import dev.dmvpn.ref.crypto.Ikev1KeyDerivation;
import dev.dmvpn.ref.crypto.Ikev1Keys;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.isakmp.HashPayload;
import dev.dmvpn.ref.isakmp.IdPayload;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.KePayload;
import dev.dmvpn.ref.isakmp.NoncePayload;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import dev.dmvpn.ref.isakmp.PayloadType;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import java.security.MessageDigest;
import java.util.List;

/**
 * The key exchange and pre-shared-key authentication steps of Phase 1, shared by whatever exchange runs them
 * (strongSwan's {@code phase1.c}; here Main Mode): our KE and nonce, the peer's checked, SKEYID and the Phase 1
 * IV into the {@link IkeSa}, our ID and HASH_I/HASH_R, the peer's HASH checked (RFC 2409 sections 5 and 5.4).
 */
final class Phase1 {
  static final int NONCE_LENGTH = 20;
  private static final int ID_PROTOCOL_UDP = 17;

  private final IkeSa sa;
  private final IkeConfig config;
  private final RandomSource random;
  private final boolean initiator;
  private byte[] saiB;
  private DiffieHellman dh;
  private byte[] ni;
  private byte[] nr;
  private byte[] gxi;
  private byte[] gxr;

  Phase1(IkeSa sa, IkeConfig config, RandomSource random) {
    this.sa = sa;
    this.config = config;
    this.random = random;
    this.initiator = sa.isInitiator();
  }

  /** SAi_b: the body of the initiator's SA payload, which both HASHes cover. */
  void initiatorSaBody(byte[] body) {
    this.saiB = body;
  }

  /** Draws our DH key pair for the negotiated group, then our nonce. */
  void makeOwnKeyExchange() {
    dh = DiffieHellman.generate(sa.policy().group(), random);
    byte[] nonce = random.bytes(NONCE_LENGTH);
    if (initiator) {
      gxi = dh.publicValue();
      ni = nonce;
    } else {
      gxr = dh.publicValue();
      nr = nonce;
    }
  }

  /** Our KE and NONCE payloads, in that order ({@link #makeOwnKeyExchange} first). */
  List<IsakmpPayload> ownKeyExchange() {
    return List.of(new KePayload(initiator ? gxi : gxr), new NoncePayload(initiator ? ni : nr));
  }

  /**
   * Takes the peer's KE and nonce (MM3 at the responder, MM4 at the initiator).
   *
   * @return {@code null}, or why they are refused with the notification to send
   */
  Task.Failure takePeerKeyExchange(InboundMessage in, String messageName) {
    KePayload ke = in.first(KePayload.class);
    NoncePayload nonce = in.first(NoncePayload.class);
    if (ke == null || nonce == null) {
      return new Task.Failure(messageName + " lacks KE or NONCE payload", NotifyType.PAYLOAD_MALFORMED);
    }
    if (ke.data().length != sa.policy().group().primeLength()) {
      return new Task.Failure("KE of " + ke.data().length + " bytes does not fit group "
          + sa.policy().group().id(), NotifyType.valueOf(17));
    }
    if (nonce.data().length < 8 || nonce.data().length > 256) {
      return new Task.Failure("nonce of " + nonce.data().length + " bytes (RFC 2409: 8..256)",
          NotifyType.PAYLOAD_MALFORMED);
    }
    if (initiator) {
      gxr = ke.data();
      nr = nonce.data();
    } else {
      gxi = ke.data();
      ni = nonce.data();
    }
    return null;
  }

  /** SKEYID, its derivatives and the Phase 1 IV, installed into the SA (both KEs and nonces are known). */
  void deriveKeys() {
    byte[] psk = config.keys().lookup(sa.peerAddress()); // checked in MM1/MM2 processing
    IkePolicy p = sa.policy();
    byte[] gxy = dh.sharedSecret(initiator ? gxr : gxi);
    Ikev1Keys keys = Ikev1KeyDerivation.derivePsk(p.hash(), psk, ni, nr, gxy, sa.initiatorCookieBytes(),
        sa.responderCookieBytes(), p.encryption());
    byte[] iv = Ikev1KeyDerivation.phase1Iv(p.hash(), gxi, gxr, p.encryption().blockSize());
    sa.keys(keys, new MessageProtection(p.encryption(), keys.encryptionKey(), p.hash(), iv));
  }

  /** Our ID (ID_IPV4_ADDR, UDP 500, as IOS) and HASH_I or HASH_R over it. */
  List<IsakmpPayload> ownAuthentication() {
    byte[] idB = idBody();
    byte[] hash = initiator
        ? Ikev1KeyDerivation.hashI(sa.policy().hash(), sa.keys().skeyid(), gxi, gxr, sa.initiatorCookieBytes(),
            sa.responderCookieBytes(), saiB, idB)
        : Ikev1KeyDerivation.hashR(sa.policy().hash(), sa.keys().skeyid(), gxi, gxr, sa.initiatorCookieBytes(),
            sa.responderCookieBytes(), saiB, idB);
    return List.of(IdPayload.ipv4(sa.localAddress(), ID_PROTOCOL_UDP, IkeConfig.IKE_PORT), new HashPayload(hash));
  }

  /** Whether the peer's HASH (HASH_R for us as initiator, HASH_I as responder) matches its ID; false if absent. */
  boolean peerAuthenticated(InboundMessage in) {
    HashPayload hash = in.first(HashPayload.class);
    if (in.first(IdPayload.class) == null || hash == null) {
      return false;
    }
    byte[] idB = in.rawBody(PayloadType.ID);
    byte[] expected = initiator
        ? Ikev1KeyDerivation.hashR(sa.policy().hash(), sa.keys().skeyid(), gxi, gxr, sa.initiatorCookieBytes(),
            sa.responderCookieBytes(), saiB, idB)
        : Ikev1KeyDerivation.hashI(sa.policy().hash(), sa.keys().skeyid(), gxi, gxr, sa.initiatorCookieBytes(),
            sa.responderCookieBytes(), saiB, idB);
    return MessageDigest.isEqual(expected, hash.data());
  }

  /** INITIAL-CONTACT for this ISAKMP SA (IOS: "Send initial contact"). */
  NotifyPayload initialContact() {
    byte[] spi = new byte[16];
    System.arraycopy(sa.initiatorCookieBytes(), 0, spi, 0, 8);
    System.arraycopy(sa.responderCookieBytes(), 0, spi, 8, 8);
    return new NotifyPayload(SaPayload.DOI_IPSEC, ProposalPayload.PROTO_ISAKMP, spi, NotifyType.INITIAL_CONTACT,
        new byte[0]);
  }

  /** IDii_b / IDir_b of our own ID payload: type | protocol | port | address. */
  private byte[] idBody() {
    byte[] a = sa.localAddress().toBytes();
    return new byte[] {IdPayload.ID_IPV4_ADDR, ID_PROTOCOL_UDP, (byte) (IkeConfig.IKE_PORT >>> 8),
        (byte) IkeConfig.IKE_PORT, a[0], a[1], a[2], a[3]};
  }
}
