package dev.dmvpn.ref.node.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheEntry;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.node.Pinger;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.time.Duration;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

/**
 * The three routers built from the document's configuration files (plus the EIGRP routes as {@code ip route}
 * lines) on the document's virtual WAN, on a simulated clock: the spokes register, and sv9-4's ping to 2.2.2.2
 * ends up spoke to spoke, over IPsec SAs between 209.168.202.130 and .131.
 */
public class IosNodesScenarioTest {
  private final SimulatedScheduler scheduler = new SimulatedScheduler();

  private DmvpnNode node(String router, VirtualSegment segment, int index) {
    IosNodeLoad load = IosNodeBuilder.fromText(IosFixtures.withTunnelRoutes(router));
    assertTrue(load.ok(), load.errors().toString());
    return IosNodeBuilder.build(load.plan(), segment.attach(router, MacAddress.parse("02:00:00:00:09:0" + index)),
        scheduler, RandomSource.of(new SplittableRandom(index)));
  }

  @Test
  public void spokesRegisterAndThePingGoesSpokeToSpoke() {
    DocumentWan wan = DocumentWan.create(scheduler, 3);
    DmvpnNode hub = node("sv9-2", wan.hubSegment(), 2);
    DmvpnNode sv93 = node("sv9-3", wan.spokeSegment(), 3);
    DmvpnNode sv94 = node("sv9-4", wan.spokeSegment(), 4);
    for (DmvpnNode n : new DmvpnNode[] {hub, sv93, sv94}) {
      n.execute(n::start);
    }
    scheduler.advance(Duration.ofSeconds(30));
    Ipv4Address hubTunnel = Ipv4Address.parse("192.168.1.1");
    assertTrue(sv93.tunnel("Tunnel0").nhrp().registrar(hubTunnel).registered(), sv93.events().lines().toString());
    assertTrue(sv94.tunnel("Tunnel0").nhrp().registrar(hubTunnel).registered(), sv94.events().lines().toString());
    Pinger last = null;
    for (int round = 0; round < 4; round++) {
      Pinger[] p = new Pinger[1];
      sv94.execute(() -> p[0] = sv94.ping(Ipv4Address.parse("3.3.3.3"), Ipv4Address.parse("2.2.2.2"), 5,
          Duration.ofSeconds(2), 100));
      scheduler.advance(Duration.ofSeconds(12));
      last = p[0];
    }
    TunnelInterface t = sv94.tunnel("Tunnel0");
    Ipv4Address sv93Nbma = Ipv4Address.parse("209.168.202.131");
    NhrpCacheEntry e = t.nhrp().cache().lookup(Ipv4Address.parse("2.2.2.2"));
    assertTrue(e != null && e.usable() && sv93Nbma.equals(e.nbma()), "shortcut to 2.2.2.2: " + e);
    assertTrue(t.protection().hasSas(sv93Nbma), "IPsec SAs sv9-4 -> sv9-3");
    assertTrue(t.dataPacketsTo(sv93Nbma) > 0, "data sent spoke to spoke");
    assertEquals(last.marks(), "!!!!!");
    assertEquals(hub.events().count(NodeEventKind.INTERNAL_ERROR), 0);
  }
}
