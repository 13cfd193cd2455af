package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import java.util.Objects;

/**
 * One interface EIGRP runs on (its address matched a {@code network} statement).
 *
 * @param name IOS name, e.g. {@code Tunnel0}
 * @param address the primary address and its subnet (advertised as a connected network)
 * @param metrics bandwidth, delay and MTU for the metric
 * @param timers hello interval and hold time we announce
 * @param passive {@code passive-interface}: the subnet is advertised, no hellos are sent or accepted
 * @param splitHorizon {@code ip split-horizon eigrp} (IOS default on; the document's hub turns it off on Tunnel0)
 * @param nextHopSelf {@code ip next-hop-self eigrp} (IOS default on): when off, a route re-advertised out of the
 *     interface it was learned on keeps the next hop it was learned with
 */
public record EigrpInterfaceSettings(String name, InterfaceAddress address, InterfaceMetrics metrics,
    HelloTimers timers, boolean passive, boolean splitHorizon, boolean nextHopSelf) {

  public EigrpInterfaceSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(timers, "timers");
  }

  /** IOS defaults for {@code name}: metrics and timers by type (an mGRE tunnel is NBMA), split horizon on. */
  public static EigrpInterfaceSettings defaults(String name, InterfaceAddress address, boolean nbma) {
    InterfaceMetrics m = InterfaceMetrics.defaultsFor(name);
    return new EigrpInterfaceSettings(name, address, m, HelloTimers.defaultsFor(nbma, m.bandwidthKbps()), false,
        true, true);
  }

  public EigrpInterfaceSettings withMetrics(InterfaceMetrics m, boolean nbma) {
    return new EigrpInterfaceSettings(name, address, m, HelloTimers.defaultsFor(nbma, m.bandwidthKbps()), passive,
        splitHorizon, nextHopSelf);
  }

  public EigrpInterfaceSettings withPassive(boolean p) {
    return new EigrpInterfaceSettings(name, address, metrics, timers, p, splitHorizon, nextHopSelf);
  }

  public EigrpInterfaceSettings withSplitHorizon(boolean s) {
    return new EigrpInterfaceSettings(name, address, metrics, timers, passive, s, nextHopSelf);
  }

  public EigrpInterfaceSettings withNextHopSelf(boolean n) {
    return new EigrpInterfaceSettings(name, address, metrics, timers, passive, splitHorizon, n);
  }

  public EigrpInterfaceSettings withTimers(HelloTimers t) {
    return new EigrpInterfaceSettings(name, address, metrics, t, passive, splitHorizon, nextHopSelf);
  }
}
