package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.Pinger;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.FaultProfile;
import dev.dmvpn.ref.wire.virtual.PcapTap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The document's three routers on a simulated clock with both WAN segments captured, driven step by step by a
 * test (unlike {@link DocumentScenario}, which plays one fixed script): start and register, ping, let time pass,
 * then close the captures and decode them with the keys the nodes exported.
 */
final class TunnelLab {
  final SimulatedScheduler scheduler = new SimulatedScheduler();
  final ScenarioDriver driver = ScenarioDriver.simulated(scheduler);
  final DocumentRouters routers;
  private final Path dir;
  private final PcapTap hubTap;
  private final PcapTap spokeTap;

  TunnelLab(String name, long seed) throws IOException {
    this(name, seed, true, UnaryOperator.identity());
  }

  /** The lab with each router's IKE configuration changed by {@code crypto}. */
  TunnelLab(String name, long seed, UnaryOperator<IkeConfig> crypto) throws IOException {
    this(name, seed, true, crypto);
  }

  /** {@code runEigrp} false: no routing protocol (the multicast tests send and count their own hellos). */
  TunnelLab(String name, long seed, boolean runEigrp) throws IOException {
    this(name, seed, runEigrp, UnaryOperator.identity());
  }

  private TunnelLab(String name, long seed, boolean runEigrp, UnaryOperator<IkeConfig> crypto) throws IOException {
    dir = Files.createTempDirectory(name);
    DocumentWan wan = DocumentWan.create(scheduler, seed);
    FaultProfile delay = FaultProfile.NONE.withDelay(Duration.ofMillis(1), Duration.ZERO);
    wan.hubSegment().setFaults(delay);
    wan.spokeSegment().setFaults(delay);
    hubTap = PcapTap.attach(wan.hubSegment(), dir.resolve("wan-hub.pcap"));
    spokeTap = PcapTap.attach(wan.spokeSegment(), dir.resolve("wan-spokes.pcap"));
    routers = DocumentRouters.build(scheduler, wan, seed, IosImage.DEFAULT, crypto, runEigrp);
  }

  List<DmvpnNode> nodes() {
    return List.of(routers.hub(), routers.sv93(), routers.sv94());
  }

  /**
   * Starts the three routers and waits until both spokes are registered with the hub and, when EIGRP runs, until
   * it has converged (each spoke has the other's LAN).
   */
  boolean startAndRegister() {
    nodes().forEach(DmvpnNode::start);
    // 200 s: a spoke's first EIGRP hello on the tunnel can go before the SAs are up and is dropped (as IOS drops
    // packets that find no SA); the next one comes a 60 s hello interval later, then the INIT exchange.
    return driver.await(() -> registered(routers.sv93()) && registered(routers.sv94())
        && (routers.hub().eigrp() == null || DocumentScenario.eigrpConverged(routers)), Duration.ofSeconds(200));
  }

  private static boolean registered(DmvpnNode spoke) {
    return spoke.tunnel(DocumentRouters.TUNNEL).nhrp().registrar(DocumentRouters.HUB_TUNNEL).registered();
  }

  /** Pings 2.2.2.2 from 3.3.3.3 (five echoes, 2 s timeout) and waits for the round to finish. */
  Pinger pingSv93FromSv94() {
    Pinger p = routers.sv94().ping(DocumentRouters.SV9_4_LAN, DocumentRouters.SV9_3_LAN, 5, Duration.ofSeconds(2),
        100);
    driver.await(p::done, Duration.ofSeconds(15));
    return p;
  }

  /** Pings until both spokes send to each other directly (at most {@code rounds} rounds). */
  boolean pingUntilSpokeToSpoke(int rounds) {
    for (int i = 0; i < rounds; i++) {
      Pinger p = pingSv93FromSv94();
      if (p.answered() > 0 && direct()) {
        return true;
      }
      // 12.3(3): the spoke-to-spoke reply waits for sv9-4's retransmission 2 s later (IosImage.IOS_12_3_3)
      driver.pass(Duration.ofSeconds(3));
    }
    return false;
  }

  boolean direct() {
    return DocumentScenario.shortcut(routers.sv94(), DocumentRouters.SV9_3_LAN, DocumentWan.SPOKE_SV9_3.address())
        && DocumentScenario.shortcut(routers.sv93(), DocumentRouters.SV9_4_LAN, DocumentWan.SPOKE_SV9_4.address());
  }

  void pass(Duration d) {
    driver.pass(d);
  }

  /** Closes the captures, exports the keys and decodes both segments: [hub side, spoke side]. */
  DecodedCapture[] finish() throws IOException {
    driver.pass(Duration.ofSeconds(1));
    hubTap.close();
    spokeTap.close();
    Path keys = dir.resolve("keys");
    ScenarioKeys.write(keys, nodes());
    return new DecodedCapture[] {
      new DecodedCapture(dir.resolve("wan-hub.pcap"), keys), new DecodedCapture(dir.resolve("wan-spokes.pcap"), keys)
    };
  }
}
