package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.capture.keys.WiresharkIkeSa;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IkeListener;
import dev.dmvpn.ref.ike.IkeManager;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.ipsec.EspOpenResult;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.nhrp.engine.ConnectionGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tunnel protection ipsec profile}: GRE to an NBMA peer travels inside ESP transport mode (next header 47)
 * with the peer's newest outbound SA. The first packet to a peer without SAs starts IKE (Main Mode, then Quick
 * Mode with proxies = the two public addresses, protocol 47) and is held in a small queue (IOS: "IPSEC-IFC: need
 * to wait for IPsec SAs"); it is also the {@link ConnectionGate} of the NHRP engine. Inbound ESP is opened by SPI;
 * after a rekey old inbound SAs stay until IKE deletes them (hard lifetime), so nothing in flight is lost. An SA
 * that carried 90 % of its kilobyte lifetime (either direction) makes IKE rekey at once. IKE runs
 * over UDP 500 from the tunnel source address.
 */
public final class TunnelProtection implements ConnectionGate, IkeListener {
  /** After this long without SAs a peer's connection attempt may be started again. */
  static final Duration CONNECT_RETRY = Duration.ofSeconds(10);

  private final DmvpnNode node;
  private final TunnelInterface tunnel;
  private final IkeManager ike;
  private final EspProcessor esp;
  private final int queueLimit;
  private final Map<Ipv4Address, PeerSas> peers = new HashMap<>();
  private final Map<Integer, PeerSas.Inbound> inbound = new HashMap<>();
  private final List<WiresharkEspSa> espKeys = new ArrayList<>();
  private final List<WiresharkIkeSa> ikeKeys = new ArrayList<>();

  TunnelProtection(DmvpnNode node, TunnelInterface tunnel, IkeConfig config, int queueLimit) {
    this.node = node;
    this.tunnel = tunnel;
    this.queueLimit = queueLimit;
    this.esp = new EspProcessor(node.random());
    this.ike = new IkeManager(config, (peer, port, bytes) -> sendIke(config.localAddress(), peer, port, bytes),
        node.scheduler(), node.random(), this);
  }

  public IkeManager ike() {
    return ike;
  }

  private Ipv4Address local() {
    return tunnel.sourceAddress();
  }

  private PeerSas peer(Ipv4Address nbma) {
    return peers.computeIfAbsent(nbma, PeerSas::new);
  }

  /** GRE bytes for {@code nbma}: protected now, or queued while IKE runs. */
  void send(Ipv4Address nbma, byte[] gre, int tos) {
    PeerSas ps = peer(nbma);
    if (ps.outbound != null) {
      protect(ps, nbma, gre, tos);
      return;
    }
    if (ps.queue.size() < queueLimit) {
      ps.queue.add(new PeerSas.Held(gre, tos));
      node.counters().add(NodeCounter.IPSEC_QUEUED);
    } else {
      node.drop("ipsec: need to wait for IPsec SAs", tunnel.name() + ": packet to " + nbma
          + " dropped, no IPsec SAs yet");
    }
    connect(nbma);
  }

  private void protect(PeerSas ps, Ipv4Address nbma, byte[] gre, int tos) {
    byte[] packet;
    EspSa sa = ps.outbound;
    ChildSa child = ps.outboundChild;
    try {
      packet = esp.protect(sa, 47, gre);
    } catch (IllegalStateException expired) {
      ps.outbound = null;
      ps.outboundChild = null;
      send(nbma, gre, tos);
      return;
    }
    if (child.isPastSoftVolumeLimit(sa.bytes())) {
      ike.volumeSoftLimitReached(child); // 90 % of the kilobyte lifetime: rekey while this SA still works
    }
    node.counters().add(NodeCounter.ESP_OUT);
    node.originate(IpProtocol.ESP, local(), nbma, tos, packet);
  }

  @Override
  public boolean isReady(Ipv4Address nbma) {
    PeerSas ps = peers.get(nbma);
    return ps != null && ps.outbound != null;
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
    PeerSas ps = peer(nbma);
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

  /** An ESP packet from {@code source}: opened with the inbound SA its SPI names, then GRE to the tunnel. */
  void receiveEsp(Ipv4Address source, byte[] packet) {
    if (packet.length < 8) {
      node.drop("ipsec: ESP too short", packet.length + " bytes from " + source);
      return;
    }
    int spi = ((packet[0] & 0xFF) << 24) | ((packet[1] & 0xFF) << 16) | ((packet[2] & 0xFF) << 8)
        | (packet[3] & 0xFF);
    PeerSas.Inbound in = inbound.get(spi);
    if (in == null || !in.peer().equals(source)) {
      node.drop("ipsec: no SA for SPI", "ESP SPI 0x" + Integer.toHexString(spi) + " from " + source);
      return;
    }
    EspOpenResult r = esp.open(in.sa(), packet);
    if (!r.isDelivered()) {
      node.drop("ipsec: " + r.dropReason(), "ESP from " + source + " SPI 0x" + Integer.toHexString(spi));
      return;
    }
    if (r.nextHeader() != 47) {
      node.drop("ipsec: next header not GRE", "next header " + r.nextHeader() + " from " + source);
      return;
    }
    node.counters().add(NodeCounter.ESP_IN);
    if (in.child().isPastSoftVolumeLimit(in.sa().bytes())) {
      ike.volumeSoftLimitReached(in.child());
    }
    tunnel.receiveGre(source, r.payload());
  }

  void receiveIke(Ipv4Address source, int port, byte[] message) {
    node.counters().add(NodeCounter.IKE_IN);
    ike.receive(source, port, message);
  }

  private void sendIke(Ipv4Address localAddress, Ipv4Address peer, int port, byte[] message) {
    node.counters().add(NodeCounter.IKE_OUT);
    node.originateUdp(localAddress, IkeConfig.IKE_PORT, peer, port, message);
  }

  @Override
  public void phase1Up(IkeSa sa) {
    ikeKeys.add(new WiresharkIkeSa(sa.initiatorCookieBytes(), sa.keys().encryptionKey()));
    node.events().record(NodeEventKind.IKE_PHASE1_UP, "ISAKMP SA with " + sa.peerAddress() + " up ("
        + (sa.isInitiator() ? "initiator" : "responder") + ", Main Mode " + sa.policy().describe() + ")");
  }

  @Override
  public void phase1Failed(Ipv4Address peer, String reason) {
    peer(peer).connectStartedNanos = -1;
    node.events().record(NodeEventKind.IKE_PHASE1_FAILED, "ISAKMP with " + peer + " failed: " + reason);
  }

  /** Responder: QM2 sent, the initiator may send on the new pair right behind QM3. */
  @Override
  public void inboundSaReady(IkeSa sa, ChildSa child) {
    installInbound(sa.peerAddress(), child);
  }

  private void installInbound(Ipv4Address nbma, ChildSa child) {
    inbound.computeIfAbsent(child.inbound().spi(),
        spi -> new PeerSas.Inbound(nbma, new EspSa(child.inbound(), node.scheduler().clock()), child));
  }

  @Override
  public void phase2Up(IkeSa sa, ChildSa child) {
    Ipv4Address nbma = sa.peerAddress();
    PeerSas ps = peer(nbma);
    installInbound(nbma, child);
    ps.outbound = new EspSa(child.outbound(), node.scheduler().clock());
    ps.outboundChild = child;
    ps.children.add(child);
    ps.connectStartedNanos = -1;
    espKeys.add(WiresharkEspSa.of(child.outbound(), local().toString(), nbma.toString()));
    espKeys.add(WiresharkEspSa.of(child.inbound(), nbma.toString(), local().toString()));
    node.events().record(NodeEventKind.IPSEC_SA_UP, "IPsec SAs with " + nbma + " up (Quick Mode "
        + (child.isInitiator() ? "initiator" : "responder") + ", in SPI 0x"
        + Integer.toHexString(child.inbound().spi()) + ", out SPI 0x" + Integer.toHexString(child.outbound().spi())
        + ", " + child.inbound().lifetimeSeconds() + " s)");
    ps.release(this, nbma);
  }

  /** Sends one packet that waited for the SAs (called by {@link PeerSas#release}). */
  void flushHeld(PeerSas ps, Ipv4Address nbma, PeerSas.Held h) {
    protect(ps, nbma, h.gre(), h.tos());
  }

  @Override
  public void phase2Failed(IkeSa sa, String reason) {
    peer(sa.peerAddress()).connectStartedNanos = -1;
    node.events().record(NodeEventKind.IPSEC_PHASE2_FAILED, "Quick Mode with " + sa.peerAddress() + " failed: "
        + reason);
  }

  @Override
  public void childSaDeleted(IkeSa sa, ChildSa child, String reason) {
    inbound.remove(child.inbound().spi());
    PeerSas ps = peer(sa.peerAddress());
    ps.children.remove(child);
    if (ps.outboundChild == child) {
      ChildSa newest = ps.children.isEmpty() ? null : ps.children.get(ps.children.size() - 1);
      ps.outboundChild = newest;
      ps.outbound = newest == null ? null : new EspSa(newest.outbound(), node.scheduler().clock());
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
    PeerSas ps = peers.get(nbma);
    if (sas.isEmpty() && (ps == null || ps.children.isEmpty())) {
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
