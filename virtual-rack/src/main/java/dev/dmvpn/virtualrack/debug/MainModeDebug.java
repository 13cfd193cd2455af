package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.isakmp.IdPayload;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.KePayload;
import dev.dmvpn.ref.isakmp.NatDPayload;
import dev.dmvpn.ref.isakmp.NoncePayload;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.ref.isakmp.VendorIdPayload;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code debug crypto isakmp} for Main Mode, step by step as the document's debugs print it (seed: sv9-4 as
 * responder, sv9-3 as initiator): each step knows its IOS states ({@code IKE_R_MM1} ... {@code IKE_P1_COMPLETE})
 * from the role and the message's place in the exchange; the payload lines (vendor IDs, attributes, KE, nonce,
 * NAT-D, IDs, INITIAL-CONTACT) come from the message itself.
 */
final class MainModeDebug {
  private final IsakmpLines l;
  private final Consumer<String> out;

  MainModeDebug(IsakmpLines lines) {
    this.l = lines;
    this.out = lines.out;
  }

  /** The {@code n}th Main Mode message from the peer arrived. */
  void received(IkeSa sa, int n, List<IsakmpPayload> p) {
    if (sa.isInitiator()) {
      initiatorReceivedMainMode(sa, n, p);
    } else {
      responderReceivedMainMode(sa, n, p);
    }
  }

  /** Our {@code n}th Main Mode message left. */
  void sent(IkeSa sa, int n, List<IsakmpPayload> p) {
    if (sa.isInitiator()) {
      initiatorSentMainMode(sa, n, p);
    } else {
      responderSentMainMode(sa, n, p);
    }
  }

  private void responderReceivedMainMode(IkeSa sa, int n, List<IsakmpPayload> p) {
    String h = l.head(sa);
    switch (n) {
      case 1 -> {
        out.accept("ISAKMP (0:0): received packet from " + sa.peerAddress() + " dport 500 sport " + sa.peerPort()
            + " Global (N) NEW SA");
        out.accept("ISAKMP: local port 500, remote port " + sa.peerPort());
        out.accept("ISAKMP: insert sa successfully sa = " + IsakmpLines.pointer(sa));
        l.state(sa, "IKE_MSG_FROM_PEER, IKE_MM_EXCH", "IKE_READY", "IKE_R_MM1");
        saProposal(sa, p);
        l.state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_R_MM1", "IKE_R_MM1");
      }
      case 2 -> {
        out.accept(l.receivedFrom(sa, "MM_SA_SETUP"));
        l.state(sa, "IKE_MSG_FROM_PEER, IKE_MM_EXCH", "IKE_R_MM2", "IKE_R_MM3");
        keyExchange(sa, p);
        l.state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_R_MM3", "IKE_R_MM3");
      }
      case 3 -> {
        out.accept(l.receivedFrom(sa, "MM_KEY_EXCH"));
        l.state(sa, "IKE_MSG_FROM_PEER, IKE_MM_EXCH", "IKE_R_MM4", "IKE_R_MM5");
        out.accept(h + "processing ID payload. message ID = 0");
        out.accept(h + "peer matches *none* of the profiles");
        out.accept(h + "processing HASH payload. message ID = 0");
        for (IsakmpPayload x : p) {
          if (x instanceof NotifyPayload np && np.notifyType().equals(NotifyType.INITIAL_CONTACT)) {
            out.accept(h + "processing NOTIFY INITIAL_CONTACT protocol " + np.protocolId() + "\n"
                + "\tspi 0, message ID = 0, sa = " + IsakmpLines.pointer(sa));
            out.accept(h + "Process initial contact,\n\tbring down existing phase 1 and 2 SA's with local "
                + sa.localAddress() + " remote " + sa.peerAddress() + " remote port " + sa.peerPort());
          }
        }
        out.accept(h + "SA has been authenticated with " + sa.peerAddress());
        out.accept(h + "peer matches *none* of the profiles");
        l.state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_R_MM5", "IKE_R_MM5");
      }
      default -> out.accept(l.receivedFrom(sa, "MM_KEY_EXCH"));
    }
  }

  private void initiatorReceivedMainMode(IkeSa sa, int n, List<IsakmpPayload> p) {
    String h = l.head(sa);
    switch (n) {
      case 1 -> {
        out.accept(l.receivedFrom(sa, "MM_NO_STATE"));
        l.state(sa, "IKE_MSG_FROM_PEER, IKE_MM_EXCH", "IKE_I_MM1", "IKE_I_MM2");
        saProposal(sa, p);
        l.state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_I_MM2", "IKE_I_MM2");
      }
      case 2 -> {
        out.accept(l.receivedFrom(sa, "MM_SA_SETUP"));
        l.state(sa, "IKE_MSG_FROM_PEER, IKE_MM_EXCH", "IKE_I_MM3", "IKE_I_MM4");
        keyExchange(sa, p);
        l.state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_I_MM4", "IKE_I_MM4");
      }
      case 3 -> {
        out.accept(l.receivedFrom(sa, "MM_KEY_EXCH"));
        l.state(sa, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", "IKE_I_MM5", "IKE_I_MM6");
        out.accept(h + "processing ID payload. message ID = 0");
        out.accept(h + "processing HASH payload. message ID = 0");
        out.accept(h + "SA has been authenticated with " + sa.peerAddress());
        out.accept(h + "peer matches *none* of the profiles");
        l.state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_I_MM6", "IKE_I_MM6");
        l.state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_I_MM6", "IKE_P1_COMPLETE");
      }
      default -> out.accept(l.receivedFrom(sa, "MM_KEY_EXCH"));
    }
  }

  /** MM1 (responder) or MM2 (initiator): the SA payload checked against the policy, vendor IDs around it. */
  private void saProposal(IkeSa sa, List<IsakmpPayload> p) {
    String h = l.head(sa);
    out.accept(h + "processing SA payload. message ID = 0");
    l.vendorIds(sa, p);
    l.keyFound(sa);
    out.accept(h + "local preshared key found");
    out.accept("ISAKMP : Scanning profiles for xauth ...");
    TransformPayload t = IsakmpLines.firstTransform(p);
    if (t != null) {
      int priority = sa.policy() == null ? 10 : sa.policy().priority();
      out.accept(h + "Checking ISAKMP transform " + t.number() + " against priority " + priority + " policy");
      IsakmpText.phase1Attributes(t).forEach(out);
    }
    out.accept(h + "atts are acceptable. Next payload is 0");
    l.vendorIds(sa, p);
  }

  /** MM3 (responder) or MM4 (initiator): KE and nonce, the key looked up, SKEYID, vendor IDs, NAT-D. */
  private void keyExchange(IkeSa sa, List<IsakmpPayload> p) {
    String h = l.head(sa);
    for (IsakmpPayload x : p) {
      if (x instanceof KePayload) {
        out.accept(h + "processing KE payload. message ID = 0");
      } else if (x instanceof NoncePayload) {
        out.accept(h + "processing NONCE payload. message ID = 0");
      }
    }
    l.keyFound(sa);
    l.keyFound(sa);
    out.accept(h + "SKEYID state generated");
    l.vendorIds(sa, p);
    for (IsakmpPayload x : p) {
      if (x instanceof NatDPayload nd) {
        out.accept("ISAKMP:received payload type " + nd.type().value());
      }
    }
  }

  private void responderSentMainMode(IkeSa sa, int n, List<IsakmpPayload> p) {
    switch (n) {
      case 1 -> {
        natTVendorIds(sa, p);
        out.accept(l.sendingTo(sa, "MM_SA_SETUP"));
        l.state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_R_MM1", "IKE_R_MM2");
      }
      case 2 -> {
        out.accept(l.sendingTo(sa, "MM_KEY_EXCH"));
        l.state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_R_MM3", "IKE_R_MM4");
      }
      default -> {
        if (l.ipsec()) {
          out.accept("IPSEC(key_engine): got a queue event...");
        }
        ownId(sa, p);
        out.accept(l.sendingTo(sa, "MM_KEY_EXCH"));
        l.state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_R_MM5", "IKE_P1_COMPLETE");
        l.state(sa, "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE", "IKE_P1_COMPLETE", "IKE_P1_COMPLETE");
      }
    }
  }

  private void initiatorSentMainMode(IkeSa sa, int n, List<IsakmpPayload> p) {
    String h = l.head(sa);
    switch (n) {
      case 1 -> {
        out.accept("ISAKMP: received ke message (1/1)");
        out.accept("ISAKMP (0:0): SA request profile is (NULL)");
        out.accept("ISAKMP: local port 500, remote port " + sa.peerPort());
        out.accept("ISAKMP: set new node 0 to QM_IDLE");
        out.accept("ISAKMP: insert sa successfully sa = " + IsakmpLines.pointer(sa));
        out.accept(h + "Can not start Aggressive mode, trying Main mode.");
        l.keyFound(sa);
        natTVendorIds(sa, p);
        l.state(sa, "IKE_MSG_FROM_IPSEC, IKE_SA_REQ_MM", "IKE_READY", "IKE_I_MM1");
        out.accept(h + "beginning Main Mode exchange");
        out.accept(l.sendingTo(sa, "MM_NO_STATE"));
      }
      case 2 -> {
        out.accept(l.sendingTo(sa, "MM_SA_SETUP"));
        l.state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_I_MM2", "IKE_I_MM3");
      }
      default -> {
        for (IsakmpPayload x : p) {
          if (x instanceof NotifyPayload np && np.notifyType().equals(NotifyType.INITIAL_CONTACT)) {
            out.accept(h + "Send initial contact");
          }
        }
        ownId(sa, p);
        out.accept(l.sendingTo(sa, "MM_KEY_EXCH"));
        l.state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_I_MM4", "IKE_I_MM5");
      }
    }
  }

  /** {@code constructed NAT-T vendor-03 ID} for each NAT-T draft vendor ID we send. */
  private void natTVendorIds(IkeSa sa, List<IsakmpPayload> p) {
    for (IsakmpPayload x : p) {
      if (x instanceof VendorIdPayload v) {
        var k = dev.dmvpn.ref.isakmp.VendorIds.lookup(v.data());
        if (k == null) {
          continue;
        }
        switch (k) {
          case NAT_T_DRAFT_03 -> out.accept(l.head(sa) + "constructed NAT-T vendor-03 ID");
          case NAT_T_DRAFT_02N, NAT_T_DRAFT_02 -> out.accept(l.head(sa) + "constructed NAT-T vendor-02 ID");
          case NAT_T_DRAFT_07 -> out.accept(l.head(sa) + "constructed NAT-T vendor-07 ID");
          case NAT_T_RFC3947 -> out.accept(l.head(sa) + "constructed NAT-T vendor-rfc3947 ID");
          default -> { }
        }
      }
    }
  }

  /** Our identity in MM5/MM6, as the seed's {@code ISAKMP (12): ID payload} block prints it. */
  private void ownId(IkeSa sa, List<IsakmpPayload> p) {
    int id = l.ids().isakmp(sa);
    out.accept(l.head(sa) + "SA is doing pre-shared key authentication using id type ID_IPV4_ADDR");
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i) instanceof IdPayload ip) {
        int next = i + 1 < p.size() ? p.get(i + 1).type().value() : 0;
        String addr = ip.data().length == 4 ? Ipv4Address.fromBytes(ip.data()).toString() : "?";
        out.accept("ISAKMP (" + id + "): ID payload\n"
            + "\tnext-payload : " + next + "\n"
            + "\ttype         : " + ip.idType() + "\n"
            + "\taddr         : " + addr + "\n"
            + "\tprotocol     : " + ip.protocolId() + "\n"
            + "\tport         : " + ip.port() + "\n"
            + "\tlength       : " + (ip.data().length + 4));
        out.accept("ISAKMP (" + id + "): Total payload length: " + (ip.data().length + 8));
      }
    }
  }
}
