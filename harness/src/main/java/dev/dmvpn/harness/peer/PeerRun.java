package dev.dmvpn.harness.peer;

import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.capture.PcapWriter;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.node.ios.IosNodeBuilder;
import dev.dmvpn.ref.node.ios.IosNodePlan;
import dev.dmvpn.ref.node.scenario.ScenarioKeys;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.ref.wire.NicPortAdapter;
import dev.dmvpn.ref.wire.pcap4j.Pcap4jNicPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One reference-peer node on a real NIC, as {@code dmvpn-harness peer} runs it: the planned node on a {@link
 * Pcap4jNicPort} (through a {@link NicPortAdapter} that hands frames to the node's {@link ExecutorScheduler}),
 * every frame written to a capture by a {@link CapturingPort}. {@link #stop} stops the node, closes the NIC and
 * the capture and writes the Wireshark key files next to the capture; it is idempotent and safe from a shutdown
 * hook.
 */
public final class PeerRun {
  private final DmvpnNode node;
  private final ExecutorScheduler scheduler;
  private final CapturingPort port;
  private final Path capture;
  private final Path keyDir;
  private boolean stopped;

  private PeerRun(DmvpnNode node, ExecutorScheduler scheduler, CapturingPort port, Path capture) {
    this.node = node;
    this.scheduler = scheduler;
    this.port = port;
    this.capture = capture;
    this.keyDir = keyDirFor(capture);
  }

  /** {@code capture.pcap} -> {@code capture-keys} (a Wireshark configuration directory: esp_sa, ikev1 table). */
  public static Path keyDirFor(Path capture) {
    String name = capture.getFileName().toString();
    String base = name.endsWith(".pcap") ? name.substring(0, name.length() - 5) : name;
    return capture.resolveSibling(base + "-keys");
  }

  /** The MAC the peer uses unless told: locally administered {@code 02:00} + the NBMA address. */
  public static MacAddress defaultMac(IosNodePlan plan) {
    return new MacAddress(0x0200_0000_0000L | (plan.nbmaAddress().bits() & 0xFFFF_FFFFL));
  }

  /**
   * Opens {@code nic}, builds the node, registers {@code listener} for its events and starts it.
   *
   * @throws IOException naming the interface when it does not exist or libpcap cannot open it, or the capture
   *     file cannot be created; nothing is left open then
   */
  public static PeerRun start(IosNodePlan plan, String nic, MacAddress mac, Path capture, double timeScale,
      Consumer<NodeEvent> listener) throws IOException {
    requireInterface(nic);
    Path parent = capture.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    PcapWriter writer = PcapWriter.create(capture, LinkType.ETHERNET);
    ExecutorScheduler scheduler = new ExecutorScheduler("peer-" + plan.hostname(), timeScale);
    Pcap4jNicPort nicPort;
    try {
      nicPort = Pcap4jNicPort.open(nic);
    } catch (IOException | RuntimeException | LinkageError e) {
      scheduler.close();
      writer.close();
      throw new IOException("cannot open interface " + nic + " with libpcap: " + e.getMessage(), e);
    }
    CapturingPort port = new CapturingPort(new NicPortAdapter(nicPort, mac, scheduler::execute), writer);
    DmvpnNode node = IosNodeBuilder.build(plan, port, scheduler, RandomSource.secure());
    node.events().addListener(listener);
    node.execute(node::start);
    return new PeerRun(node, scheduler, port, capture);
  }

  /**
   * Linux lists every interface in /sys/class/net; Java's NetworkInterface omits interfaces without any address
   * (a veth for the node has none), so it is only the fallback elsewhere.
   */
  private static void requireInterface(String nic) throws IOException {
    Path sys = Path.of("/sys/class/net");
    if (Files.isDirectory(sys)) {
      if (nic.contains("/") || !Files.exists(sys.resolve(nic))) {
        throw new IOException("no network interface named '" + nic + "' on this host");
      }
      return;
    }
    try {
      if (NetworkInterface.getByName(nic) == null) {
        throw new IOException("no network interface named '" + nic + "' on this host");
      }
    } catch (SocketException e) {
      throw new IOException("cannot look up network interface '" + nic + "': " + e.getMessage(), e);
    }
  }

  public DmvpnNode node() {
    return node;
  }

  /** The node's clock (real time times the run's time scale). */
  public dev.dmvpn.ref.time.Clock clock() {
    return scheduler.clock();
  }

  public Path capture() {
    return capture;
  }

  public Path keyDir() {
    return keyDir;
  }

  /** Frames in the capture so far. */
  public long framesCaptured() {
    return port.framesWritten();
  }

  /** Runs {@code action} on the node's scheduler thread and waits for it (at most 10 s). */
  public void onNodeThread(Runnable action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    scheduler.execute(() -> {
      try {
        action.run();
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the node's thread did not answer within 10 s", e);
    }
  }

  /**
   * Stops registering, closes the NIC and the capture, writes the key files, stops the scheduler. Idempotent;
   * returns false when it had already run.
   */
  public synchronized boolean stop() throws IOException {
    if (stopped) {
      return false;
    }
    stopped = true;
    try {
      onNodeThread(node::stop);
      port.close();
      onNodeThread(() -> {
        try {
          ScenarioKeys.write(keyDir, List.of(node));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IOException("stopping " + node.name() + ": " + e.getMessage(), e);
    } finally {
      port.close();
      scheduler.close();
    }
    return true;
  }
}
