package dev.dmvpn.ref.node.scenario;

import static dev.dmvpn.ref.node.scenario.DecodedCapture.isakmp;
import static dev.dmvpn.ref.node.scenario.DecodedCapture.outer;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.isakmp.DeletePayload;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.nhrp.engine.NhrpEventType;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Idle teardown of the spoke-to-spoke tunnel with IOS 12.3 defaults: the resolved (cached) entries live for the
 * holdtime of the reply (7200 s, the document's {@code ip nhrp holdtime}); after two idle hours on the simulated
 * clock they expire, the spokes delete their IPsec and ISAKMP SAs with each other (ISAKMP Delete, seen decrypted
 * on the wire), the SAs with the hub stay, and the next ping resolves again and rebuilds the SAs.
 */
public class IdleTeardownTest {
  static final String HUB = "209.168.202.225";
  static final String SV93 = "209.168.202.131";
  static final String SV94 = "209.168.202.130";
  /** The reply's holdtime (7200 s) plus margin: no traffic between the spokes meanwhile. */
  static final Duration IDLE = Duration.ofSeconds(7200 + 300);

  private TunnelLab lab;
  private boolean firstDirect;
  private boolean[] afterIdle;
  private boolean rebuilt;
  private DecodedCapture spokes;

  @BeforeClass
  public void run() throws Exception {
    lab = new TunnelLab("idle-teardown", 5);
    assertTrue(lab.startAndRegister(), "both spokes registered");
    firstDirect = lab.pingUntilSpokeToSpoke(4);
    lab.pass(IDLE);
    afterIdle = state();
    rebuilt = lab.pingUntilSpokeToSpoke(4);
    DecodedCapture[] c = lab.finish();
    spokes = c[1];
  }

  /** [sv9-4 entry for 2.2.2.2, sv9-3 entry for 3.3.3.3, sv9-4 SAs to sv9-3, sv9-3 SAs to sv9-4, hub SAs x2]. */
  private boolean[] state() {
    TunnelInterface t94 = tunnel(lab.routers.sv94());
    TunnelInterface t93 = tunnel(lab.routers.sv93());
    Ipv4Address a93 = DocumentWan.SPOKE_SV9_3.address();
    Ipv4Address a94 = DocumentWan.SPOKE_SV9_4.address();
    Ipv4Address hub = DocumentWan.HUB.address();
    return new boolean[] {
      t94.nhrp().cache().lookup(DocumentRouters.SV9_3_LAN) != null,
      t93.nhrp().cache().lookup(DocumentRouters.SV9_4_LAN) != null,
      t94.protection().hasSas(a93) || hasIkeSa(t94, a93),
      t93.protection().hasSas(a94) || hasIkeSa(t93, a94),
      t94.protection().hasSas(hub) && hasIkeSa(t94, hub),
      t93.protection().hasSas(hub) && hasIkeSa(t93, hub)
    };
  }

  private static TunnelInterface tunnel(DmvpnNode n) {
    return n.tunnel(DocumentRouters.TUNNEL);
  }

  private static boolean hasIkeSa(TunnelInterface t, Ipv4Address peer) {
    for (IkeSa sa : t.protection().ike().ikeSas()) {
      if (sa.peerAddress().equals(peer)) {
        return true;
      }
    }
    return false;
  }

  @Test
  public void noInternalErrorsAndNothingDroppedForMulticastOrTeardown() {
    for (DmvpnNode n : lab.nodes()) {
      assertTrue(n.events().events().stream().noneMatch(e -> e.kind() == dev.dmvpn.ref.node.NodeEventKind.INTERNAL_ERROR
          || (e.kind() == dev.dmvpn.ref.node.NodeEventKind.DROP && e.text().contains("protocol unreachable"))),
          n.name() + ": " + n.events().events());
    }
  }

  @Test
  public void theShortcutExistsBeforeTheIdlePeriod() {
    assertTrue(firstDirect, "spoke to spoke after the first pings");
  }

  @Test
  public void afterTheHoldtimeBothSpokesForgetEachOtherAndTheirSas() {
    assertFalse(afterIdle[0], "sv9-4's cached entry for 2.2.2.0/24 expired");
    assertFalse(afterIdle[1], "sv9-3's cached entry for 3.3.3.0/24 expired");
    assertFalse(afterIdle[2], "sv9-4 has no IPsec or ISAKMP SA with sv9-3");
    assertFalse(afterIdle[3], "sv9-3 has no IPsec or ISAKMP SA with sv9-4");
    assertTrue(afterIdle[4] && afterIdle[5], "both spokes keep their SAs with the hub");
    for (DmvpnNode n : List.of(lab.routers.sv93(), lab.routers.sv94())) {
      assertTrue(tunnel(n).nhrp().events().count(NhrpEventType.CACHE_EXPIRED) >= 2, n.name() + " entries expired");
    }
    long teardowns = lab.routers.sv93().events().events().stream()
        .filter(e -> e.kind() == NodeEventKind.IDLE_TEARDOWN).count()
        + lab.routers.sv94().events().events().stream().filter(e -> e.kind() == NodeEventKind.IDLE_TEARDOWN).count();
    assertTrue(teardowns >= 1, "the spoke whose entries expired first tore the tunnel down");
    assertTrue(lab.routers.hub().events().events().stream().noneMatch(e -> e.kind() == NodeEventKind.IDLE_TEARDOWN),
        "the hub never tears down its spokes' tunnels this way");
  }

  static Predicate<DecodedFrame> delete(int protocolId) {
    return f -> f.isakmpDecrypted() != null && f.isakmpDecrypted().stream()
        .anyMatch(p -> p instanceof DeletePayload d && d.protocolId() == protocolId);
  }

  @Test
  public void deletesForTheIpsecAndIsakmpSasAreOnTheWireDecrypted() {
    Predicate<DecodedFrame> betweenSpokes = outer(SV93, SV94).or(outer(SV94, SV93));
    Predicate<DecodedFrame> info = isakmp(ExchangeType.INFORMATIONAL).and(betweenSpokes);
    List<DecodedFrame> esp = spokes.where(info.and(delete(ProposalPayload.PROTO_IPSEC_ESP)));
    List<DecodedFrame> isakmpDeletes = spokes.where(info.and(delete(ProposalPayload.PROTO_ISAKMP)));
    assertFalse(esp.isEmpty(), "Delete of the IPsec SAs between the spokes");
    assertFalse(isakmpDeletes.isEmpty(), "Delete of the ISAKMP SA between the spokes");
    for (DecodedFrame f : esp) {
      for (IsakmpPayload p : f.isakmpDecrypted()) {
        if (p instanceof DeletePayload d && d.protocolId() == ProposalPayload.PROTO_IPSEC_ESP) {
          assertEquals(d.spiSize(), 4);
        }
      }
    }
    assertTrue(spokes.where(info.and(delete(ProposalPayload.PROTO_ISAKMP)).and(outer(SV94, HUB).or(outer(SV93, HUB))))
        .isEmpty(), "no Delete towards the hub");
  }

  @Test
  public void aNewPingResolvesAgainAndRebuildsTheSas() {
    assertTrue(rebuilt, "spoke to spoke again");
    int lastDelete = spokes.last(isakmp(ExchangeType.INFORMATIONAL).and(delete(ProposalPayload.PROTO_ISAKMP)));
    Predicate<DecodedFrame> mm = isakmp(ExchangeType.MAIN_MODE).and(outer(SV93, SV94).or(outer(SV94, SV93)));
    assertEquals(spokes.where(mm).size(), 12, "Main Mode between the spokes twice: before and after the teardown");
    assertTrue(spokes.last(mm) > lastDelete, "a new Main Mode after the deletes");
    List<DecodedFrame> resolutions = spokes.where(DecodedCapture.nhrp(
        dev.dmvpn.ref.nhrp.NhrpPacketType.RESOLUTION_REQUEST).and(outer(SV94, HUB)));
    assertTrue(resolutions.size() >= 2, "resolved once per shortcut lifetime");
    assertTrue(spokes.frames.indexOf(resolutions.get(resolutions.size() - 1)) > lastDelete,
        "the second resolution follows the teardown");
  }
}
