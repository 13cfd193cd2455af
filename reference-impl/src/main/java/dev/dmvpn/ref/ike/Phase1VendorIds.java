package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1KeyDerivation;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.NatDPayload;
import dev.dmvpn.ref.isakmp.PayloadType;
import dev.dmvpn.ref.isakmp.VendorIdPayload;
import dev.dmvpn.ref.isakmp.VendorIds;
import java.security.MessageDigest;
import java.util.List;

/**
 * The vendor IDs and NAT-D payloads of Main Mode as IOS sends them (protocol-notes section 3.4/3.5): NAT-T vendor
 * IDs in MM1, the chosen one in MM2, then Unity, DPD, the IOS per-SA ID and XAUTH plus two NAT-D payloads in
 * MM3/MM4 (first the peer's address and port, then ours). NAT-D uses payload type 20 when RFC 3947 was agreed,
 * 15 for drafts 05-08 (IOS's draft-07) and 130 for drafts 02/03. With forced UDP encapsulation our own NAT-D
 * carries the hash of random bytes instead of our address (as strongSwan's {@code encap = yes} does), so the
 * peer sees us "behind a NAT" and floats to 4500 with us.
 */
final class Phase1VendorIds {
  private final IkeSa sa;
  private final IkeConfig config;
  private final RandomSource random;
  private VendorIds.Known natTraversal;

  Phase1VendorIds(IkeSa sa, IkeConfig config, RandomSource random) {
    this.sa = sa;
    this.config = config;
    this.random = random;
  }

  /** The agreed NAT-T flavour, or null when the peers share none. */
  VendorIds.Known natTraversal() {
    return natTraversal;
  }

  void addNatTraversalOffer(List<IsakmpPayload> out) {
    for (VendorIds.Known k : config.natTraversalVids()) {
      out.add(k.payload());
    }
  }

  /** Responder: our most preferred NAT-T flavour the initiator also offered. */
  void takeNatTraversalOffer(InboundMessage mm1) {
    List<VendorIdPayload> theirs = mm1.all(VendorIdPayload.class);
    for (VendorIds.Known mine : config.natTraversalVids()) {
      for (VendorIdPayload v : theirs) {
        if (natTraversal == null && VendorIds.lookup(v.data()) == mine) {
          natTraversal = mine;
          sa.natTraversal = mine;
        }
      }
    }
  }

  void addNatTraversalAnswer(List<IsakmpPayload> out) {
    if (natTraversal != null) {
      out.add(natTraversal.payload());
    }
  }

  /** Initiator: the NAT-T vendor ID the responder echoed in MM2 (only one we offered counts). */
  void takeNatTraversalChoice(InboundMessage mm2) {
    for (VendorIdPayload v : mm2.all(VendorIdPayload.class)) {
      VendorIds.Known k = VendorIds.lookup(v.data());
      if (natTraversal == null && k != null && config.natTraversalVids().contains(k)) {
        natTraversal = k;
        sa.natTraversal = k;
      }
    }
  }

  /** MM3/MM4: Unity, DPD, IOS per-SA, XAUTH (when configured), then NAT-D(peer), NAT-D(us) when NAT-T was agreed. */
  void addKeyExchangeVids(List<IsakmpPayload> out, HashAlgorithm hash) {
    out.add(VendorIds.Known.CISCO_UNITY.payload());
    out.add(VendorIds.Known.DPD.payload());
    long own = sa.isInitiator() ? sa.initiatorCookie() : sa.responderCookie();
    out.add(new VendorIdPayload(VendorIds.iosPerSa(own, random.bytes(8))));
    if (config.xauthVendorId()) {
      out.add(VendorIds.Known.XAUTH.payload());
    }
    if (natTraversal != null) {
      PayloadType type = natDType();
      out.add(new NatDPayload(type, natD(hash, sa.peerAddress().toBytes(), sa.peerPort())));
      byte[] ownNatD = forced() ? natD(hash, random.bytes(4), 0) : natD(hash, sa.localAddress().toBytes(),
          IkeConfig.IKE_PORT);
      out.add(new NatDPayload(type, ownNatD));
    }
  }

  /** MM3/MM4 from the peer: note DPD and IOS, and compare the NAT-D hashes with the addresses we see. */
  void takeKeyExchangeVids(InboundMessage in, HashAlgorithm hash) {
    long peerCookie = sa.isInitiator() ? sa.responderCookie() : sa.initiatorCookie();
    for (VendorIdPayload v : in.all(VendorIdPayload.class)) {
      sa.peerSupportsDpd |= VendorIds.lookup(v.data()) == VendorIds.Known.DPD;
      sa.peerIsIos |= VendorIds.isIosPerSa(v.data(), peerCookie);
    }
    List<NatDPayload> natD = in.all(NatDPayload.class);
    if (natTraversal != null && natD.size() >= 2) {
      boolean usIntact = MessageDigest.isEqual(natD.get(0).hash(),
          natD(hash, sa.localAddress().toBytes(), IkeConfig.IKE_PORT));
      boolean peerIntact = MessageDigest.isEqual(natD.get(1).hash(),
          natD(hash, sa.peerAddress().toBytes(), sa.peerPort()));
      sa.localBehindNat = !usIntact || forced();
      sa.peerBehindNat = !peerIntact;
    }
  }

  private boolean forced() {
    return config.natTraversal().forceUdpEncapsulation();
  }

  private PayloadType natDType() {
    return switch (natTraversal) {
      case NAT_T_RFC3947 -> PayloadType.NAT_D_RFC;
      case NAT_T_DRAFT_07 -> PayloadType.NAT_D_BAD_DRAFT;
      default -> PayloadType.NAT_D_DRAFT;
    };
  }

  private byte[] natD(HashAlgorithm hash, byte[] address, int port) {
    return Ikev1KeyDerivation.natDetectionHash(hash, sa.initiatorCookieBytes(), sa.responderCookieBytes(), address,
        port);
  }
}
