package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.ref.bytes.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase-1 SA payloads: IOS offers all its policies as transforms of one ISAKMP proposal, in priority order; the
 * responder walks the peer's transforms in order and takes the first that matches any local policy (IOS debug:
 * "Checking ISAKMP transform 1 against priority 10 policy"), with the lower of the two lifetimes.
 */
final class Phase1Proposals {
  /** The responder's choice: the peer's transform (echoed unchanged in MM2) and the policy in force. */
  record Choice(int proposalNumber, TransformPayload transform, IkePolicy policy) {}

  private Phase1Proposals() {}

  static SaPayload offer(List<IkePolicy> policies) {
    List<TransformPayload> transforms = new ArrayList<>(policies.size());
    for (int i = 0; i < policies.size(); i++) {
      transforms.add(policies.get(i).toTransform(i + 1));
    }
    ProposalPayload p = new ProposalPayload(1, ProposalPayload.PROTO_ISAKMP, new byte[0], transforms);
    return new SaPayload(SaPayload.DOI_IPSEC, SaPayload.SIT_IDENTITY_ONLY, List.of(p));
  }

  /** The first acceptable transform of {@code peerSa}, or null. */
  static Choice select(SaPayload peerSa, List<IkePolicy> local) {
    if (peerSa.doi() != SaPayload.DOI_IPSEC) {
      return null;
    }
    for (ProposalPayload p : peerSa.proposals()) {
      if (p.protocolId() != ProposalPayload.PROTO_ISAKMP) {
        continue;
      }
      for (TransformPayload t : p.transforms()) {
        IkePolicy offered = IkePolicy.fromTransform(t);
        for (IkePolicy mine : offered == null ? List.<IkePolicy>of() : local) {
          if (mine.sameSuite(offered)) {
            long life = Math.min(mine.lifetimeSeconds(), offered.lifetimeSeconds());
            return new Choice(p.number(), t, mine.withLifetime(life));
          }
        }
      }
    }
    return null;
  }

  /** MM2's SA: the chosen transform alone in the peer's proposal. */
  static SaPayload answer(Choice c) {
    ProposalPayload p = new ProposalPayload(c.proposalNumber(), ProposalPayload.PROTO_ISAKMP, new byte[0],
        List.of(c.transform()));
    return new SaPayload(SaPayload.DOI_IPSEC, SaPayload.SIT_IDENTITY_ONLY, List.of(p));
  }

  /** "DES_CBC/MD5/group 1/86400 s, ..." of every transform in an SA (for the NO-PROPOSAL-CHOSEN reason). */
  static String describe(SaPayload sa) {
    StringBuilder b = new StringBuilder();
    for (ProposalPayload p : sa.proposals()) {
      for (TransformPayload t : p.transforms()) {
        IkePolicy offered = IkePolicy.fromTransform(t);
        b.append(b.length() == 0 ? "" : ", ")
            .append(offered == null ? "unsupported transform " + t.number() : offered.describe());
      }
    }
    return b.length() == 0 ? "no transforms" : b.toString();
  }

  /** An SA payload's body as it goes on the wire (SAi_b for our own MM1). */
  static byte[] body(SaPayload sa) {
    ByteWriter w = new ByteWriter(128);
    IsakmpCodec.encodePayloads(List.of(sa), w);
    byte[] all = w.toByteArray();
    return java.util.Arrays.copyOfRange(all, 4, all.length);
  }
}
