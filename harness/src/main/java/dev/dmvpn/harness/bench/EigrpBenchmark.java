package dev.dmvpn.harness.bench;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.eigrp.EigrpInterfaceSettings;
import dev.dmvpn.ref.eigrp.EigrpLink;
import dev.dmvpn.ref.eigrp.EigrpRouteSink;
import dev.dmvpn.ref.eigrp.EigrpRouter;
import dev.dmvpn.ref.eigrp.EigrpRouterConfig;
import dev.dmvpn.ref.eigrp.EigrpEvents;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.scenario.DocumentRouters;
import dev.dmvpn.ref.node.scenario.DocumentScenario;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * EIGRP convergence on the simulated clock: (1) the document's three routers (NHRP registration, IKE and EIGRP
 * over the protected tunnel) until each spoke has the other's LAN; (2) one hub and N spokes running only EIGRP
 * (hub without split horizon, as the document) on an in-memory mGRE where the hub's multicast reaches every spoke
 * and a spoke's only the hub, 1 ms each way, until every spoke has every other spoke's LAN and the hub's. Prints
 * simulated and wall time, packets, and used heap per spoke after convergence (table of N + 1 routes per spoke).
 */
public final class EigrpBenchmark {
  private static final Duration STEP = Duration.ofMillis(100);
  private final PrintWriter out;

  public EigrpBenchmark(PrintWriter out) {
    this.out = out;
  }

  /** Runs both parts; true when both converged within {@code limit} of simulated time. */
  public boolean run(int spokes, Duration limit) {
    boolean doc = document(limit);
    boolean many = hubAndSpokes(spokes, limit);
    out.flush();
    return doc && many;
  }

  private boolean document(Duration limit) {
    SimulatedScheduler s = new SimulatedScheduler();
    DocumentRouters r = DocumentRouters.build(s, DocumentWan.create(s, 1), 1);
    long wall = System.nanoTime();
    for (DmvpnNode n : List.of(r.hub(), r.sv93(), r.sv94())) {
      s.schedule(Duration.ZERO, n::start);
    }
    long start = s.nanoTime();
    boolean ok = advanceUntil(s, () -> DocumentScenario.eigrpConverged(r), limit);
    out.printf("document (3 routers, IKE + NHRP + EIGRP over IPsec): %s in %.1f s simulated, %.0f ms wall%n",
        ok ? "converged" : "NOT converged", (s.nanoTime() - start) / 1e9, (System.nanoTime() - wall) / 1e6);
    return ok;
  }

  private boolean hubAndSpokes(int n, Duration limit) {
    HeapMeter heap = new HeapMeter();
    heap.baseline();
    SimulatedScheduler s = new SimulatedScheduler();
    Net net = new Net(s);
    int[] complete = new int[1];
    EigrpRouter hub = net.router("hub", n + 1, null);
    net.attach(hub, "hub", EigrpInterfaceSettings.defaults("Tunnel0", tunnel(0), true).withSplitHorizon(false),
        true);
    hub.addInterface(EigrpInterfaceSettings.defaults("FastEthernet0/1", lan(0), false), Net.NOWHERE);
    List<EigrpRouter> all = new ArrayList<>(List.of(hub));
    for (int i = 1; i <= n; i++) {
      EigrpRouter spoke = net.router("s" + i, n, complete);
      net.attach(spoke, "s" + i, EigrpInterfaceSettings.defaults("Tunnel0", tunnel(i), true), false);
      spoke.addInterface(EigrpInterfaceSettings.defaults("FastEthernet0/1", lan(i), false), Net.NOWHERE);
      all.add(spoke);
    }
    long wall = System.nanoTime();
    all.forEach(r -> s.schedule(Duration.ZERO, r::start));
    boolean ok = advanceUntil(s, () -> complete[0] == n, limit);
    double simSeconds = s.nanoTime() / 1e9;
    double wallMs = (System.nanoTime() - wall) / 1e6;
    s.advance(Duration.ofSeconds(60)); // idle: hellos only
    long used = heap.usedAfterGc() - heap.baselineBytes();
    out.printf("hub + %d spokes (EIGRP only): %s (%d of %d spokes have all %d routes) in %.1f s simulated, %.0f ms"
        + " wall; %d packets; heap %.1f KiB per spoke (each holds %d routes)%n", n, ok ? "converged" : "NOT converged",
        complete[0], n, n, simSeconds, wallMs, net.packets, used / 1024.0 / n, n);
    out.println("(routers kept reachable until measured: " + all.size() + ")");
    return ok;
  }

  private static boolean advanceUntil(SimulatedScheduler s, java.util.function.BooleanSupplier done,
      Duration limit) {
    long end = s.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (s.nanoTime() >= end) {
        return false;
      }
      s.advance(STEP);
    }
    return true;
  }

  /** 10.0.0.0/16 tunnel: hub .0.1, spoke i at 10.0.(i/250).(i%250 + 2). */
  private static InterfaceAddress tunnel(int i) {
    return i == 0 ? InterfaceAddress.parse("10.0.0.1/16")
        : new InterfaceAddress(Ipv4Address.parse("10.0." + (i / 250) + "." + (i % 250 + 2)), 16);
  }

  /** Each router's LAN: 172.16.0.0/12 split into /24s. */
  private static InterfaceAddress lan(int i) {
    return new InterfaceAddress(Ipv4Address.parse("172." + (16 + i / 256) + "." + (i % 256) + ".1"), 24);
  }

  /** The in-memory mGRE: the hub's multicast reaches every spoke, a spoke's only the hub; unicast by address. */
  private static final class Net {
    static final EigrpLink NOWHERE = new EigrpLink() {
      @Override
      public void sendMulticast(byte[] p) {}

      @Override
      public void sendUnicast(Ipv4Address to, byte[] p) {}
    };
    private final SimulatedScheduler s;
    private final Map<Ipv4Address, EigrpRouter> byAddress = new HashMap<>();
    private final List<EigrpRouter> spokes = new ArrayList<>();
    private EigrpRouter hub;
    long packets;

    Net(SimulatedScheduler s) {
      this.s = s;
    }

    EigrpRouter router(String name, int routesWanted, int[] complete) {
      int[] count = new int[1];
      return new EigrpRouter(EigrpRouterConfig.of(90, false), s, new EigrpRouteSink() {
        @Override
        public void install(Ipv4Prefix prefix, Ipv4Address nextHop, String ifName, boolean external, long metric) {
          if (++count[0] == routesWanted && complete != null) {
            complete[0]++;
          }
        }

        @Override
        public void remove(Ipv4Prefix prefix) {
          if (count[0]-- == routesWanted && complete != null) {
            complete[0]--;
          }
        }
      }, EigrpEvents.NONE);
    }

    void attach(EigrpRouter r, String name, EigrpInterfaceSettings settings, boolean isHub) {
      Ipv4Address self = settings.address().address();
      byAddress.put(self, r);
      if (isHub) {
        hub = r;
      } else {
        spokes.add(r);
      }
      r.addInterface(settings, new EigrpLink() {
        @Override
        public void sendMulticast(byte[] p) {
          if (isHub) {
            spokes.forEach(sp -> deliver(sp, self, p));
          } else {
            deliver(hub, self, p);
          }
        }

        @Override
        public void sendUnicast(Ipv4Address to, byte[] p) {
          EigrpRouter dst = byAddress.get(to);
          if (dst != null) {
            deliver(dst, self, p);
          }
        }
      });
    }

    private void deliver(EigrpRouter to, Ipv4Address from, byte[] p) {
      packets++;
      s.schedule(Duration.ofMillis(1), () -> to.receive("Tunnel0", from, p));
    }
  }
}
