package dev.dmvpn.ref.node.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheEntry;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheType;
import dev.dmvpn.ref.nhrp.engine.NhrpEngine;
import dev.dmvpn.ref.nhrp.engine.RegistrationState;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.virtual.MemoryTap;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The scale benchmark's topology, small and on a simulated clock (not timed): 50 spokes start at the same instant
 * against one hub; every one brings up IKE (Main Mode + Quick Mode) with the hub and registers over ESP, and the
 * hub ends with exactly 50 dynamic cache entries, all of them in its multicast replication list.
 */
public class SpokeFleetTest {
  private static final int SPOKES = 50;
  private SpokeFleet fleet;
  private List<CapturedFrame> frames;
  private final Set<Integer> registered = new HashSet<>();

  @BeforeClass
  public void run() {
    SimulatedScheduler clock = new SimulatedScheduler();
    VirtualSegment segment = new VirtualSegment("fleet", clock);
    MemoryTap tap = MemoryTap.attach(segment);
    fleet = SpokeFleet.build(SPOKES, (name, mac, s) -> segment.attach(name, mac), i -> clock,
        OakleyGroup.MODP_768, 5);
    fleet.onRegistered(registered::add);
    fleet.startHub();
    for (int i = 1; i <= SPOKES; i++) {
      fleet.startSpoke(i);
    }
    clock.advance(Duration.ofSeconds(30));
    frames = tap.frames();
  }

  @Test
  public void everySpokeRegisteredOnce() {
    assertEquals(registered.size(), SPOKES);
    for (int i = 1; i <= SPOKES; i++) {
      DmvpnNode s = fleet.spoke(i);
      NhrpEngine nhrp = s.tunnel("Tunnel0").nhrp();
      assertEquals(nhrp.registrars().get(0).state(), RegistrationState.REGISTERED, s.name());
      assertEquals(s.events().count(NodeEventKind.IPSEC_SA_UP), 1, s.name() + ": one SA pair with the hub");
      assertEquals(s.counters().drops(), Map.of("ipsec: need to wait for IPsec SAs", 1L),
          s.name() + ": only the first Registration Request, which started IKE (IOS drops what finds no SA)");
    }
  }

  @Test
  public void hubHoldsExactlyOneDynamicEntryPerSpoke() {
    NhrpEngine hub = fleet.hub().tunnel("Tunnel0").nhrp();
    List<NhrpCacheEntry> dynamic = hub.cache().entries(NhrpCacheType.DYNAMIC);
    assertEquals(dynamic.size(), SPOKES);
    Map<Ipv4Address, Ipv4Address> nbmaByTunnel = new HashMap<>();
    for (NhrpCacheEntry e : dynamic) {
      nbmaByTunnel.put(e.prefix().address(), e.nbma());
    }
    for (int i = 1; i <= SPOKES; i++) {
      assertEquals(nbmaByTunnel.get(SpokeFleet.spokeTunnel(i)), SpokeFleet.spokeNbma(i), "spoke " + i);
    }
    List<Ipv4Address> multicast = hub.multicast().destinations();
    assertEquals(multicast.size(), SPOKES);
    assertEquals(new HashSet<>(multicast), new HashSet<>(nbmaByTunnel.values()));
    assertEquals(fleet.hub().events().count(NodeEventKind.IPSEC_SA_UP), SPOKES);
  }

  @Test
  public void theWireCarriesIkeAndEspOnlyNeverClearGre() {
    int isakmp = 0;
    int esp = 0;
    for (int n = 0; n < frames.size(); n++) {
      DecodedFrame f = FrameDecoder.decode(n + 1, frames.get(n));
      assertTrue(f.ok(), "frame " + (n + 1) + ": " + f.error());
      assertNull(f.gre(), "frame " + (n + 1) + " is clear GRE");
      isakmp += f.isakmp() != null ? 1 : 0;
      esp += f.esp() != null ? 1 : 0;
    }
    // Main Mode 6 + Quick Mode 3 messages per spoke, nothing retransmitted on a lossless wire
    assertEquals(isakmp, 9 * SPOKES);
    // one Registration Request and one Reply per spoke
    assertEquals(esp, 2 * SPOKES);
  }
}
