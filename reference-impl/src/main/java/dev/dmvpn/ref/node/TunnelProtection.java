package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.capture.keys.WiresharkIkeSa;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IkeListener;
import dev.dmvpn.ref.ike.IkeManager;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.ike.IkeTransport;
import dev.dmvpn.ref.ipsec.EspDataPlane;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.GreInEsp;
import dev.dmvpn.ref.ipsec.IpsecSaDatabase;
import dev.dmvpn.ref.ipsec.UdpEncapsulation;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.nhrp.engine.ConnectionGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tunnel protection ipsec profile}: GRE to an NBMA peer travels inside ESP with the peer's newest outbound
 * SA, in the mode Quick Mode agreed (tunnel: an inner IPv4 header between the two NBMA addresses, as the
 * document's transform set without {@code mode transport} gives; transport: GRE directly, next header 47; see
 * {@link GreInEsp}), as plain ESP or, after NAT traversal floated IKE to 4500, inside UDP (RFC 3948). The SAs and
 * the ESP processing are the shared {@link EspDataPlane}. The first packet to a peer without SAs starts IKE (Main
 * Mode, then Quick Mode with proxies = the two public addresses, protocol 47); with the default queue limit 0 it is
 * dropped, as IOS drops what finds no SA (the NHRP engine's own "need to wait for IPsec SAs" delay is the
 * {@link ConnectionGate}, a separate mechanism). Inbound ESP is opened by SPI; after a rekey old inbound SAs stay
 * until IKE deletes them (hard lifetime), so nothing in flight is lost. An SA that carried 90 % of its kilobyte
 * lifetime (either direction) makes IKE rekey at once. IKE runs over UDP 500 (4500 once floated) from the tunnel
 * source address.
 */
public final class TunnelProtection implements ConnectionGate, IkeListener {
  /** TTL of the tunnel-mode inner header: what the GRE packet would carry in clear (IOS originates with 255). */
  static final int INNER_TTL = 255;
  /** After this long without SAs a peer's connection attempt may be started again. */
  static final Duration CONNECT_RETRY = Duration.ofSeconds(10);

  private final NodeServices node;
  private final ProtectedTunnel tunnel;
  private final IkeManager ike;
  private final EspDataPlane<ChildSa> esp;
  private final int queueLimit;
  private final Map<Ipv4Address, PeerConnection> peers = new HashMap<>();
  private final List<WiresharkEspSa> espKeys = new ArrayList<>();
  private final List<WiresharkIkeSa> ikeKeys = new ArrayList<>();
  private final List<IkeListener> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

  TunnelProtection(NodeServices node, ProtectedTunnel tunnel, IkeConfig config, int queueLimit) {
    this.node = node;
    this.tunnel = tunnel;
    this.queueLimit = queueLimit;
    this.esp = new EspDataPlane<>(new EspProcessor(node.random()), node.scheduler().clock(), new NodeOutput(),
        ChildSa::isPastSoftVolumeLimit);
    this.ike = new IkeManager(config, new IkeOverUdp(config.localAddress()), node.scheduler(), node.random(), this);
    esp.onDrop(node::drop);
    esp.onSoftLimit(ike::volumeSoftLimitReached); // 90 % of the kilobyte lifetime: rekey while the SA still works
    esp.onReceive(this::fromEsp);
  }

  /** The ESP data plane (SA database and counters). */
  /**
   * Adds a read-only observer of what IKE reports (Phase 1 up, IPsec SAs installed or deleted), told after the
   * tunnel acted on it: the virtual rack's {@code debug crypto} printer. Call on the scheduler thread.
   */
  public void addObserver(IkeListener observer) {
    observers.add(observer);
  }

  public EspDataPlane<ChildSa> dataPlane() {
    return esp;
  }

  public IkeManager ike() {
    return ike;
  }

  private Ipv4Address local() {
    return tunnel.sourceAddress();
  }

  private PeerConnection peer(Ipv4Address nbma) {
    return peers.computeIfAbsent(nbma, PeerConnection::new);
  }

  /** GRE bytes for {@code nbma}: protected now, or queued (up to the limit) or dropped while IKE runs. */
  void send(Ipv4Address nbma, byte[] gre, int tos) {
    EspDataPlane.SendResult r = esp.sendGre(local(), nbma, gre, tos, INNER_TTL, node.nextIdentification());
    if (r == EspDataPlane.SendResult.SENT) {
      node.counters().add(NodeCounter.ESP_OUT);
      return;
    }
    if (r == EspDataPlane.SendResult.NOT_SENT) {
      return; // the node counted the routing failure
    }
    PeerConnection ps = peer(nbma);
    if (ps.queue.size() < queueLimit) {
      ps.queue.add(new PeerConnection.Held(gre, tos));
      node.counters().add(NodeCounter.IPSEC_QUEUED);
    } else {
      node.drop("ipsec: need to wait for IPsec SAs", tunnel.name() + ": packet to " + nbma
          + " dropped, no IPsec SAs yet");
    }
    connect(nbma);
  }

  @Override
  public boolean isReady(Ipv4Address nbma) {
    return esp.sad().outbound(nbma) != null;
  }

  @Override
  public void whenReady(Ipv4Address nbma, Runnable onReady) {
    if (isReady(nbma)) {
      onReady.run();
      return;
    }
    peer(nbma).waiters.add(onReady);
    connect(nbma);
  }

  /**
   * Starts IKE towards {@code nbma} unless an attempt is under way: ours (within {@link #CONNECT_RETRY}), or the
   * peer's Main Mode with us as responder (its Quick Mode will follow; starting our own would only duplicate).
   */
  private void connect(Ipv4Address nbma) {
    PeerConnection ps = peer(nbma);
    long now = node.scheduler().clock().nanoTime();
    if (ps.connectStartedNanos >= 0 && now - ps.connectStartedNanos < CONNECT_RETRY.toNanos()) {
      return;
    }
    ps.connectStartedNanos = now;
    for (IkeSa sa : ike.ikeSas()) {
      if (sa.peerAddress().equals(nbma) && !sa.isInitiator() && sa.state() == IkeSa.State.CONNECTING) {
        return;
      }
    }
    node.events().record(NodeEventKind.IPSEC_CONNECT, "IPSEC-IFC: need to wait for IPsec SAs to " + nbma
        + ": starting IKE from " + local());
    ike.connect(nbma);
  }

  /** An ESP packet from {@code source} (IP protocol 50): opened with the inbound SA its SPI names. */
  void receiveEsp(Ipv4Address source, byte[] packet) {
    esp.receive(source, packet, 0, packet.length);
  }

  /**
   * A UDP 4500 datagram from {@code source}: ESP-in-UDP (SPI first), IKE behind the non-ESP marker, or a
   * NAT-keepalive (RFC 3948 section 2), sorted by {@link UdpEncapsulation#carriesEsp}.
   */
  void receiveNatT(Ipv4Address source, int sourcePort, byte[] payload) {
    if (UdpEncapsulation.carriesEsp(payload, 0, payload.length)) {
      esp.receive(source, payload, 0, payload.length);
    } else {
      node.counters().add(NodeCounter.IKE_IN);
      ike.receive(source, sourcePort, IkeConfig.NAT_T_PORT, payload);
    }
  }

  /** What an authenticated ESP packet carried: GRE, found by the SA's mode, to the tunnel. */
  private void fromEsp(Ipv4Address source, IpsecSaDatabase.Entry<ChildSa> sa, int nextHeader, byte[] buf, int off,
      int len) {
    GreInEsp.Unframed u = GreInEsp.unframe(sa.mode(), source, local(), nextHeader, buf, off, len);
    if (!u.ok()) {
      node.drop("ipsec: not GRE between the SA's peers", u.refusal() + " (from " + source + ")");
      return;
    }
    node.counters().add(NodeCounter.ESP_IN);
    tunnel.receiveGre(source, u.gre());
  }

  void receiveIke(Ipv4Address source, int port, byte[] message) {
    node.counters().add(NodeCounter.IKE_IN);
    ike.receive(source, port, message);
  }

  /** IKE leaves from our UDP 500, or 4500 once NAT traversal floated (marker and keepalives included). */
  private final class IkeOverUdp implements IkeTransport {
    private final Ipv4Address localAddress;

    IkeOverUdp(Ipv4Address localAddress) {
      this.localAddress = localAddress;
    }

    @Override
    public void send(Ipv4Address peer, int port, byte[] message) {
      sendFrom(IkeConfig.IKE_PORT, peer, port, message);
    }

    @Override
    public void sendFrom(int localPort, Ipv4Address peer, int peerPort, byte[] udpPayload) {
      node.counters().add(NodeCounter.IKE_OUT);
      node.originateUdp(localAddress, localPort, peer, peerPort, udpPayload);
    }
  }

  /** Plain ESP or ESP-in-UDP from the tunnel source, routed by the node (TTL 255, TOS copied from GRE). */
  private final class NodeOutput implements EspDataPlane.Output {
    @Override
    public boolean sendEsp(Ipv4Address peer, int tos, byte[] packet) {
      return node.originate(IpProtocol.ESP, local(), peer, tos, packet);
    }

    @Override
    public boolean sendUdp(int localPort, Ipv4Address peer, int remotePort, int tos, byte[] packet) {
      byte[] udp = UdpCodec.encode(UdpDatagram.of(localPort, remotePort, packet), local(), peer);
      return node.originate(IpProtocol.UDP, local(), peer, tos, udp);
    }
  }

  @Override
  public void phase1Up(IkeSa sa) {
    ikeKeys.add(new WiresharkIkeSa(sa.initiatorCookieBytes(), sa.keys().encryptionKey()));
    for (IkeListener o : observers) {
      o.phase1Up(sa);
    }
    node.events().record(NodeEventKind.IKE_PHASE1_UP, "ISAKMP SA with " + sa.peerAddress() + " up ("
        + (sa.isInitiator() ? "initiator" : "responder") + ", Main Mode " + sa.policy().describe() + ")");
  }

  @Override
  public void phase1Failed(Ipv4Address peer, String reason) {
    peer(peer).connectStartedNanos = -1;
    node.events().record(NodeEventKind.IKE_PHASE1_FAILED, "ISAKMP with " + peer + " failed: " + reason);
  }

  @Override
  public void phase1BadMessage(Ipv4Address peer, String reason) {
    node.events().record(NodeEventKind.IKE_BAD_MESSAGE, "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from " + peer
        + " failed its sanity check or is malformed (" + reason + ")");
  }

  /** Responder: QM2 sent, the initiator may send on the new pair right behind QM3. */
  @Override
  public void inboundSaReady(IkeSa sa, ChildSa child) {
    esp.sad().installInbound(sa.peerAddress(), child, child.inbound());
  }

  @Override
  public void phase2Up(IkeSa sa, ChildSa child) {
    Ipv4Address nbma = sa.peerAddress();
    esp.sad().install(nbma, child, child.inbound(), child.outbound(), child.udpEncapsulation());
    PeerConnection ps = peer(nbma);
    ps.connectStartedNanos = -1;
    espKeys.add(WiresharkEspSa.of(child.outbound(), local().toString(), nbma.toString()));
    espKeys.add(WiresharkEspSa.of(child.inbound(), nbma.toString(), local().toString()));
    node.events().record(NodeEventKind.IPSEC_SA_UP, "IPsec SAs with " + nbma + " up (Quick Mode "
        + (child.isInitiator() ? "initiator" : "responder") + ", " + child.inbound().mode().name().toLowerCase()
        + " mode" + (child.isUdpEncapsulated() ? " in UDP" : "") + ", in SPI 0x"
        + Integer.toHexString(child.inbound().spi()) + ", out SPI 0x" + Integer.toHexString(child.outbound().spi())
        + ", " + child.inbound().lifetimeSeconds() + " s)");
    for (IkeListener o : observers) {
      o.phase2Up(sa, child);
    }
    ps.release(this);
  }

  @Override
  public void phase2Failed(IkeSa sa, String reason) {
    peer(sa.peerAddress()).connectStartedNanos = -1;
    node.events().record(NodeEventKind.IPSEC_PHASE2_FAILED, "Quick Mode with " + sa.peerAddress() + " failed: "
        + reason);
  }

  @Override
  public void childSaDeleted(IkeSa sa, ChildSa child, String reason) {
    esp.sad().remove(child); // outbound traffic falls back to the next newest pair, if any
    for (IkeListener o : observers) {
      o.childSaDeleted(sa, child, reason);
    }
    node.events().record(NodeEventKind.IPSEC_SA_DOWN, "IPsec SAs with " + sa.peerAddress() + " down (in SPI 0x"
        + Integer.toHexString(child.inbound().spi()) + "): " + reason);
  }

  @Override
  public void ikeSaDeleted(IkeSa sa, String reason) {
    node.events().record(NodeEventKind.IKE_SA_DOWN, "ISAKMP SA with " + sa.peerAddress() + " down: " + reason);
  }

  /**
   * Idle teardown of a spoke-to-spoke tunnel (the last NHRP entry via {@code nbma} expired): deletes every IPsec
   * SA pair and the ISAKMP SA with that peer, each announced by an ISAKMP Delete, and forgets the peer's state,
   * so the next packet to it starts IKE afresh. Returns whether there was anything to tear down.
   */
  boolean teardown(Ipv4Address nbma, String why) {
    List<IkeSa> sas = new ArrayList<>();
    for (IkeSa sa : ike.ikeSas()) {
      if (sa.peerAddress().equals(nbma)) {
        sas.add(sa);
      }
    }
    if (sas.isEmpty() && esp.sad().entries(nbma).isEmpty()) {
      peers.remove(nbma);
      return false;
    }
    int pairs = 0;
    for (IkeSa sa : sas) {
      for (ChildSa child : List.copyOf(sa.childSas())) {
        ike.deleteChildSa(sa, child);
        pairs++;
      }
      ike.deleteIkeSa(sa);
    }
    peers.remove(nbma);
    node.events().record(NodeEventKind.IDLE_TEARDOWN, tunnel.name() + ": tunnel to " + nbma + " torn down ("
        + why + "): " + pairs + " IPsec SA pair(s) and " + sas.size() + " ISAKMP SA(s) deleted");
    return true;
  }

  /** Whether an outbound SA to {@code nbma} exists (the same as {@link #isReady}). */
  public boolean hasSas(Ipv4Address nbma) {
    return isReady(nbma);
  }

  /** Wireshark {@code esp_sa} rows for every SA pair this node has installed (both directions). */
  public List<WiresharkEspSa> espKeys() {
    return List.copyOf(espKeys);
  }

  /** Wireshark {@code ikev1_decryption_table} rows for every ISAKMP SA this node completed. */
  public List<WiresharkIkeSa> ikeKeys() {
    return List.copyOf(ikeKeys);
  }
}
