package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.ipsec.EspSaParameters;
import dev.dmvpn.ref.isakmp.IdPayload;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code debug crypto isakmp} for Quick Mode and {@code debug crypto ipsec} around it, as the document's debugs
 * print them: the proposal's attributes, {@code IPSEC(validate_proposal_request)}, the SPI request and reply
 * ({@code IKE_QM_SPI_STARVE}, {@code IPSEC(spi_response)}), and when the node installs the pair the {@code Creating
 * IPsec SAs} block with SPIs, conn ids and lifetimes, {@code IPSEC(initialize_sas)} in and out, {@code
 * IPSEC(kei_proxy)}, {@code IPSEC(add mtree)} and {@code IPSEC(create_sa)}. The initiator's QM3 lines are held
 * until the SAs exist, because IOS prints them after {@code create_sa} (seed, sv9-3).
 */
final class QuickModeDebug {
  private final IsakmpLines l;
  private final Consumer<String> out;

  QuickModeDebug(IsakmpLines lines) {
    this.l = lines;
    this.out = lines.out;
  }

  /** A Quick Mode message of exchange {@code mid} arrived (QM1 at the responder, QM2 at the initiator, QM3). */
  void received(IkeSa sa, int mid, List<IsakmpPayload> p) {
    String h = l.head(sa);
    IsakmpSteps st = l.steps(sa);
    boolean first = st.quickModeId != mid;
    st.quickModeId = mid;
    out.accept(l.receivedFrom(sa, "QM_IDLE"));
    if (!sa.isInitiator() && !first) {
      return; // QM3: what follows comes with the SAs (phase2Up)
    }
    if (!sa.isInitiator()) {
      out.accept("ISAKMP: set new node " + mid + " to QM_IDLE");
    }
    out.accept(h + "processing HASH payload. message ID = " + mid);
    out.accept(h + "processing SA payload. message ID = " + mid);
    TransformPayload t = IsakmpLines.firstTransform(p);
    if (t != null) {
      out.accept(h + "Checking IPsec proposal 1");
      IsakmpText.phase2Attributes(t).forEach(out);
    }
    out.accept(h + "atts are acceptable.");
    if (l.ipsec() && t != null) {
      out.accept("IPSEC(validate_proposal_request): proposal part #1,\n"
          + "  (key eng. msg.) INBOUND local= " + sa.localAddress() + ", remote= " + sa.peerAddress() + ",\n"
          + "    local_proxy= " + sa.localAddress() + "/255.255.255.255/47/0 (type=1),\n"
          + "    remote_proxy= " + sa.peerAddress() + "/255.255.255.255/47/0 (type=1),\n"
          + "    protocol= ESP, transform= " + IsakmpText.transformSet(t) + " ,\n"
          + "    lifedur= 0s and 0kb,\n"
          + "    spi= 0x0(0), conn_id= 0, keysize= 0, flags= 0x2");
      l.keiProxy();
    }
    out.accept(h + "processing NONCE payload. message ID = " + mid);
    for (IsakmpPayload x : p) {
      if (x instanceof IdPayload) {
        out.accept(h + "processing ID payload. message ID = " + mid);
      }
    }
    if (!sa.isInitiator()) {
      out.accept(h + "asking for 1 spis from ipsec");
      l.node(sa, mid, "IKE_MESG_FROM_PEER, IKE_QM_EXCH", "IKE_QM_READY", "IKE_QM_SPI_STARVE");
    }
  }

  /** A Quick Mode message of exchange {@code mid} left (QM1 and QM3 from the initiator, QM2 from the responder). */
  void sent(IkeSa sa, int mid, List<IsakmpPayload> p) {
    String h = l.head(sa);
    IsakmpSteps st = l.steps(sa);
    boolean first = st.quickModeId != mid;
    st.quickModeId = mid;
    if (sa.isInitiator() && first) { // QM1
      out.accept(h + "beginning Quick Mode exchange, M-ID of " + mid);
      out.accept(l.sendingTo(sa, "QM_IDLE"));
      l.node(sa, mid, "IKE_MSG_INTERNAL, IKE_INIT_QM", "IKE_QM_READY", "IKE_QM_I_QM1");
      l.state(sa, "IKE_MSG_INTERNAL, IKE_PHASE1_COMPLETE", "IKE_P1_COMPLETE", "IKE_P1_COMPLETE");
    } else if (sa.isInitiator()) { // QM3: IOS prints it after the SAs are created
      st.afterPhase2.add(l.sendingTo(sa, "QM_IDLE"));
      st.afterPhase2.add(h + "deleting node " + mid + " error FALSE reason \"\"");
      st.afterPhase2.add(h + "Node " + mid + ", Input = IKE_MSG_FROM_PEER, IKE_QM_EXCH");
      st.afterPhase2.add(h + "Old State = IKE_QM_I_QM1 New State = IKE_QM_PHASE2_COMPLETE");
    } else { // QM2
      if (l.ipsec()) {
        out.accept("IPSEC(key_engine): got a queue event...");
        int spi = IsakmpLines.ourSpi(p);
        out.accept("IPSEC(spi_response): getting spi " + Integer.toUnsignedString(spi) + " for SA\n"
            + "\tfrom " + sa.localAddress() + "   to " + sa.peerAddress() + "   for prot 3");
      }
      out.accept("ISAKMP: received ke message (2/1)");
      out.accept(l.sendingTo(sa, "QM_IDLE"));
      l.node(sa, mid, "IKE_MSG_FROM_IPSEC, IKE_SPI_REPLY", "IKE_QM_SPI_STARVE", "IKE_QM_R_QM2");
    }
  }

  /** The node installed the pair: the creation lines, then what was held for after them. */
  void installed(IkeSa sa, ChildSa child) {
    int inId = l.ids().ipsecPair(child.inbound().spi());
    int outId = inId + 1;
    Ipv4Address local = sa.localAddress();
    Ipv4Address peer = sa.peerAddress();
    EspSaParameters in = child.inbound();
    EspSaParameters o = child.outbound();
    IsakmpSteps st = l.steps(sa);
    if (l.isakmp()) {
      out.accept(l.head(sa) + "Creating IPsec SAs");
      out.accept("        inbound SA from " + peer + " to " + local + " (f/i) 0/ 0\n"
          + "        (proxy " + peer + " to " + local + ")");
      out.accept("        has spi 0x" + hex(in.spi()) + " and conn_id " + inId + " and flags 2");
      lifetimes(in);
      out.accept("        outbound SA from " + local + " to " + peer + " (f/i) 0/ 0 (proxy " + local + " to "
          + peer + ")");
      // the seed prints the outbound SPI in signed decimal: 1849847934 on sv9-4, -359889983 on sv9-3
      out.accept("        has spi " + o.spi() + " and conn_id " + outId + " and flags A");
      lifetimes(o);
      if (!sa.isInitiator()) {
        int mid = st.quickModeId;
        out.accept(l.head(sa) + "deleting node " + mid + " error FALSE reason \"quick mode done (await)\"");
        l.node(sa, mid, "IKE_MSG_FROM_PEER, IKE_QM_EXCH", "IKE_QM_R_QM2", "IKE_QM_PHASE2_COMPLETE");
      }
    }
    if (l.ipsec()) {
      out.accept("IPSEC(key_engine): got a queue event...");
      out.accept(initialize("INBOUND", local, peer, in, inId, "0x2"));
      out.accept(initialize("OUTBOUND", local, peer, o, outId, "0xA"));
      l.keiProxy();
      out.accept("IPSEC(add mtree): src " + local + ", dest " + peer + ", dest_port 0");
      out.accept(created(local, in, inId));
      out.accept(created(peer, o, outId));
    }
    if (l.isakmp()) {
      st.afterPhase2.forEach(out);
    }
    st.afterPhase2.clear();
  }

  private void lifetimes(EspSaParameters p) {
    out.accept("        lifetime of " + p.lifetimeSeconds() + " seconds");
    out.accept("        lifetime of " + p.lifetimeKilobytes() + " kilobytes");
    out.accept("        has client flags 0x0");
  }

  private static String initialize(String direction, Ipv4Address local, Ipv4Address peer, EspSaParameters p,
      int connId, String flags) {
    return "IPSEC(initialize_sas): ,\n"
        + "  (key eng. msg.) " + direction + " local= " + local + ", remote= " + peer + ",\n"
        + "    local_proxy= " + local + "/0.0.0.0/47/0 (type=1),\n"
        + "    remote_proxy= " + peer + "/0.0.0.0/47/0 (type=1),\n"
        + "    protocol= ESP, transform= " + IosTransformNames.of(p) + " ,\n"
        + "    lifedur= " + p.lifetimeSeconds() + "s and " + p.lifetimeKilobytes() + "kb,\n"
        + "    spi= " + spi(p.spi()) + ", conn_id= " + connId + ", keysize= 0, flags= " + flags;
  }

  private static String created(Ipv4Address dest, EspSaParameters p, int connId) {
    return "IPSEC(create_sa): sa created,\n"
        + "  (sa) sa_dest= " + dest + ", sa_prot= 50,\n"
        + "    sa_spi= " + spi(p.spi()) + ",\n"
        + "    sa_trans= " + IosTransformNames.of(p) + " , sa_conn_id= " + connId;
  }

  /** {@code 0xEA8C83C1(3935077313)}: hex and unsigned decimal. */
  static String spi(int spi) {
    return "0x" + hex(spi) + "(" + Integer.toUnsignedString(spi) + ")";
  }

  static String hex(int v) {
    return String.format(Locale.ROOT, "%X", v);
  }
}
