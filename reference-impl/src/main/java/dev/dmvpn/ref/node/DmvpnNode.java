package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IcmpType;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.nhrp.engine.NhrpPrefix;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.Port;
import dev.dmvpn.ref.wire.ip.ArpSettings;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Interface;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DMVPN router, hub or spoke: physical interfaces (IPv4 + ARP on a {@link Port}), LAN/loopback interfaces, mGRE
 * tunnels with NHRP and {@code tunnel protection}, an IPv4 routing table (connected, static, and the routes a
 * routing protocol would install), forwarding, ICMP, and a structured event log with counters.
 *
 * <p>Configure it (interfaces, tunnels, routes), then {@link #start()} it. Everything runs on the scheduler's
 * thread: configuration before start may happen on any one thread; afterwards call {@link #ping} and the other
 * actions from a scheduler task ({@link #execute}). Not thread-safe otherwise, except the event log and counters.
 */
public final class DmvpnNode {
  private final String name;
  private final SafeScheduler scheduler;
  private final RandomSource random;
  private final NodeEventLog events;
  private final NodeCounters counters = new NodeCounters();
  private final NodeRoutingTable routes = new NodeRoutingTable();
  private final List<NodeInterface> interfaces = new ArrayList<>();
  private final Map<String, TunnelInterface> tunnels = new LinkedHashMap<>();
  private final List<Pinger> pingers = new ArrayList<>();
  private final IpForwarder forwarder;
  private final IosImage image;
  private final Services services = new Services();
  private NodeEigrp eigrp;
  private int nextIdentification = 1;
  private int nextPingIdentifier = 1;
  private final List<Tracer> tracers = new ArrayList<>();

  /** A node running the document's image ({@link IosImage#DEFAULT}). */
  public DmvpnNode(String name, Scheduler scheduler, RandomSource random) {
    this(name, scheduler, random, IosImage.DEFAULT);
  }

  /**
   * A node running {@code image}: the node applies the image's ISAKMP TOS; its tunnels take the image's NHRP
   * options and Main Mode vendor IDs from their {@link TunnelConfig} (see {@link IosImage#applyTo}).
   */
  public DmvpnNode(String name, Scheduler scheduler, RandomSource random, IosImage image) {
    this.image = java.util.Objects.requireNonNull(image, "image");
    this.name = name;
    this.events = new NodeEventLog(name, scheduler.clock());
    this.scheduler = new SafeScheduler(scheduler, this::internalError);
    this.random = random;
    this.forwarder = new IpForwarder(services);
  }

  public String name() {
    return name;
  }

  /** The IOS image this node behaves as. */
  public IosImage image() {
    return image;
  }

  /** {@code interface FastEthernet0/0} with {@code ip address}: IPv4 and ARP on {@code port}. */
  public PhysicalInterface addPhysical(String ifName, Port port, InterfaceAddress address) {
    Ipv4Interface ip = new Ipv4Interface(name + "/" + ifName, port, scheduler, ArpSettings.defaults());
    ip.addAddress(address);
    PhysicalInterface phy = new PhysicalInterface(ip);
    ip.onIpv4((in, p, raw) -> scheduler.run(() -> receive(phy, p, raw)));
    ip.arp().onFailure((hop, packets) -> drop("arp: no answer", packets.size() + " packets for " + hop));
    interfaces.add(phy);
    routes.add(new NodeRoute(address.subnet(), null, phy, NodeRoute.Origin.CONNECTED));
    return phy;
  }

  /** A LAN or loopback interface that is just {@code address} (pings to and from it work). */
  public LanInterface addLan(String ifName, InterfaceAddress address) {
    LanInterface lan = new LanInterface(this, ifName, address);
    interfaces.add(lan);
    routes.add(new NodeRoute(address.subnet(), null, lan, NodeRoute.Origin.CONNECTED));
    return lan;
  }

  /** An mGRE tunnel; its source interface must exist with the NHRP configuration's NBMA address. */
  public TunnelInterface addTunnel(TunnelConfig config) {
    PhysicalInterface source = null;
    for (NodeInterface i : interfaces) {
      if (i instanceof PhysicalInterface p && p.name().endsWith("/" + config.sourceInterface())) {
        source = p;
      }
    }
    if (source == null || !source.owns(config.nhrp().nbmaAddress())) {
      throw new IllegalArgumentException(config.name() + ": tunnel source " + config.sourceInterface()
          + " is not a physical interface with address " + config.nhrp().nbmaAddress());
    }
    TunnelInterface t = new TunnelInterface(services, config, source);
    interfaces.add(t);
    tunnels.put(config.name(), t);
    routes.add(new NodeRoute(new Ipv4Prefix(config.nhrp().tunnelAddress(), config.nhrp().tunnelPrefixLength()),
        null, t, NodeRoute.Origin.CONNECTED));
    return t;
  }

  /** {@code ip route prefix nextHop}. */
  public void addStaticRoute(Ipv4Prefix prefix, Ipv4Address nextHop) {
    addRoute(prefix, nextHop, NodeRoute.Origin.STATIC);
  }

  /** A route as a routing protocol would install it (the document's EIGRP routes). */
  public void addRoute(Ipv4Prefix prefix, Ipv4Address nextHop, NodeRoute.Origin origin) {
    routes.add(new NodeRoute(prefix, nextHop, null, origin));
  }

  /**
   * {@code router eigrp}: runs EIGRP on the interfaces the setup's {@code network} lines cover (add every
   * interface first); it starts with {@link #start()}. Replaces the static routes a scenario would otherwise give.
   */
  public NodeEigrp enableEigrp(EigrpSetup setup) {
    if (eigrp != null) {
      throw new IllegalStateException(name + ": EIGRP is already enabled");
    }
    eigrp = new NodeEigrp(this, setup);
    return eigrp;
  }

  /** The EIGRP process, or {@code null} without {@link #enableEigrp}. */
  public NodeEigrp eigrp() {
    return eigrp;
  }

  /**
   * Starts every tunnel: the LAN subnets become prefixes NHRP answers for, static maps are installed and the
   * spokes start registering (which brings up IKE with the hub); then EIGRP, if enabled.
   */
  public void start() {
    for (TunnelInterface t : tunnels.values()) {
      for (NodeInterface i : interfaces) {
        if (i instanceof LanInterface lan) {
          for (InterfaceAddress a : lan.addresses()) {
            t.nhrp().addLocalPrefix(NhrpPrefix.of(a.address(), a.prefixLength()));
          }
        }
      }
      t.nhrp().start();
    }
    if (eigrp != null) {
      eigrp.start();
    }
  }

  /**
   * Stops NHRP registration on every tunnel (caches and SAs stay until they expire) and EIGRP (a goodbye to the
   * neighbours, its routes withdrawn).
   */
  public void stop() {
    for (TunnelInterface t : tunnels.values()) {
      t.nhrp().stop();
    }
    if (eigrp != null) {
      eigrp.stop();
    }
  }

  /** Runs {@code action} as a task of the node's scheduler (exceptions are logged as internal errors). */
  public void execute(Runnable action) {
    scheduler.schedule(Duration.ZERO, action);
  }

  /**
   * {@code ping destination source source repeat count timeout seconds size size}: call on the scheduler thread
   * (inside {@link #execute}).
   */
  public Pinger ping(Ipv4Address source, Ipv4Address destination, int count, Duration timeout, int size) {
    Pinger p = new Pinger(this, source, destination, count, timeout, size, nextPingIdentifier++);
    pingers.add(p);
    p.start();
    return p;
  }

  /**
   * {@code ping destination repeat count timeout seconds size size} without {@code source}: as IOS, the echoes
   * leave from the address of the interface the destination is routed out of (the document's {@code ping
   * 2.2.2.2} on sv9-4 sends from Tunnel0's 192.168.1.3). Call on the scheduler thread.
   *
   * @throws IllegalStateException when the destination has no route (IOS: "% Unrecognized host or address")
   */
  public Pinger ping(Ipv4Address destination, int count, Duration timeout, int size) {
    NodeRoutingTable.Hop hop = routes().resolve(destination);
    if (hop == null || hop.iface().addresses().isEmpty()) {
      throw new IllegalStateException(name + ": no route to " + destination + " to choose a ping source from");
    }
    return ping(hop.iface().addresses().get(0).address(), destination, count, timeout, size);
  }

  /**
   * {@code traceroute destination} ({@link Tracer}): {@code source} null picks the address of the interface the
   * destination is routed out of, as {@link #ping(Ipv4Address, int, Duration, int)}. Call on the scheduler thread.
   *
   * @throws IllegalStateException when the destination has no route
   */
  public Tracer traceroute(Ipv4Address source, Ipv4Address destination, int probes, Duration timeout, int minTtl,
      int maxTtl, Tracer.Listener listener) {
    Ipv4Address from = source;
    if (from == null) {
      NodeRoutingTable.Hop hop = routes().resolve(destination);
      if (hop == null || hop.iface().addresses().isEmpty()) {
        throw new IllegalStateException(name + ": no route to " + destination + " to choose a trace source from");
      }
      from = hop.iface().addresses().get(0).address();
    }
    tracers.removeIf(Tracer::done);
    Tracer t = new Tracer(this, from, destination, probes, timeout, minTtl, maxTtl,
        49152 + (nextPingIdentifier++ & 0x3FFF), listener);
    tracers.add(t);
    t.start();
    return t;
  }

  /** {@link TunnelInterface#sendMulticast} on tunnel {@code tunnelName} (a routing protocol's hello). */
  public int sendMulticast(String tunnelName, IpProtocol protocol, Ipv4Address group, byte[] payload) {
    TunnelInterface t = tunnels.get(tunnelName);
    if (t == null) {
      throw new IllegalArgumentException("no tunnel " + tunnelName);
    }
    return t.sendMulticast(protocol, group, payload);
  }

  // ---- the data path (package-private) ----

  void receive(NodeInterface in, Ipv4Packet p, byte[] raw) {
    forwarder.receive(in, p, raw);
  }

  /** Sends a packet this node originates: TTL 255, DF clear, routed (fragmented over the tunnel MTU). */
  boolean originate(IpProtocol protocol, Ipv4Address source, Ipv4Address destination, int tos, byte[] payload) {
    return originate(protocol, source, destination, tos, 255, payload);
  }

  /** {@link #originate} with a given TTL (EIGRP's 2). */
  boolean originate(IpProtocol protocol, Ipv4Address source, Ipv4Address destination, int tos, int ttl,
      byte[] payload) {
    Ipv4Packet p = Ipv4Packet.of(protocol, source, destination, tos, ttl, nextIdentification(), false, payload);
    NodeRoutingTable.Hop hop = routes.resolve(destination);
    if (hop == null) {
      drop("ip: no route", "originated " + protocol + " " + source + " -> " + destination);
      return false;
    }
    if (hop.iface() instanceof TunnelInterface && (protocol.value() == 47 || protocol.value() == 50)) {
      drop("tunnel: recursive routing", "outer " + protocol + " to " + destination + " routed into "
          + hop.iface().name());
      return false;
    }
    counters.add(NodeCounter.IP_ORIGINATED);
    forwarder.output(null, hop, Ipv4Codec.encode(p), p);
    return true;
  }

  void originateUdp(Ipv4Address source, int sourcePort, Ipv4Address destination, int destinationPort,
      byte[] payload) {
    byte[] udp = UdpCodec.encode(UdpDatagram.of(sourcePort, destinationPort, payload), source, destination);
    originate(IpProtocol.UDP, source, destination, image.isakmpTos(), udp); // IKE is the only UDP we originate
  }

  void icmpReceived(Ipv4Packet p, IcmpPacket m) {
    if (m.type().value() == IcmpType.ECHO_REPLY.value()) {
      for (Pinger pinger : pingers) {
        if (pinger.onReply(p.source(), m)) {
          return;
        }
      }
      drop("icmp: unexpected echo reply", "from " + p.source());
    }
    // ICMP errors for our packets: a traceroute's answers; others counted as delivered, nothing more to do
    if (m.type().value() == IcmpType.TIME_EXCEEDED.value()
        || m.type().value() == IcmpType.DESTINATION_UNREACHABLE.value()) {
      for (Tracer t : List.copyOf(tracers)) {
        if (t.onIcmpError(p.source(), m)) {
          return;
        }
      }
    }
  }

  int nextIdentification() {
    int id = nextIdentification;
    nextIdentification = (nextIdentification + 1) & 0xFFFF;
    return id;
  }

  /** Counts a drop under {@code reason} and logs it with {@code detail}. */
  void drop(String reason, String detail) {
    counters.drop(reason);
    events.record(NodeEventKind.DROP, "dropped (" + reason + "): " + detail);
  }

  private void internalError(RuntimeException e) {
    StringWriter sw = new StringWriter();
    e.printStackTrace(new PrintWriter(sw));
    events.record(NodeEventKind.INTERNAL_ERROR, "internal error: " + sw);
  }

  boolean owns(Ipv4Address a) {
    for (NodeInterface i : interfaces) {
      if (i.owns(a)) {
        return true;
      }
    }
    return false;
  }

  /** Some address of ours (ICMP errors from interfaces without one). */
  Ipv4Address anyAddress() {
    for (NodeInterface i : interfaces) {
      if (i.primaryAddress() != null) {
        return i.primaryAddress();
      }
    }
    return Ipv4Address.ANY;
  }

  TunnelInterface tunnelFor(Ipv4Address sourceAddress) {
    for (TunnelInterface t : tunnels.values()) {
      if (t.sourceAddress().equals(sourceAddress)) {
        return t;
      }
    }
    return null;
  }

  TunnelProtection protectionFor(Ipv4Address sourceAddress) {
    TunnelInterface t = tunnelFor(sourceAddress);
    return t == null ? null : t.protection();
  }

  Scheduler scheduler() {
    return scheduler;
  }

  RandomSource random() {
    return random;
  }

  /**
   * The node as its parts see it ({@link NodeServices} for the tunnels, {@link ForwarderHost} for the IP path):
   * delegates, so nothing here widens the public API.
   */
  private final class Services implements ForwarderHost {
    @Override
    public void drop(String reason, String detail) {
      DmvpnNode.this.drop(reason, detail);
    }

    @Override
    public Scheduler scheduler() {
      return scheduler;
    }

    @Override
    public RandomSource random() {
      return random;
    }

    @Override
    public int nextIdentification() {
      return DmvpnNode.this.nextIdentification();
    }

    @Override
    public NodeCounters counters() {
      return counters;
    }

    @Override
    public NodeEventLog events() {
      return events;
    }

    @Override
    public boolean originate(IpProtocol protocol, Ipv4Address source, Ipv4Address destination, int tos,
        byte[] payload) {
      return DmvpnNode.this.originate(protocol, source, destination, tos, payload);
    }

    @Override
    public void originateUdp(Ipv4Address source, int sourcePort, Ipv4Address destination, int destinationPort,
        byte[] payload) {
      DmvpnNode.this.originateUdp(source, sourcePort, destination, destinationPort, payload);
    }

    @Override
    public NodeRoutingTable routes() {
      return routes;
    }

    @Override
    public void receive(NodeInterface in, Ipv4Packet p, byte[] raw) {
      DmvpnNode.this.receive(in, p, raw);
    }

    @Override
    public boolean owns(Ipv4Address a) {
      return DmvpnNode.this.owns(a);
    }

    @Override
    public Ipv4Address anyAddress() {
      return DmvpnNode.this.anyAddress();
    }

    @Override
    public NodeEigrp eigrp() {
      return eigrp;
    }

    @Override
    public TunnelInterface tunnelFor(Ipv4Address sourceAddress) {
      return DmvpnNode.this.tunnelFor(sourceAddress);
    }

    @Override
    public TunnelProtection protectionFor(Ipv4Address sourceAddress) {
      return DmvpnNode.this.protectionFor(sourceAddress);
    }

    @Override
    public void icmpReceived(Ipv4Packet p, IcmpPacket m) {
      DmvpnNode.this.icmpReceived(p, m);
    }
  }

  // ---- inspection ----

  public NodeEventLog events() {
    return events;
  }

  public NodeCounters counters() {
    return counters;
  }

  public NodeRoutingTable routes() {
    return routes;
  }

  public List<NodeInterface> interfaces() {
    return List.copyOf(interfaces);
  }

  /** The tunnel named {@code name}, or {@code null}. */
  public TunnelInterface tunnel(String tunnelName) {
    return tunnels.get(tunnelName);
  }

  public List<TunnelInterface> tunnels() {
    return List.copyOf(tunnels.values());
  }

  @Override
  public String toString() {
    return "node " + name + " " + interfaces;
  }
}
