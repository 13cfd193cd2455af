package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.gre.GreCodec;
import dev.dmvpn.ref.gre.GrePacket;
import dev.dmvpn.ref.gre.GreProtocolType;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.nhrp.NhrpCodec;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.engine.ConnectionGate;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheEntry;
import dev.dmvpn.ref.nhrp.engine.NhrpEngine;
import dev.dmvpn.ref.nhrp.engine.NhrpNhs;
import dev.dmvpn.ref.nhrp.engine.NhrpRouting;
import dev.dmvpn.ref.nhrp.engine.NhrpTransport;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import java.util.List;
import java.util.Objects;

/**
 * An mGRE tunnel interface with its NHRP engine and optional {@code tunnel protection}.
 *
 * <p><b>Send path</b> (a packet routed into the tunnel with tunnel next hop X): the NBMA address comes from the
 * NHRP cache. On a spoke, traffic whose next hop is an NHS (the routes the hub advertises) first asks the engine
 * for a shortcut to the destination itself: a usable resolved entry sends spoke to spoke; otherwise the engine
 * starts a Resolution Request (IOS phase 2) and the packet goes via the NHS meanwhile. The same happens for a next
 * hop without a mapping (another spoke's tunnel address). GRE carries IPv4 as 0x0800 and NHRP as 0x2001; outer
 * IP has TTL 255, DF clear, TOS copied from the inner packet, 0xC0 for NHRP (as IOS). With protection, GRE goes
 * through {@link TunnelProtection} (ESP in the negotiated mode); without, as IP protocol 47. Multicast is
 * replicated by
 * {@link TunnelMulticast}; expired spoke-to-spoke entries tear their SAs down through {@link IdleTeardown}.
 */
public final class TunnelInterface implements NodeInterface, NhrpTransport, NhrpRouting {
  /** Outer TOS of NHRP packets (CS6), as every IOS capture shows (protocol-notes 1). */
  static final int NHRP_TOS = 0xC0;

  private final NodeServices node;
  private final TunnelConfig config;
  private final PhysicalInterface source;
  private final TunnelProtection protection;
  private final NhrpEngine engine;
  private final TunnelMulticast multicast;
  private final java.util.Map<Ipv4Address, Long> dataOut = new java.util.HashMap<>();
  private final List<TunnelTrace> traces = new java.util.concurrent.CopyOnWriteArrayList<>();

  TunnelInterface(NodeServices node, TunnelConfig config, PhysicalInterface source) {
    this.node = node;
    this.config = config;
    this.source = source;
    this.protection = config.protection() == null ? null
        : new TunnelProtection(node, new AsProtected(), config.protection(), config.ipsecQueueLimit());
    ConnectionGate gate = protection == null ? ConnectionGate.ALWAYS_READY : protection;
    this.engine = new NhrpEngine(config.nhrp(), node.scheduler(), this, this, gate);
    this.engine.events().addListener(e -> node.events().record(NodeEventKind.NHRP, NhrpEventText.of(e)));
    if (protection != null) {
      this.engine.cache().onExpired(new IdleTeardown(engine, protection)::entryExpired);
    }
    this.multicast = new TunnelMulticast(node, this);
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public List<InterfaceAddress> addresses() {
    return List.of(new InterfaceAddress(config.nhrp().tunnelAddress(), config.nhrp().tunnelPrefixLength()));
  }

  @Override
  public int mtu() {
    return config.ipMtu();
  }

  public TunnelConfig config() {
    return config;
  }

  /** Adds an observer of NHRP and data packets ({@code debug nhrp}); call on the scheduler thread. */
  public void addTrace(TunnelTrace trace) {
    traces.add(trace);
  }

  public void removeTrace(TunnelTrace trace) {
    traces.remove(trace);
  }

  void traceForwardedWithin() {
    for (TunnelTrace t : traces) {
      t.forwardedWithinTunnel(this);
    }
  }

  public NhrpEngine nhrp() {
    return engine;
  }

  /** The IPsec side, or {@code null} without {@code tunnel protection}. */
  public TunnelProtection protection() {
    return protection;
  }

  /** The tunnel source (NBMA) address. */
  public Ipv4Address sourceAddress() {
    return config.nhrp().nbmaAddress();
  }

  PhysicalInterface sourceInterface() {
    return source;
  }

  @Override
  public void output(Ipv4Address nextHop, byte[] raw, Ipv4Packet packet) {
    if (IpPackets.isMulticast(packet.destination())) {
      multicast.replicate(raw, packet);
      return;
    }
    Ipv4Address nbma = nbmaFor(packet.destination(), nextHop);
    if (nbma == null) {
      node.drop("tunnel: no NHRP mapping", name() + ": encapsulation failed for " + packet.destination()
          + " via " + nextHop);
      return;
    }
    synchronized (dataOut) {
      dataOut.merge(nbma, 1L, Long::sum);
    }
    sendGre(nbma, GreProtocolType.IPV4, raw, packet.tos());
  }

  /**
   * Sends a multicast packet from the tunnel address (an EIGRP hello: protocol 88 to 224.0.0.10) to every NBMA
   * address of the replication list; call on the scheduler thread. Returns the number of copies.
   */
  public int sendMulticast(IpProtocol protocol, Ipv4Address group, byte[] payload) {
    return multicast.originate(protocol, group, node.nextIdentification(), payload);
  }

  /** Multicast packets received over this tunnel and delivered locally, oldest first (the first 256). */
  public List<Ipv4Packet> multicastReceived() {
    return multicast.received();
  }

  void deliverMulticast(Ipv4Packet p) {
    multicast.received(p);
  }

  /** IPv4 data packets (not NHRP) this tunnel has encapsulated towards {@code nbma}. */
  public long dataPacketsTo(Ipv4Address nbma) {
    synchronized (dataOut) {
      return dataOut.getOrDefault(nbma, 0L);
    }
  }

  /** The NBMA address for {@code destination} routed to tunnel next hop {@code nextHop}, or {@code null}. */
  Ipv4Address nbmaFor(Ipv4Address destination, Ipv4Address nextHop) {
    Ipv4Address viaNextHop = engine.cache().nbmaFor(nextHop);
    boolean viaNhs = isNhs(nextHop) && !destination.equals(nextHop);
    if ((viaNextHop == null || viaNhs) && !engine.config().nhs().isEmpty()) {
      NhrpCacheEntry shortcut = engine.resolve(viaNhs ? destination : nextHop);
      if (shortcut != null && shortcut.usable()) {
        return shortcut.nbma();
      }
      if (viaNextHop == null) {
        viaNextHop = engine.config().nhsNbma(engine.config().nhs().get(0)); // via the hub while resolving
      }
      Ipv4Address nhs = viaNhs ? nextHop : engine.config().nhs().get(0).protocol();
      for (TunnelTrace t : traces) {
        t.dataViaNhs(this, nhs);
      }
    }
    return viaNextHop;
  }

  private boolean isNhs(Ipv4Address a) {
    for (NhrpNhs n : engine.config().nhs()) {
      if (n.protocol().equals(a)) {
        return true;
      }
    }
    return false;
  }

  /** {@link NhrpTransport}: NHRP in GRE 0x2001 with outer TOS 0xC0. */
  @Override
  public void send(Ipv4Address nbmaDestination, NhrpPacket p) {
    node.counters().add(NodeCounter.NHRP_OUT);
    byte[] bytes = NhrpCodec.encode(p);
    for (TunnelTrace t : traces) {
      t.nhrpSent(this, nbmaDestination, p, bytes.length);
    }
    sendGre(nbmaDestination, GreProtocolType.NHRP, bytes, NHRP_TOS);
  }

  /** {@link NhrpRouting}: the tunnel next hop of {@code destination} when the node routes it into this tunnel. */
  @Override
  public Ipv4Address nextHop(Ipv4Address destination) {
    NodeRoutingTable.Hop hop = node.routes().resolve(destination);
    return hop != null && hop.iface() == this ? hop.nextHop() : null;
  }

  void sendGre(Ipv4Address nbma, GreProtocolType type, byte[] payload, int tos) {
    byte[] gre = GreCodec.encode(GrePacket.of(type, config.key(), payload));
    node.counters().add(NodeCounter.GRE_OUT);
    if (protection != null) {
      protection.send(nbma, gre, tos);
    } else {
      node.originate(IpProtocol.GRE, sourceAddress(), nbma, tos, gre);
    }
  }

  /** Cleartext GRE from {@code nbmaSource}: refused when the tunnel is protected (IOS drops clear packets). */
  void receiveClearGre(Ipv4Address nbmaSource, byte[] gre) {
    if (protection != null) {
      node.drop("ipsec: cleartext GRE on protected tunnel", name() + ": clear GRE from " + nbmaSource);
      return;
    }
    receiveGre(nbmaSource, gre);
  }

  /** A GRE packet from {@code nbmaSource} (decrypted already when protected). */
  void receiveGre(Ipv4Address nbmaSource, byte[] bytes) {
    DecodeResult<GrePacket> r = GreCodec.decode(ByteReader.of(bytes));
    if (!r.isOk()) {
      node.drop("gre: malformed", r.error().toString());
      return;
    }
    GrePacket g = r.value();
    if (!Objects.equals(g.key(), config.key())) {
      node.drop("gre: key mismatch", name() + ": key " + g.key() + " from " + nbmaSource + ", ours "
          + config.key());
      return;
    }
    node.counters().add(NodeCounter.GRE_IN);
    int type = g.protocolType().value();
    if (type == GreProtocolType.NHRP.value()) {
      receiveNhrp(nbmaSource, g.payload());
    } else if (type == GreProtocolType.IPV4.value()) {
      receiveIpv4(g.payload());
    } else {
      node.drop("gre: unsupported protocol type", "0x" + Integer.toHexString(type) + " from " + nbmaSource);
    }
  }

  private void receiveNhrp(Ipv4Address nbmaSource, byte[] payload) {
    DecodeResult<NhrpPacket> r = NhrpCodec.decode(ByteReader.of(payload));
    if (!r.isOk()) {
      node.drop("nhrp: malformed", r.error().toString());
      return;
    }
    node.counters().add(NodeCounter.NHRP_IN);
    for (TunnelTrace t : traces) {
      t.nhrpReceived(this, nbmaSource, r.value(), payload.length);
    }
    engine.receive(nbmaSource, r.value());
    for (TunnelTrace t : traces) {
      t.nhrpHandled(this, nbmaSource, r.value());
    }
  }

  private void receiveIpv4(byte[] payload) {
    DecodeResult<Ipv4Packet> r = Ipv4Codec.decode(ByteReader.of(payload));
    if (!r.isOk() || r.value().truncated() || !r.value().checksumValid()) {
      node.drop("gre: bad inner IPv4", r.isOk() ? "truncated or bad checksum" : r.error().toString());
      return;
    }
    Ipv4Packet p = r.value();
    byte[] raw = payload.length == p.totalLength() ? payload : java.util.Arrays.copyOf(payload, p.totalLength());
    node.receive(this, p, raw);
  }

  @Override
  public String toString() {
    return name() + " " + addresses() + " source " + sourceAddress() + " key " + config.key();
  }

  /** This tunnel as its protection sees it ({@link ProtectedTunnel}), without widening the public API. */
  private final class AsProtected implements ProtectedTunnel {
    @Override
    public String name() {
      return TunnelInterface.this.name();
    }

    @Override
    public Ipv4Address sourceAddress() {
      return TunnelInterface.this.sourceAddress();
    }

    @Override
    public void receiveGre(Ipv4Address nbmaSource, byte[] gre) {
      TunnelInterface.this.receiveGre(nbmaSource, gre);
    }
  }
}
