package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeListener;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.ike.IkeTrace;
import dev.dmvpn.ref.ipsec.EspSaParameters;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.HashPayload;
import dev.dmvpn.ref.isakmp.IdPayload;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.KePayload;
import dev.dmvpn.ref.isakmp.NatDPayload;
import dev.dmvpn.ref.isakmp.NoncePayload;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.ref.isakmp.VendorIdPayload;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.virtualrack.node.CryptoIds;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code debug crypto isakmp} and {@code debug crypto ipsec} for one protected tunnel, printed from the IKE
 * messages the node receives and sends ({@link IkeTrace}) and the SAs it installs ({@link IkeListener}), step by
 * step in the order and words of the document's debugs (seed: sv9-4 as Main Mode and Quick Mode responder, sv9-3
 * as initiator). Each step knows its IOS states ({@code IKE_R_MM1} ... {@code IKE_P1_COMPLETE}, {@code
 * IKE_QM_SPI_STARVE} ...) from the role and the message's place in the exchange; the payload lines (vendor IDs,
 * attributes, SPIs, IDs) come from the message itself. IOS's memory addresses ({@code sa = 63B38288}) have no
 * counterpart: a stand-in of the same shape is derived from the SA's cookie. Continuation lines are part of one
 * debug message, as IOS prints them (the seed shows them unstamped).
 */
final class CryptoDebug implements IkeListener, IkeTrace {
  private final TunnelInterface tunnel;
  private final DebugSwitches switches;
  private final CryptoIds ids;
  private final Consumer<String> out;
  private final Map<IkeSa, Steps> steps = new IdentityHashMap<>();

  /** Where an ISAKMP SA's exchanges are, and lines held until its IPsec SAs are reported. */
  private static final class Steps {
    int mainModeReceived;
    int mainModeSent;
    int quickModeId;
    final List<String> afterPhase2 = new ArrayList<>();
  }

  private CryptoDebug(TunnelInterface tunnel, DebugSwitches switches, CryptoIds ids, Consumer<String> out) {
    this.tunnel = tunnel;
    this.switches = switches;
    this.ids = ids;
    this.out = out;
  }

  static void attach(TunnelInterface tunnel, DebugSwitches switches, CryptoIds ids, Consumer<String> out) {
    CryptoDebug d = new CryptoDebug(tunnel, switches, ids, out);
    tunnel.protection().addObserver(d);
    tunnel.protection().ike().addTrace(d);
  }

  private boolean isakmp() {
    return switches.isOn(DebugFlag.CRYPTO_ISAKMP);
  }

  private boolean ipsec() {
    return switches.isOn(DebugFlag.CRYPTO_IPSEC);
  }

  private Steps steps(IkeSa sa) {
    return steps.computeIfAbsent(sa, k -> new Steps());
  }

  private String head(IkeSa sa) {
    return "ISAKMP (0:" + ids.isakmp(sa) + "): ";
  }

  private void state(IkeSa sa, String input, String oldState, String newState) {
    out.accept(head(sa) + "Input = " + input);
    out.accept(head(sa) + "Old State = " + oldState + " New State = " + newState);
  }

  private void node(IkeSa sa, int mid, String input, String oldState, String newState) {
    out.accept(head(sa) + "Node " + mid + ", Input = " + input);
    out.accept(head(sa) + "Old State = " + oldState + " New State = " + newState);
  }

  private static String pointer(IkeSa sa) {
    return String.format(Locale.ROOT, "%08X", 0x60000000 | ((int) sa.initiatorCookie() & 0x0FFFFFF8));
  }

  private static String role(IkeSa sa) {
    return sa.isInitiator() ? "(I)" : "(R)";
  }

  private String receivedFrom(IkeSa sa, String state) {
    return head(sa) + "received packet from " + sa.peerAddress() + " dport 500 sport " + sa.peerPort()
        + " Global " + role(sa) + " " + state;
  }

  private String sendingTo(IkeSa sa, String state) {
    return head(sa) + "sending packet to " + sa.peerAddress() + " my_port 500 peer_port " + sa.peerPort() + " "
        + role(sa) + " " + state;
  }

  // ------------------------------------------------------------------ messages received

  @Override
  public void received(IkeSa sa, int mid, ExchangeType type, List<IsakmpPayload> payloads, boolean accepted) {
    if (!isakmp()) {
      steps(sa).quickModeId = type.equals(ExchangeType.QUICK_MODE) ? mid : steps(sa).quickModeId;
      return;
    }
    if (type.equals(ExchangeType.MAIN_MODE)) {
      int n = ++steps(sa).mainModeReceived;
      if (sa.isInitiator()) {
        initiatorReceivedMainMode(sa, n, payloads);
      } else {
        responderReceivedMainMode(sa, n, payloads);
      }
    } else if (type.equals(ExchangeType.QUICK_MODE)) {
      quickModeReceived(sa, mid, payloads);
    } else {
      out.accept(receivedFrom(sa, "QM_IDLE"));
    }
  }

  private void responderReceivedMainMode(IkeSa sa, int n, List<IsakmpPayload> p) {
    String h = head(sa);
    switch (n) {
      case 1 -> {
        out.accept("ISAKMP (0:0): received packet from " + sa.peerAddress() + " dport 500 sport " + sa.peerPort()
            + " Global (N) NEW SA");
        out.accept("ISAKMP: local port 500, remote port " + sa.peerPort());
        out.accept("ISAKMP: insert sa successfully sa = " + pointer(sa));
        state(sa, "IKE_MSG_FROM_PEER, IKE_MM_EXCH", "IKE_READY", "IKE_R_MM1");
        saProposal(sa, p);
        state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_R_MM1", "IKE_R_MM1");
      }
      case 2 -> {
        out.accept(receivedFrom(sa, "MM_SA_SETUP"));
        state(sa, "IKE_MSG_FROM_PEER, IKE_MM_EXCH", "IKE_R_MM2", "IKE_R_MM3");
        keyExchange(sa, p);
        state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_R_MM3", "IKE_R_MM3");
      }
      case 3 -> {
        out.accept(receivedFrom(sa, "MM_KEY_EXCH"));
        state(sa, "IKE_MSG_FROM_PEER, IKE_MM_EXCH", "IKE_R_MM4", "IKE_R_MM5");
        out.accept(h + "processing ID payload. message ID = 0");
        out.accept(h + "peer matches *none* of the profiles");
        out.accept(h + "processing HASH payload. message ID = 0");
        for (IsakmpPayload x : p) {
          if (x instanceof NotifyPayload np && np.notifyType().equals(NotifyType.INITIAL_CONTACT)) {
            out.accept(h + "processing NOTIFY INITIAL_CONTACT protocol " + np.protocolId() + "\n"
                + "\tspi 0, message ID = 0, sa = " + pointer(sa));
            out.accept(h + "Process initial contact,\n\tbring down existing phase 1 and 2 SA's with local "
                + sa.localAddress() + " remote " + sa.peerAddress() + " remote port " + sa.peerPort());
          }
        }
        out.accept(h + "SA has been authenticated with " + sa.peerAddress());
        out.accept(h + "peer matches *none* of the profiles");
        state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_R_MM5", "IKE_R_MM5");
      }
      default -> out.accept(receivedFrom(sa, "MM_KEY_EXCH"));
    }
  }

  private void initiatorReceivedMainMode(IkeSa sa, int n, List<IsakmpPayload> p) {
    String h = head(sa);
    switch (n) {
      case 1 -> {
        out.accept(receivedFrom(sa, "MM_NO_STATE"));
        state(sa, "IKE_MSG_FROM_PEER, IKE_MM_EXCH", "IKE_I_MM1", "IKE_I_MM2");
        saProposal(sa, p);
        state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_I_MM2", "IKE_I_MM2");
      }
      case 2 -> {
        out.accept(receivedFrom(sa, "MM_SA_SETUP"));
        state(sa, "IKE_MSG_FROM_PEER, IKE_MM_EXCH", "IKE_I_MM3", "IKE_I_MM4");
        keyExchange(sa, p);
        state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_I_MM4", "IKE_I_MM4");
      }
      case 3 -> {
        out.accept(receivedFrom(sa, "MM_KEY_EXCH"));
        state(sa, "IKE_MESG_FROM_PEER, IKE_MM_EXCH", "IKE_I_MM5", "IKE_I_MM6");
        out.accept(h + "processing ID payload. message ID = 0");
        out.accept(h + "processing HASH payload. message ID = 0");
        out.accept(h + "SA has been authenticated with " + sa.peerAddress());
        out.accept(h + "peer matches *none* of the profiles");
        state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE", "IKE_I_MM6", "IKE_I_MM6");
        state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_I_MM6", "IKE_P1_COMPLETE");
      }
      default -> out.accept(receivedFrom(sa, "MM_KEY_EXCH"));
    }
  }

  /** MM1 (responder) or MM2 (initiator): the SA payload checked against the policy, vendor IDs around it. */
  private void saProposal(IkeSa sa, List<IsakmpPayload> p) {
    String h = head(sa);
    out.accept(h + "processing SA payload. message ID = 0");
    vendorIds(sa, p);
    keyFound(sa);
    out.accept(h + "local preshared key found");
    out.accept("ISAKMP : Scanning profiles for xauth ...");
    TransformPayload t = firstTransform(p);
    if (t != null) {
      int priority = sa.policy() == null ? 10 : sa.policy().priority();
      out.accept(h + "Checking ISAKMP transform " + t.number() + " against priority " + priority + " policy");
      IsakmpText.phase1Attributes(t).forEach(out);
    }
    out.accept(h + "atts are acceptable. Next payload is 0");
    vendorIds(sa, p);
  }

  /** MM3 (responder) or MM4 (initiator): KE and nonce, the key looked up, SKEYID, vendor IDs, NAT-D. */
  private void keyExchange(IkeSa sa, List<IsakmpPayload> p) {
    String h = head(sa);
    for (IsakmpPayload x : p) {
      if (x instanceof KePayload) {
        out.accept(h + "processing KE payload. message ID = 0");
      } else if (x instanceof NoncePayload) {
        out.accept(h + "processing NONCE payload. message ID = 0");
      }
    }
    keyFound(sa);
    keyFound(sa);
    out.accept(h + "SKEYID state generated");
    vendorIds(sa, p);
    for (IsakmpPayload x : p) {
      if (x instanceof NatDPayload nd) {
        out.accept("ISAKMP:received payload type " + nd.type().value());
      }
    }
  }

  private void keyFound(IkeSa sa) {
    out.accept("ISAKMP: Looking for a matching key for " + sa.peerAddress() + " in default : success");
    out.accept(head(sa) + "found peer pre-shared key matching " + sa.peerAddress());
  }

  private void vendorIds(IkeSa sa, List<IsakmpPayload> p) {
    long senderCookie = sa.isInitiator() ? sa.responderCookie() : sa.initiatorCookie();
    for (IsakmpPayload x : p) {
      if (x instanceof VendorIdPayload v) {
        IsakmpText.vendorId(head(sa), v, senderCookie).forEach(out);
      }
    }
  }

  private void quickModeReceived(IkeSa sa, int mid, List<IsakmpPayload> p) {
    String h = head(sa);
    Steps st = steps(sa);
    boolean first = st.quickModeId != mid;
    st.quickModeId = mid;
    out.accept(receivedFrom(sa, "QM_IDLE"));
    if (!sa.isInitiator() && !first) {
      return; // QM3: what follows comes with the SAs (phase2Up)
    }
    if (!sa.isInitiator()) {
      out.accept("ISAKMP: set new node " + mid + " to QM_IDLE");
    }
    out.accept(h + "processing HASH payload. message ID = " + mid);
    out.accept(h + "processing SA payload. message ID = " + mid);
    TransformPayload t = firstTransform(p);
    if (t != null) {
      out.accept(h + "Checking IPsec proposal 1");
      IsakmpText.phase2Attributes(t).forEach(out);
    }
    out.accept(h + "atts are acceptable.");
    if (ipsec() && t != null) {
      out.accept("IPSEC(validate_proposal_request): proposal part #1,\n"
          + "  (key eng. msg.) INBOUND local= " + sa.localAddress() + ", remote= " + sa.peerAddress() + ",\n"
          + "    local_proxy= " + sa.localAddress() + "/255.255.255.255/47/0 (type=1),\n"
          + "    remote_proxy= " + sa.peerAddress() + "/255.255.255.255/47/0 (type=1),\n"
          + "    protocol= ESP, transform= " + IsakmpText.transformSet(t) + " ,\n"
          + "    lifedur= 0s and 0kb,\n"
          + "    spi= 0x0(0), conn_id= 0, keysize= 0, flags= 0x2");
      keiProxy();
    }
    out.accept(h + "processing NONCE payload. message ID = " + mid);
    for (IsakmpPayload x : p) {
      if (x instanceof IdPayload) {
        out.accept(h + "processing ID payload. message ID = " + mid);
      }
    }
    if (!sa.isInitiator()) {
      out.accept(h + "asking for 1 spis from ipsec");
      node(sa, mid, "IKE_MESG_FROM_PEER, IKE_QM_EXCH", "IKE_QM_READY", "IKE_QM_SPI_STARVE");
    }
  }

  private void keiProxy() {
    for (int i = 0; i < 2; i++) {
      out.accept("IPSEC(kei_proxy): head = " + tunnel.name() + "-head-0, map->ivrf = , kei->ivrf = ");
    }
  }

  private static TransformPayload firstTransform(List<IsakmpPayload> p) {
    for (IsakmpPayload x : p) {
      if (x instanceof SaPayload s && !s.proposals().isEmpty()) {
        ProposalPayload pp = s.proposals().get(0);
        return pp.transforms().isEmpty() ? null : pp.transforms().get(0);
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ messages sent

  @Override
  public void sent(IkeSa sa, int mid, ExchangeType type, List<IsakmpPayload> payloads) {
    if (!isakmp()) {
      return;
    }
    if (type.equals(ExchangeType.MAIN_MODE)) {
      int n = ++steps(sa).mainModeSent;
      if (sa.isInitiator()) {
        initiatorSentMainMode(sa, n, payloads);
      } else {
        responderSentMainMode(sa, n, payloads);
      }
    } else if (type.equals(ExchangeType.QUICK_MODE)) {
      quickModeSent(sa, mid, payloads);
    } else {
      out.accept(sendingTo(sa, "QM_IDLE"));
    }
  }

  private void responderSentMainMode(IkeSa sa, int n, List<IsakmpPayload> p) {
    switch (n) {
      case 1 -> {
        natTVendorIds(sa, p);
        out.accept(sendingTo(sa, "MM_SA_SETUP"));
        state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_R_MM1", "IKE_R_MM2");
      }
      case 2 -> {
        out.accept(sendingTo(sa, "MM_KEY_EXCH"));
        state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_R_MM3", "IKE_R_MM4");
      }
      default -> {
        if (ipsec()) {
          out.accept("IPSEC(key_engine): got a queue event...");
        }
        ownId(sa, p);
        out.accept(sendingTo(sa, "MM_KEY_EXCH"));
        state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_R_MM5", "IKE_P1_COMPLETE");
        state(sa, "IKE_MESG_INTERNAL, IKE_PHASE1_COMPLETE", "IKE_P1_COMPLETE", "IKE_P1_COMPLETE");
      }
    }
  }

  private void initiatorSentMainMode(IkeSa sa, int n, List<IsakmpPayload> p) {
    String h = head(sa);
    switch (n) {
      case 1 -> {
        out.accept("ISAKMP: received ke message (1/1)");
        out.accept("ISAKMP (0:0): SA request profile is (NULL)");
        out.accept("ISAKMP: local port 500, remote port " + sa.peerPort());
        out.accept("ISAKMP: set new node 0 to QM_IDLE");
        out.accept("ISAKMP: insert sa successfully sa = " + pointer(sa));
        out.accept(h + "Can not start Aggressive mode, trying Main mode.");
        keyFound(sa);
        natTVendorIds(sa, p);
        state(sa, "IKE_MSG_FROM_IPSEC, IKE_SA_REQ_MM", "IKE_READY", "IKE_I_MM1");
        out.accept(h + "beginning Main Mode exchange");
        out.accept(sendingTo(sa, "MM_NO_STATE"));
      }
      case 2 -> {
        out.accept(sendingTo(sa, "MM_SA_SETUP"));
        state(sa, "IKE_MSG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_I_MM2", "IKE_I_MM3");
      }
      default -> {
        for (IsakmpPayload x : p) {
          if (x instanceof NotifyPayload np && np.notifyType().equals(NotifyType.INITIAL_CONTACT)) {
            out.accept(h + "Send initial contact");
          }
        }
        ownId(sa, p);
        out.accept(sendingTo(sa, "MM_KEY_EXCH"));
        state(sa, "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE", "IKE_I_MM4", "IKE_I_MM5");
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
          case NAT_T_DRAFT_03 -> out.accept(head(sa) + "constructed NAT-T vendor-03 ID");
          case NAT_T_DRAFT_02N, NAT_T_DRAFT_02 -> out.accept(head(sa) + "constructed NAT-T vendor-02 ID");
          case NAT_T_DRAFT_07 -> out.accept(head(sa) + "constructed NAT-T vendor-07 ID");
          case NAT_T_RFC3947 -> out.accept(head(sa) + "constructed NAT-T vendor-rfc3947 ID");
          default -> { }
        }
      }
    }
  }

  /** Our identity in MM5/MM6, as the seed's {@code ISAKMP (12): ID payload} block prints it. */
  private void ownId(IkeSa sa, List<IsakmpPayload> p) {
    int id = ids.isakmp(sa);
    out.accept(head(sa) + "SA is doing pre-shared key authentication using id type ID_IPV4_ADDR");
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

  private void quickModeSent(IkeSa sa, int mid, List<IsakmpPayload> p) {
    String h = head(sa);
    Steps st = steps(sa);
    boolean first = st.quickModeId != mid;
    st.quickModeId = mid;
    if (sa.isInitiator() && first) { // QM1
      out.accept(h + "beginning Quick Mode exchange, M-ID of " + mid);
      out.accept(sendingTo(sa, "QM_IDLE"));
      node(sa, mid, "IKE_MSG_INTERNAL, IKE_INIT_QM", "IKE_QM_READY", "IKE_QM_I_QM1");
      state(sa, "IKE_MSG_INTERNAL, IKE_PHASE1_COMPLETE", "IKE_P1_COMPLETE", "IKE_P1_COMPLETE");
    } else if (sa.isInitiator()) { // QM3: IOS prints it after the SAs are created
      st.afterPhase2.add(sendingTo(sa, "QM_IDLE"));
      st.afterPhase2.add(h + "deleting node " + mid + " error FALSE reason \"\"");
      st.afterPhase2.add(h + "Node " + mid + ", Input = IKE_MSG_FROM_PEER, IKE_QM_EXCH");
      st.afterPhase2.add(h + "Old State = IKE_QM_I_QM1 New State = IKE_QM_PHASE2_COMPLETE");
    } else { // QM2
      if (ipsec()) {
        out.accept("IPSEC(key_engine): got a queue event...");
        int spi = ourSpi(p);
        out.accept("IPSEC(spi_response): getting spi " + Integer.toUnsignedString(spi) + " for SA\n"
            + "\tfrom " + sa.localAddress() + "   to " + sa.peerAddress() + "   for prot 3");
      }
      out.accept("ISAKMP: received ke message (2/1)");
      out.accept(sendingTo(sa, "QM_IDLE"));
      node(sa, mid, "IKE_MSG_FROM_IPSEC, IKE_SPI_REPLY", "IKE_QM_SPI_STARVE", "IKE_QM_R_QM2");
    }
  }

  private static int ourSpi(List<IsakmpPayload> p) {
    for (IsakmpPayload x : p) {
      if (x instanceof SaPayload s && !s.proposals().isEmpty() && s.proposals().get(0).spi().length == 4) {
        byte[] b = s.proposals().get(0).spi();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
      }
    }
    return 0;
  }

  /** The seed's {@code ISAKMP (0:10): purging node 180238748}, when a finished exchange is forgotten. */
  @Override
  public void forgotten(IkeSa sa, int mid) {
    if (isakmp()) {
      out.accept(head(sa) + "purging node " + mid);
    }
  }

  // ------------------------------------------------------------------ outcomes

  @Override
  public void phase1Up(IkeSa sa) {
    ids.isakmp(sa); // numbered by now in any case, whether or not debugging is on
  }

  @Override
  public void phase2Up(IkeSa sa, ChildSa child) {
    int inId = ids.ipsecPair(child.inbound().spi());
    int outId = inId + 1;
    Ipv4Address local = sa.localAddress();
    Ipv4Address peer = sa.peerAddress();
    EspSaParameters in = child.inbound();
    EspSaParameters o = child.outbound();
    Steps st = steps(sa);
    if (isakmp()) {
      out.accept(head(sa) + "Creating IPsec SAs");
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
        out.accept(head(sa) + "deleting node " + mid + " error FALSE reason \"quick mode done (await)\"");
        node(sa, mid, "IKE_MSG_FROM_PEER, IKE_QM_EXCH", "IKE_QM_R_QM2", "IKE_QM_PHASE2_COMPLETE");
      }
    }
    if (ipsec()) {
      out.accept("IPSEC(key_engine): got a queue event...");
      out.accept(initialize("INBOUND", local, peer, in, inId, "0x2"));
      out.accept(initialize("OUTBOUND", local, peer, o, outId, "0xA"));
      keiProxy();
      out.accept("IPSEC(add mtree): src " + local + ", dest " + peer + ", dest_port 0");
      out.accept(created(local, in, inId));
      out.accept(created(peer, o, outId));
    }
    if (isakmp()) {
      st.afterPhase2.forEach(out);
    }
    st.afterPhase2.clear();
  }

  @Override
  public void ikeSaDeleted(IkeSa sa, String reason) {
    steps.remove(sa);
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
