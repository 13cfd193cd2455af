package dev.dmvpn.harness.scenario.peer;

import dev.dmvpn.harness.peer.PeerConsole;
import dev.dmvpn.harness.peer.PeerRun;
import dev.dmvpn.harness.scenario.rack.RackUnderTest;
import dev.dmvpn.harness.scenario.rack.VirtualRack;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.Pinger;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.ref.node.ios.IosNodeBuilder;
import dev.dmvpn.ref.node.ios.IosNodeLoad;
import dev.dmvpn.ref.node.ios.IosNodePlan;
import dev.dmvpn.topology.generate.ConfigGenerationException;
import dev.dmvpn.topology.generate.RouterConfig;
import dev.dmvpn.virtualrack.node.NodeViews;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Java reference peer in the loop: one more spoke of the testbed's DMVPN, configured by IOS lines generated
 * like the routers' ({@link PeerConfig}) and read by {@link IosNodeBuilder}, attached in-process to the virtual
 * rack's WAN segment or, on a real rack, to a NIC through the {@code peer} command's {@link PeerRun}. It has no
 * command line: its state is read through its node's API as {@link PeerState} snapshots (the routers stay
 * observed through the drivers). Owned by the scenario, which closes it in its tear down.
 *
 * <p>Files under the run directory: {@code configs/<host>.ios} (masked), {@code peer/<host>-events.log} (every
 * node event with its time, as {@code dmvpn-harness peer} prints them; no secrets), and on a real rack {@code
 * captures/<host>.pcap} with {@code captures/<host>-keys/}.
 */
public final class ReferencePeer implements AutoCloseable {
  /** IOS's default ping size (bytes, IP header included). */
  static final int PING_SIZE = 100;

  private final PeerSpec spec;
  private final IosNodePlan plan;
  private final PeerHost host;
  private final PrintWriter eventLog;
  private final Path configFile;
  private final Path eventsFile;

  private ReferencePeer(PeerSpec spec, IosNodePlan plan, PeerHost host, PrintWriter eventLog, Path configFile,
      Path eventsFile) {
    this.spec = spec;
    this.plan = plan;
    this.host = host;
    this.eventLog = eventLog;
    this.configFile = configFile;
    this.eventsFile = eventsFile;
  }

  /**
   * Generates the peer's configuration for {@code rack}'s testbed, writes it (masked) and starts the node: on a
   * {@link VirtualRack} on its WAN segment and clock ({@code seed}: the node's randomness), else on {@code
   * spec.nic()}. The peer starts registering with the hub at once.
   *
   * @throws IllegalArgumentException the spec's addresses clash with the testbed, or a real rack and no NIC
   * @throws IOException the generated configuration does not plan a node, or the wire cannot be reached
   */
  public static ReferencePeer join(RackUnderTest rack, PeerSpec spec, Path runDir, long seed)
      throws IOException, ConfigGenerationException {
    if (!(rack instanceof VirtualRack) && spec.nic().isEmpty()) {
      throw new IllegalArgumentException("on " + rack.describe() + " the reference peer needs a NIC of this host"
          + " cabled to " + spec.nbma().subnet() + " (PeerSpec.onNic)");
    }
    RouterConfig config = PeerConfig.generate(rack.testbed(), rack.secrets(), spec);
    Path configFile = runDir.resolve("configs").resolve(spec.hostname() + ".ios");
    Files.createDirectories(configFile.getParent());
    Files.writeString(configFile, config.maskedText(), StandardCharsets.UTF_8);
    IosNodeLoad load = IosNodeBuilder.fromText(config.text());
    if (!load.ok()) {
      throw new IOException("the reference peer's generated configuration " + configFile + " plans no node: "
          + load.errors().stream().map(p -> IosNodeLoad.format(configFile.toString(), p)).toList());
    }
    IosNodePlan plan = load.plan();
    MacAddress mac = spec.mac().orElseGet(() -> PeerRun.defaultMac(plan));
    Path eventsFile = runDir.resolve("peer").resolve(spec.hostname() + "-events.log");
    Files.createDirectories(eventsFile.getParent());
    PrintWriter log = new PrintWriter(Files.newBufferedWriter(eventsFile, StandardCharsets.UTF_8));
    PeerConsole console = new PeerConsole(log);
    console.notes(configFile.toString(), load.notes());
    try {
      PeerHost host = start(rack, spec, plan, mac, runDir, seed, console);
      return new ReferencePeer(spec, plan, host, log, configFile, eventsFile);
    } catch (IOException | RuntimeException e) {
      log.close();
      throw e;
    }
  }

  private static PeerHost start(RackUnderTest rack, PeerSpec spec, IosNodePlan plan, MacAddress mac, Path runDir,
      long seed, PeerConsole console) throws IOException {
    if (rack instanceof VirtualRack v) {
      return VirtualPeerHost.start(v.running(), plan, mac, seed, console::event);
    }
    String nic = spec.nic().orElseThrow();
    Path capture = runDir.resolve("captures").resolve(spec.hostname() + ".pcap");
    return NicPeerHost.start(plan, nic, mac, capture, console::event);
  }

  public PeerSpec spec() {
    return spec;
  }

  public String hostname() {
    return spec.hostname();
  }

  /** What the node was built from (interfaces, tunnel, EIGRP networks). */
  public IosNodePlan plan() {
    return plan;
  }

  /** The generated configuration as written (secrets masked). */
  public Path configFile() {
    return configFile;
  }

  /** The node's events, one line each. */
  public Path eventsFile() {
    return eventsFile;
  }

  /** {@code sv9-5 (reference peer) on the virtual segment wan-spokes}. */
  public String describe() {
    return spec.hostname() + " (reference peer) " + host.describe();
  }

  /** The node's state now, read on its thread. */
  public PeerState state() throws IOException {
    return host.read(node -> {
      long now = host.clock().nanoTime();
      return new PeerState(NodeViews.nhrp(node, host.builtAtNanos(), now),
          node.eigrp() == null ? List.of() : node.eigrp().router().neighbors(), NodeViews.routes(node),
          NodeViews.isakmp(node), ipsecPeers(node));
    });
  }

  private static List<Ipv4Address> ipsecPeers(DmvpnNode node) {
    List<Ipv4Address> out = new ArrayList<>();
    for (TunnelInterface t : node.tunnels()) {
      if (t.protection() == null) {
        continue;
      }
      for (IkeSa sa : t.protection().ike().ikeSas()) {
        if (t.protection().hasSas(sa.peerAddress()) && !out.contains(sa.peerAddress())) {
          out.add(sa.peerAddress());
        }
      }
    }
    return out;
  }

  /** IPv4 data packets (not NHRP) the peer's tunnels have sent towards {@code nbma} so far. */
  public long dataPacketsTo(Ipv4Address nbma) throws IOException {
    return host.read(node -> node.tunnels().stream().mapToLong(t -> t.dataPacketsTo(nbma)).sum());
  }

  /**
   * {@code ping destination source source repeat count timeout T} (IOS's 100-byte echoes, one at a time) on the
   * peer, waiting at most {@code waitAtMost} real time for it to finish.
   */
  public PeerPing ping(Ipv4Address source, Ipv4Address destination, int count, Duration timeout,
      Duration waitAtMost) throws IOException {
    CompletableFuture<Pinger> done = new CompletableFuture<>();
    host.read(node -> {
      node.ping(source, destination, count, timeout, PING_SIZE).whenDone(done::complete);
      return null;
    });
    try {
      Pinger p = done.get(waitAtMost.toMillis(), TimeUnit.MILLISECONDS);
      return new PeerPing(source, destination, p.sent(), p.answered(), p.marks(),
          p.rttNanos().stream().map(Duration::ofNanos).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("ping from " + spec.hostname() + ": interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("ping " + destination + " source " + source + " on " + spec.hostname()
          + " did not finish within " + waitAtMost.toSeconds() + " s", e);
    }
  }

  /** Stops the node and takes it off the wire, then closes its event log. Idempotent. */
  @Override
  public void close() throws IOException {
    try {
      host.close();
    } finally {
      eventLog.close();
    }
  }
}
