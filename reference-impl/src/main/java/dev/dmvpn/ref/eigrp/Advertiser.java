package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the router says about a destination on one interface: split horizon (nothing learned through an
 * interface goes back out of it when it is on; a withdrawal of what was said there still goes), next hop
 * (0.0.0.0 = "me", or with {@code no ip next-hop-self eigrp} the next hop it was learned with when re-advertised
 * out of the same interface), and {@code auto-summary} (a subnet goes out of an interface in another classful
 * network as its classful network, with the best metric of the subnets it covers).
 */
final class Advertiser {
  private final Dual dual;
  private final boolean autoSummary;
  private final KValues k;

  Advertiser(Dual dual, boolean autoSummary, KValues k) {
    this.dual = dual;
    this.autoSummary = autoSummary;
    this.k = k;
  }

  /** The classful network of {@code a} (class A /8, B /16, C /24; others as a /32). */
  static Ipv4Prefix classful(Ipv4Address a) {
    int first = a.bits() >>> 24;
    int len = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 32;
    return new Ipv4Prefix(a, len);
  }

  /** The prefix {@code p} is advertised as on {@code iface}: itself, or its classful summary. */
  Ipv4Prefix advertisedAs(Ipv4Prefix p, EigrpInterface iface) {
    Ipv4Prefix major = classful(p.network());
    if (autoSummary && p.length() > major.length() && !major.contains(iface.settings.address().address())) {
      return major;
    }
    return p;
  }

  /** The route TLV for advertised prefix {@code p} on {@code iface} now, or {@code null} (nothing to say). */
  RouteTlv current(Ipv4Prefix p, EigrpInterface iface) {
    TopologyEntry exact = dual.entry(p);
    RouteTlv best = exact == null || !advertisedAs(p, iface).equals(p) ? null : tlv(exact, iface, true);
    if (autoSummary && classful(p.network()).equals(p)) {
      for (TopologyEntry e : dual.entries()) {
        if (e != exact && p.contains(e.prefix().network()) && advertisedAs(e.prefix(), iface).equals(p)) {
          RouteTlv t = tlv(e, iface, true);
          if (t != null && (best == null || better(t, best))) {
            best = InternalRouteTlv.of(Ipv4Address.ANY, t.metric(), p);
          }
        }
      }
    }
    return best;
  }

  /** Everything advertised on {@code iface} (a new neighbour's startup table), by advertised prefix. */
  Map<Ipv4Prefix, RouteTlv> table(EigrpInterface iface) {
    Map<Ipv4Prefix, RouteTlv> out = new LinkedHashMap<>();
    for (TopologyEntry e : dual.entries()) {
      Ipv4Prefix as = advertisedAs(e.prefix(), iface);
      if (!out.containsKey(as)) {
        RouteTlv t = current(as, iface);
        if (t != null) {
          out.put(as, t);
        }
      }
    }
    return out;
  }

  /**
   * The TLV for {@code e} on {@code iface}; {@code null} when unreachable or, with {@code splitHorizon}, when its
   * successor is through this interface.
   */
  RouteTlv tlv(TopologyEntry e, EigrpInterface iface, boolean splitHorizon) {
    TopologySource s = e.successor();
    if (s == null || !s.reachable()) {
      return null;
    }
    boolean sameInterface = !s.isConnected() && s.interfaceName().equals(iface.name());
    if (splitHorizon && sameInterface && iface.settings.splitHorizon()) {
      return null;
    }
    Ipv4Address nextHop = sameInterface && !iface.settings.nextHopSelf() ? s.nextHop() : Ipv4Address.ANY;
    if (s.external() != null) {
      return s.external().withRoute(nextHop, s.total());
    }
    return new InternalRouteTlv(nextHop, s.total(), s.tag(), 0, e.prefix());
  }

  /** What a query or reply says about {@code e} to a neighbour on {@code iface}: our metric, or unreachable. */
  RouteTlv answer(TopologyEntry e, EigrpInterface iface) {
    RouteTlv t = tlv(e, iface, true);
    return t != null ? t : poison(e.prefix(), anyMetric(e));
  }

  /** What a query says about {@code e}: our current metric while the successor is still there, else unreachable. */
  RouteTlv query(TopologyEntry e, EigrpInterface iface) {
    RouteTlv t = tlv(e, iface, false);
    return t != null ? t : poison(e.prefix(), anyMetric(e));
  }

  static RouteTlv poison(Ipv4Prefix p, VectorMetric last) {
    return InternalRouteTlv.of(Ipv4Address.ANY, last.unreachable(), p);
  }

  static RouteTlv poison(RouteTlv previous) {
    return previous.withRoute(Ipv4Address.ANY, previous.metric().unreachable());
  }

  private static VectorMetric anyMetric(TopologyEntry e) {
    VectorMetric last = e.lastMetric();
    if (last != null) {
      return last;
    }
    List<TopologySource> all = new ArrayList<>(e.sources());
    return all.isEmpty() ? new VectorMetric(VectorMetric.INFINITE_DELAY, 0, 1500, 0, 255, 1) : all.get(0).total();
  }

  private boolean better(RouteTlv a, RouteTlv b) {
    return CompositeMetric.of(a.metric(), k) < CompositeMetric.of(b.metric(), k);
  }
}
