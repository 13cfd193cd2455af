package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.EigrpNetwork;
import dev.dmvpn.ref.eigrp.EigrpInterfaceSettings;
import dev.dmvpn.ref.eigrp.EigrpLink;
import dev.dmvpn.ref.eigrp.EigrpRouteSink;
import dev.dmvpn.ref.eigrp.EigrpRouter;
import dev.dmvpn.ref.eigrp.HelloTimers;
import dev.dmvpn.ref.eigrp.InterfaceMetrics;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The EIGRP process of a {@link DmvpnNode}: an {@link EigrpRouter} whose interfaces are the node's interfaces a
 * {@code network} statement covers. Hellos and updates to 224.0.0.10 leave an mGRE tunnel through its NHRP
 * multicast list ({@link TunnelInterface#sendMulticast}), an Ethernet interface as an Ethernet multicast, and go
 * nowhere on a LAN interface (which has no wire: its subnet is only advertised). Unicast packets are routed like
 * any packet the node originates. IP protocol 88 from the wire comes here; the routes learned go into the node's
 * routing table as {@link NodeRoute.Origin#EIGRP} / {@link NodeRoute.Origin#EIGRP_EXTERNAL}.
 */
public final class NodeEigrp implements EigrpRouteSink {
  /** IP protocol 88. */
  public static final IpProtocol PROTOCOL = new IpProtocol(88);
  /** IOS sends EIGRP with TTL 2 and precedence 6 (as {@link TunnelMulticast}). */
  static final int TTL = 2;
  static final int TOS = 0xC0;

  private final DmvpnNode node;
  private final EigrpRouter router;
  private final Map<String, NodeInterface> byName = new HashMap<>();
  private final Map<Ipv4Prefix, NodeRoute> installed = new HashMap<>();

  NodeEigrp(DmvpnNode node, EigrpSetup setup) {
    this.node = node;
    this.router = new EigrpRouter(setup.router(), node.scheduler(), this,
        line -> node.events().record(NodeEventKind.EIGRP, line));
    for (NodeInterface i : node.interfaces()) {
      InterfaceAddress a = i.addresses().isEmpty() ? null : i.addresses().get(0);
      if (a != null && covered(setup.networks(), a.address())) {
        String name = iosName(i);
        byName.put(name, i);
        router.addInterface(settings(setup, i, name, a), link(i));
      }
    }
  }

  private static boolean covered(List<EigrpNetwork> networks, Ipv4Address a) {
    return networks.stream().anyMatch(n -> n.covers(a));
  }

  private static EigrpInterfaceSettings settings(EigrpSetup setup, NodeInterface i, String name,
      InterfaceAddress a) {
    EigrpSetup.InterfaceOptions o = setup.optionsFor(name);
    boolean nbma = i instanceof TunnelInterface;
    InterfaceMetrics m = InterfaceMetrics.defaultsFor(name).with(o.bandwidthKbps(), o.delayTensOfMicroseconds(),
        i.mtu());
    EigrpInterfaceSettings s = EigrpInterfaceSettings.defaults(name, a, nbma).withMetrics(m, nbma)
        .withPassive(setup.passiveInterfaces().contains(name)).withSplitHorizon(o.splitHorizon())
        .withNextHopSelf(o.nextHopSelf());
    if (o.helloSeconds() != null || o.holdSeconds() != null) {
      Duration hello = o.helloSeconds() != null ? Duration.ofSeconds(o.helloSeconds()) : s.timers().hello();
      Duration hold = o.holdSeconds() != null ? Duration.ofSeconds(o.holdSeconds()) : s.timers().hold();
      s = s.withTimers(new HelloTimers(hello, hold));
    }
    return s;
  }

  /** The IOS name of a node interface ({@code FastEthernet0/0}, not the port's {@code node/FastEthernet0/0}). */
  String iosName(NodeInterface i) {
    String prefix = node.name() + "/";
    return i.name().startsWith(prefix) ? i.name().substring(prefix.length()) : i.name();
  }

  private EigrpLink link(NodeInterface i) {
    return new EigrpLink() {
      @Override
      public void sendMulticast(byte[] packet) {
        if (i instanceof TunnelInterface t) {
          // a hub before any spoke registered has nobody to replicate to: a hello to no one, not a drop
          if (!t.nhrp().multicast().destinations().isEmpty()) {
            t.sendMulticast(PROTOCOL, ALL_EIGRP_ROUTERS, packet);
          }
        } else if (i instanceof PhysicalInterface) {
          Ipv4Packet p = Ipv4Packet.of(PROTOCOL, i.primaryAddress(), ALL_EIGRP_ROUTERS, TOS, TTL,
              node.nextIdentification(), false, packet);
          node.counters().add(NodeCounter.IP_ORIGINATED);
          i.output(ALL_EIGRP_ROUTERS, Ipv4Codec.encode(p), p);
        }
      }

      @Override
      public void sendUnicast(Ipv4Address neighbor, byte[] packet) {
        node.originate(PROTOCOL, i.primaryAddress(), neighbor, TOS, TTL, packet);
      }
    };
  }

  void start() {
    router.start();
  }

  void stop() {
    router.stop();
  }

  /** An EIGRP packet delivered to the node on {@code in}. */
  void receive(NodeInterface in, Ipv4Packet p) {
    router.receive(iosName(in), p.source(), p.payload());
  }

  /** {@code shutdown} / {@code no shutdown} of an interface as EIGRP sees it; on the node's scheduler. */
  public void setInterfaceUp(String iosName, boolean up) {
    router.setInterfaceUp(iosName, up);
  }

  /** The process, for its snapshots ({@code show ip eigrp neighbors / topology}); on the node's scheduler. */
  public EigrpRouter router() {
    return router;
  }

  @Override
  public void install(Ipv4Prefix prefix, Ipv4Address nextHop, String interfaceName, boolean external, long metric) {
    remove(prefix);
    NodeRoute r = new NodeRoute(prefix, nextHop, null,
        external ? NodeRoute.Origin.EIGRP_EXTERNAL : NodeRoute.Origin.EIGRP);
    installed.put(prefix, r);
    node.routes().add(r);
  }

  @Override
  public void remove(Ipv4Prefix prefix) {
    NodeRoute old = installed.remove(prefix);
    if (old != null) {
      node.routes().remove(old);
    }
  }

  /** The interfaces EIGRP runs on, by IOS name. */
  public List<String> interfaceNames() {
    return new ArrayList<>(byName.keySet());
  }
}
