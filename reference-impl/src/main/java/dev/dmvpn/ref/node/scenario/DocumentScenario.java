package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheEntry;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.node.NodeRoute;
import dev.dmvpn.ref.node.Pinger;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.FaultProfile;
import dev.dmvpn.ref.wire.virtual.PcapTap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The document's scenario on virtual wires: hub sv9-2 and spokes sv9-3, sv9-4 ({@link DocumentRouters}) on a
 * {@link DocumentWan} with a pcap tap on each segment. The spokes register with the hub (IKE with the hub first,
 * NHRP inside ESP); then sv9-4 runs the document's {@code ping 2.2.2.2} (no source: the echoes leave from
 * Tunnel0, 192.168.1.3). Its echoes are answered through the hub; sv9-4's Resolution Request is forwarded by the
 * hub to sv9-3, which delays it ("need to wait for IPsec SAs") and runs IKE with sv9-4; sv9-3's echo replies to
 * 192.168.1.3 make it resolve 192.168.1.3, which the hub answers from its registrations; sv9-4 retransmits its
 * request after 2 s and sv9-3 answers it directly. A second ping then goes spoke to spoke. Under loss, further
 * ping rounds are sent until an echo is answered over the spoke-to-spoke path or the time limit is reached.
 * Runs on a {@link SimulatedScheduler} (tests) or an {@link ExecutorScheduler} with a time scale (the demo).
 */
public final class DocumentScenario {

  /**
   * @param seed seeds the segments' fault decisions and every router's randomness (cookies, nonces, IVs)
   * @param loss probability of losing each frame on each segment (0.2 = 20 %)
   * @param pingCount echoes per ping round (IOS default 5)
   * @param pingTimeout IOS ping timeout (2 s)
   * @param limit scenario time allowed for the whole run
   * @param listener sees every node event as it happens (the demo prints them), or {@code null}
   * @param image the IOS image the routers behave as
   */
  public record Options(long seed, double loss, int pingCount, Duration pingTimeout, Duration limit,
      Consumer<NodeEvent> listener, IosImage image) {
    public static Options defaults() {
      return new Options(1, 0.0, 5, Duration.ofSeconds(2), Duration.ofMinutes(10), null, IosImage.DEFAULT);
    }

    public Options withSeed(long s) {
      return new Options(s, loss, pingCount, pingTimeout, limit, listener, image);
    }

    public Options withLoss(double l) {
      return new Options(seed, l, pingCount, pingTimeout, limit, listener, image);
    }

    public Options withLimit(Duration d) {
      return new Options(seed, loss, pingCount, pingTimeout, d, listener, image);
    }

    public Options withListener(Consumer<NodeEvent> l) {
      return new Options(seed, loss, pingCount, pingTimeout, limit, l, image);
    }

    /** The image all three routers run (the document's 12.3(3) by default). */
    public Options withImage(IosImage i) {
      return new Options(seed, loss, pingCount, pingTimeout, limit, listener, i);
    }
  }

  /** How long to wait after a ping answered through the hub for the spoke-to-spoke path before pinging again. */
  static final Duration SHORTCUT_WAIT = Duration.ofSeconds(30);

  /** One-way delay of each segment: distinct capture timestamps, no reordering. */
  static final Duration SEGMENT_DELAY = Duration.ofMillis(1);

  private final ScenarioDriver driver;
  private final Path outputDir;
  private final Options options;
  private final EspMode mode;
  private final List<String> summary = new ArrayList<>();

  private DocumentScenario(ScenarioDriver driver, Path outputDir, Options options, EspMode mode) {
    this.driver = driver;
    this.outputDir = outputDir;
    this.options = options;
    this.mode = mode;
  }

  /** Runs on a fresh {@link SimulatedScheduler} (deterministic for a given seed). */
  public static ScenarioResult runSimulated(Path outputDir, Options options) {
    return run(ScenarioDriver.simulated(new SimulatedScheduler()), outputDir, options);
  }

  /** Runs in scaled real time: {@code timeScale} scenario seconds per real second. */
  public static ScenarioResult runScaled(Path outputDir, Options options, double timeScale) {
    return runScaled(outputDir, options, timeScale, EspMode.TUNNEL);
  }

  /** {@link #runScaled(Path, Options, double)} with the transform sets in {@code mode}. */
  public static ScenarioResult runScaled(Path outputDir, Options options, double timeScale, EspMode mode) {
    try (ExecutorScheduler s = new ExecutorScheduler("dmvpn-demo", timeScale)) {
      return run(ScenarioDriver.executor(s, timeScale), outputDir, options, mode);
    }
  }

  /**
   * Runs on a simulated scheduler paced to the wall clock ({@link ScenarioDriver#paced}): {@code timeScale} scenario
   * seconds per real second at most, with the simulated run's order and timing whatever the machine's load.
   */
  public static ScenarioResult runPaced(Path outputDir, Options options, double timeScale, EspMode mode) {
    return run(ScenarioDriver.paced(new SimulatedScheduler(), timeScale), outputDir, options, mode);
  }

  public static ScenarioResult run(ScenarioDriver driver, Path outputDir, Options options) {
    return run(driver, outputDir, options, EspMode.TUNNEL);
  }

  /** Runs with every router's transform set in {@code mode} (the document's is tunnel: no 'mode' line). */
  public static ScenarioResult run(ScenarioDriver driver, Path outputDir, Options options, EspMode mode) {
    return new DocumentScenario(driver, outputDir, options, mode).execute();
  }

  private ScenarioResult execute() {
    try {
      Files.createDirectories(outputDir);
      DocumentWan wan = DocumentWan.create(driver.scheduler(), options.seed());
      FaultProfile faults = FaultProfile.NONE.withDelay(SEGMENT_DELAY, Duration.ZERO).withLoss(options.loss());
      wan.hubSegment().setFaults(faults);
      wan.spokeSegment().setFaults(faults);
      Path hubPcap = outputDir.resolve("wan-hub.pcap");
      Path spokePcap = outputDir.resolve("wan-spokes.pcap");
      try (PcapTap hubTap = PcapTap.attach(wan.hubSegment(), hubPcap);
          PcapTap spokeTap = PcapTap.attach(wan.spokeSegment(), spokePcap)) {
        DocumentRouters routers = DocumentRouters.build(driver.scheduler(), wan, options.seed(), options.image(),
            ike -> DocumentRouters.withMode(ike, mode), true);
        List<Pinger> rounds = play(routers);
        driver.pass(Duration.ofSeconds(1)); // let the last packets land in the captures
        return result(routers, rounds, hubPcap, spokePcap, wan);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<DmvpnNode> nodes(DocumentRouters r) {
    return List.of(r.hub(), r.sv93(), r.sv94());
  }

  private List<Pinger> play(DocumentRouters r) {
    if (options.listener() != null) {
      for (DmvpnNode n : nodes(r)) {
        n.events().addListener(options.listener());
      }
    }
    long end = driver.nanos() + options.limit().toNanos();
    driver.run(() -> nodes(r).forEach(DmvpnNode::start));
    boolean registered = driver.await(() -> registered(r.sv93()) && registered(r.sv94()), options.limit());
    check(registered, "sv9-3 and sv9-4 registered with the hub 192.168.1.1");
    boolean converged = registered && driver.await(() -> eigrpConverged(r), options.limit());
    check(converged, "EIGRP 90 converged: each spoke has the other spoke's LAN via 192.168.1.1");
    registered = converged;
    List<Pinger> rounds = new ArrayList<>();
    while (registered && driver.nanos() < end) {
      Pinger[] p = new Pinger[1];
      driver.run(() -> p[0] = r.sv94().ping(DocumentRouters.SV9_3_LAN, options.pingCount(),
          options.pingTimeout(), 100));
      driver.await(p[0]::done, options.pingTimeout().multipliedBy(options.pingCount() + 1L));
      rounds.add(p[0]);
      if (spokeToSpokeAnswered(r, p[0])) {
        break;
      }
      // The document's first ping is answered through the hub while NHRP resolves and sv9-3 brings up IPsec
      // with sv9-4; its second ping (the ISAKMP debugs' "sv9-4#ping 2.2.2.2") goes spoke to spoke.
      driver.await(() -> resolved(r), SHORTCUT_WAIT);
    }
    return rounds;
  }

  /** Both spokes hold a usable NHRP entry for the other side and IPsec SAs to its NBMA address. */
  private static boolean resolved(DocumentRouters r) {
    return resolved(r.sv94(), DocumentRouters.SV9_3_LAN, DocumentWan.SPOKE_SV9_3.address())
        && resolved(r.sv93(), DocumentRouters.SV9_4_TUNNEL, DocumentWan.SPOKE_SV9_4.address());
  }

  private static boolean resolved(DmvpnNode node, Ipv4Address destination, Ipv4Address nbma) {
    TunnelInterface t = node.tunnel(DocumentRouters.TUNNEL);
    NhrpCacheEntry e = t.nhrp().cache().lookup(destination);
    return e != null && e.usable() && nbma.equals(e.nbma()) && t.protection().hasSas(nbma);
  }

  /** Each spoke has learned the other spoke's LAN by EIGRP (via the hub, next-hop-self). */
  public static boolean eigrpConverged(DocumentRouters r) {
    return learned(r.sv94(), DocumentRouters.SV9_3_LAN) && learned(r.sv93(), DocumentRouters.SV9_4_LAN);
  }

  private static boolean learned(DmvpnNode spoke, Ipv4Address lanHost) {
    NodeRoute route = spoke.routes().longestMatch(lanHost);
    return route != null && route.origin() == NodeRoute.Origin.EIGRP;
  }

  private static boolean registered(DmvpnNode spoke) {
    return spoke.tunnel(DocumentRouters.TUNNEL).nhrp().registrar(DocumentRouters.HUB_TUNNEL).registered();
  }

  /** Both shortcuts resolved, data sent directly both ways, and this round got answers. */
  private boolean spokeToSpokeAnswered(DocumentRouters r, Pinger round) {
    boolean[] ok = new boolean[1];
    driver.run(() -> ok[0] = shortcut(r.sv94(), DocumentRouters.SV9_3_LAN, DocumentWan.SPOKE_SV9_3.address())
        && shortcut(r.sv93(), DocumentRouters.SV9_4_TUNNEL, DocumentWan.SPOKE_SV9_4.address())
        && round.answered() > 0);
    return ok[0];
  }

  /** {@code node} has a usable NHRP entry for {@code destination} at {@code nbma}, SAs to it, and used them. */
  static boolean shortcut(DmvpnNode node, Ipv4Address destination, Ipv4Address nbma) {
    return resolved(node, destination, nbma)
        && node.tunnel(DocumentRouters.TUNNEL).dataPacketsTo(nbma) > 0;
  }

  private void check(boolean ok, String what) {
    summary.add((ok ? "ok: " : "FAILED: ") + what);
  }

  private ScenarioResult result(DocumentRouters r, List<Pinger> rounds, Path hubPcap, Path spokePcap,
      DocumentWan wan) throws IOException {
    boolean[] direct = new boolean[2];
    driver.run(() -> {
      direct[0] = shortcut(r.sv94(), DocumentRouters.SV9_3_LAN, DocumentWan.SPOKE_SV9_3.address());
      direct[1] = shortcut(r.sv93(), DocumentRouters.SV9_4_TUNNEL, DocumentWan.SPOKE_SV9_4.address());
    });
    StringBuilder marks = new StringBuilder();
    int sent = 0;
    int answered = 0;
    int duplicates = 0;
    for (Pinger p : rounds) {
      marks.append(marks.length() == 0 ? "" : " ").append(p.marks());
      sent += p.sent();
      answered += p.answered();
      duplicates += p.duplicates();
    }
    check(direct[0], "sv9-4 reaches 2.2.2.2 spoke to spoke (NHRP shortcut + IPsec SAs to 209.168.202.131)");
    check(direct[1], "sv9-3 reaches 192.168.1.3 spoke to spoke (NHRP shortcut + IPsec SAs to 209.168.202.130)");
    boolean lastAnswered = !rounds.isEmpty() && rounds.get(rounds.size() - 1).answered() > 0;
    check(lastAnswered, "ping 2.2.2.2: " + marks + " (" + answered + "/" + sent + ")");
    check(duplicates == 0, "no echo reply delivered twice (" + duplicates + ")");
    Path keyDir = outputDir.resolve("keys");
    List<NodeEvent> events = new ArrayList<>();
    driver.run(() -> {
      try {
        ScenarioKeys.write(keyDir, nodes(r));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (DmvpnNode n : nodes(r)) {
        events.addAll(n.events().events());
      }
    });
    events.sort(Comparator.comparingLong(NodeEvent::nanos));
    boolean success = summary.stream().allMatch(s -> s.startsWith("ok: "));
    return new ScenarioResult(success, List.copyOf(summary), List.copyOf(events), marks.toString(), sent,
        answered, duplicates, hubPcap, spokePcap, keyDir, driver.nanos(), wan.hubSegment().counters(),
        wan.spokeSegment().counters(), r);
  }
}
