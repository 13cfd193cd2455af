package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.eigrp.EigrpRouteSnapshot;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheEntry;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheType;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeRoute;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a running node's state into the rows the 12.3 renderers print. Call on the node's scheduler thread (the
 * node's tables are not shared-memory safe).
 */
public final class NodeViews {
  /** IOS's administrative distance of a static route. */
  static final int STATIC_DISTANCE = 1;

  private NodeViews() {}

  /** The routing table; EIGRP routes carry their metric and age from the EIGRP process. */
  public static List<RouteRow> routes(DmvpnNode node) {
    Map<Ipv4Prefix, EigrpRouteSnapshot> eigrp = new HashMap<>();
    if (node.eigrp() != null) {
      for (EigrpRouteSnapshot s : node.eigrp().router().routes()) {
        eigrp.put(s.prefix(), s);
      }
    }
    List<RouteRow> rows = new ArrayList<>();
    for (NodeRoute r : node.routes().routes()) {
      if (r.isConnected()) {
        rows.add(new RouteRow(r.prefix(), r.origin().code(), 0, 0, null, iosName(node, r.iface().name()), null));
      } else if (r.origin() == NodeRoute.Origin.STATIC) {
        rows.add(new RouteRow(r.prefix(), "S", STATIC_DISTANCE, 0, r.nextHop(), null, null));
      } else {
        EigrpRouteSnapshot s = eigrp.get(r.prefix());
        rows.add(s == null
            ? new RouteRow(r.prefix(), r.origin().code(), 90, 0, r.nextHop(), null, null)
            : new RouteRow(r.prefix(), s.code(), s.administrativeDistance(), s.metric(), s.nextHop(),
                s.interfaceName(), s.age()));
      }
    }
    return rows;
  }

  /** The physical interface's IP layer names itself {@code <node>/<interface>}; IOS prints the interface alone. */
  static String iosName(DmvpnNode node, String name) {
    String prefix = node.name() + "/";
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  /**
   * The NHRP caches of every tunnel. Creation times: the entry's last install (expiry minus holdtime) for learned
   * entries, the node's build for static ones (the cache keeps no creation stamp).
   */
  public static List<NhrpRow> nhrp(DmvpnNode node, long builtAtNanos, long now) {
    List<NhrpRow> rows = new ArrayList<>();
    for (TunnelInterface t : node.tunnels()) {
      for (NhrpCacheEntry e : t.nhrp().cache().entries()) {
        boolean expires = e.expiresAtNanos() != Long.MAX_VALUE;
        long created = expires && e.holdtimeSeconds() > 0
            ? e.expiresAtNanos() - Duration.ofSeconds(e.holdtimeSeconds()).toNanos() : builtAtNanos;
        created = Math.min(now, Math.max(created, builtAtNanos));
        boolean used = e.lastUsedNanos() > created;
        rows.add(new NhrpRow(e.prefix(), e.current() == null ? null : e.current().nextHop(), t.name(),
            Duration.ofNanos(now - created), expires ? Duration.ofNanos(Math.max(0, e.expiresAtNanos() - now)) : null,
            type(e.type()), flags(e, used), e.nbma()));
      }
    }
    return rows;
  }

  private static String type(NhrpCacheType t) {
    return switch (t) {
      case STATIC, NHS -> "static";
      case DYNAMIC, CACHED -> "dynamic";
      case INCOMPLETE, NEGATIVE -> "incomplete";
    };
  }

  /** 12.3-era flags: registered entries {@code authoritative unique registered}, resolved ones {@code router}. */
  private static String flags(NhrpCacheEntry e, boolean used) {
    String f = switch (e.type()) {
      case STATIC, NHS -> "authoritative";
      case DYNAMIC -> "authoritative" + (e.unique() ? " unique" : "") + " registered";
      case CACHED -> "router";
      case INCOMPLETE, NEGATIVE -> "negative";
    };
    return used && e.usable() ? f + " used" : f;
  }

  /**
   * ISAKMP SAs of every protected tunnel: dst is the responder, conn-id counts from 1 in listing order, the state
   * as the engine names it ({@code IkeManager.iosState}: MM_NO_STATE, MM_SA_SETUP, MM_KEY_EXCH, MM_KEY_AUTH,
   * QM_IDLE).
   */
  public static List<IsakmpSaRow> isakmp(DmvpnNode node) {
    List<IsakmpSaRow> rows = new ArrayList<>();
    int conn = 1;
    for (TunnelInterface t : node.tunnels()) {
      if (t.protection() == null) {
        continue;
      }
      for (IkeSa sa : t.protection().ike().ikeSas()) {
        if (sa.state() == IkeSa.State.DEAD) {
          continue;
        }
        // the engine's own Main Mode state: a wrong pre-shared key leaves both sides in MM_KEY_EXCH
        String state = t.protection().ike().iosState(sa);
        rows.add(sa.isInitiator()
            ? new IsakmpSaRow(sa.peerAddress(), sa.localAddress(), state, conn++, 0)
            : new IsakmpSaRow(sa.localAddress(), sa.peerAddress(), state, conn++, 0));
      }
    }
    return rows;
  }
}
