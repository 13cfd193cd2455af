package dev.dmvpn.harness.scenario.peer;

import dev.dmvpn.harness.peer.PeerRun;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.node.ios.IosNodePlan;
import dev.dmvpn.ref.time.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The peer's node on a NIC of the harness host, for a real rack: exactly what {@code dmvpn-harness peer} runs
 * ({@link PeerRun}: pcap4j, its own capture of every frame it sends and receives, the key files written next to
 * the capture when it stops), in real time.
 */
final class NicPeerHost implements PeerHost {
  private final PeerRun run;
  private final String nic;
  private final long builtAtNanos;

  private NicPeerHost(PeerRun run, String nic) {
    this.run = run;
    this.nic = nic;
    this.builtAtNanos = run.clock().nanoTime();
  }

  static NicPeerHost start(IosNodePlan plan, String nic, MacAddress mac, Path capture, Consumer<NodeEvent> listener)
      throws IOException {
    return new NicPeerHost(PeerRun.start(plan, nic, mac, capture, 1, listener), nic);
  }

  @Override
  public <T> T read(Function<DmvpnNode, T> reader) throws IOException {
    AtomicReference<T> value = new AtomicReference<>();
    try {
      run.onNodeThread(() -> value.set(reader.apply(run.node())));
    } catch (IllegalStateException e) {
      throw new IOException("reading " + run.node().name() + ": " + e.getMessage(), e);
    }
    return value.get();
  }

  @Override
  public Clock clock() {
    return run.clock();
  }

  @Override
  public long builtAtNanos() {
    return builtAtNanos;
  }

  @Override
  public String describe() {
    return "on NIC " + nic + " (capture " + run.capture() + ", keys " + run.keyDir() + ")";
  }

  /** The peer's own capture (a real rack's capture points may not see the spokes' segment). */
  Path capture() {
    return run.capture();
  }

  @Override
  public void close() throws IOException {
    run.stop();
  }
}
