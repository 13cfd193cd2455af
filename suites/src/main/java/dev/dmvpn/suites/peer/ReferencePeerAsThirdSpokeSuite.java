package dev.dmvpn.suites.peer;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.parse.EigrpNeighbor;
import dev.dmvpn.drivers.parse.IpsecFlow;
import dev.dmvpn.drivers.parse.IpsecInterface;
import dev.dmvpn.drivers.parse.IsakmpSa;
import dev.dmvpn.drivers.parse.NhrpEntry;
import dev.dmvpn.drivers.parse.Route;
import dev.dmvpn.drivers.parse.RoutingTable;
import dev.dmvpn.drivers.parse.ShowCryptoIpsecSaParser;
import dev.dmvpn.drivers.parse.ShowCryptoIsakmpSaParser;
import dev.dmvpn.drivers.parse.ShowIpEigrpNeighborsParser;
import dev.dmvpn.drivers.parse.ShowIpNhrpParser;
import dev.dmvpn.drivers.parse.ShowIpRouteParser;
import dev.dmvpn.harness.scenario.DecodedCapture;
import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.peer.PeerPing;
import dev.dmvpn.harness.scenario.peer.PeerSpec;
import dev.dmvpn.harness.scenario.peer.PeerState;
import dev.dmvpn.harness.scenario.peer.ReferencePeer;
import dev.dmvpn.harness.scenario.suite.SuiteParameters;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.l2l3.IcmpType;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.virtualrack.node.NhrpRow;
import dev.dmvpn.virtualrack.node.RouteRow;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.testng.ITestContext;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The reference peer in the loop: the Java peer joins the document's DMVPN as a third spoke (sv9-5, Tunnel0
 * 192.168.1.4, NBMA 209.168.202.132 on the spokes' segment, LAN 4.4.4.4/24) against the routers the scenario
 * configured, registers with the hub, learns the routers' LANs by EIGRP through the hub, and a ping from its LAN to
 * sv9-3's is resolved through the hub onto a direct IPsec SA with sv9-3. The routers are observed through the
 * drivers (parsed {@code show} outputs), the peer through its node's API; every wait is Awaitility on parsed state.
 * On a real rack the peer sends on the NIC named by the suite parameter or system property {@code dmvpn.peerNic}.
 */
@Test(groups = "virtual-rack")
public class ReferencePeerAsThirdSpokeSuite {
  /** Suite parameter (or system property) naming the NIC the peer uses on a real rack. */
  public static final String PEER_NIC = "dmvpn.peerNic";
  private static final String TUNNEL = "Tunnel0";

  private Scenario scenario;
  private PeerRoles roles;
  private ReferencePeer peer;
  private List<DecodedCapture> wire;

  @BeforeClass(alwaysRun = true)
  public void bringUpTheDocumentsRackAndJoinThePeer(ITestContext ctx) throws ScenarioException {
    scenario = Scenario.start(SuiteParameters.settings(ctx, "reference-peer"), SuiteParameters.listeners(ctx));
    PeerSpec spec = PeerSpec.documentThirdSpoke();
    String nic = ctx.getSuite().getXmlSuite().getAllParameters().getOrDefault(PEER_NIC,
        System.getProperty(PEER_NIC, ""));
    if (!nic.isEmpty()) {
      spec = spec.onNic(nic);
    }
    roles = PeerRoles.of(scenario.rack().testbed(), spec);
    scenario.bringUp();
    peer = scenario.joinReferencePeer(spec);
  }

  @AfterClass(alwaysRun = true)
  public void tearDown() throws ScenarioException {
    if (scenario != null) {
      scenario.close();
    }
  }

  @Test
  public void theHubRegistersThePeerDynamicallyWithItsNbmaAddress() throws ScenarioException {
    String tunnelIp = roles.peer().tunnelAddress().toString();
    List<NhrpEntry> entries = scenario.awaitShow(roles.hub().device(), "show ip nhrp", ShowIpNhrpParser::parse,
        list -> peerEntry(list).isPresent());
    NhrpEntry e = peerEntry(entries).orElseThrow();
    assertEquals(e.prefixLength(), 32, e.toString());
    assertEquals(e.via(), tunnelIp, "registered via its own tunnel address: " + e);
    assertEquals(e.type(), "dynamic", e.toString());
    assertTrue(e.flags().contains("registered"), e.toString());
    assertEquals(e.tunnel(), TUNNEL, e.toString());
  }

  @Test
  public void theHubHasThePeerAsEigrpNeighbourOnTunnel0() throws ScenarioException {
    String tunnelIp = roles.peer().tunnelAddress().toString();
    List<EigrpNeighbor> n = scenario.awaitShow(roles.hub().device(), "show ip eigrp neighbors",
        ShowIpEigrpNeighborsParser::parse, list -> list.stream().anyMatch(x -> x.address().equals(tunnelIp)));
    EigrpNeighbor p = n.stream().filter(x -> x.address().equals(tunnelIp)).findFirst().orElseThrow();
    assertEquals(p.iface(), "Tu0", p.toString());
    assertEquals(p.asNumber(), Integer.valueOf(90), p.toString());
  }

  /** Every router's LAN (the hub's 1.1.1.0/24, sv9-3's 2.2.2.0/24, sv9-4's 3.3.3.0/24), next-hop-self on the hub. */
  @Test
  public void thePeerLearnsEveryRoutersLanByEigrpViaTheHub() throws ScenarioException {
    Ipv4Address hubTunnel = roles.hub().tunnelAddress();
    PeerState s = scenario.awaitPeer(peer, "EIGRP routes to " + subnets(roles.memberLans()),
        st -> roles.memberLans().stream().allMatch(l -> st.route(l.subnet().toString(), "D").isPresent()));
    assertTrue(s.eigrpNeighbor(hubTunnel, TUNNEL).isPresent(), "the hub is the peer's EIGRP neighbour on "
        + TUNNEL + ": " + s.eigrpNeighbors());
    for (Ipv4Cidr lan : roles.memberLans()) {
      RouteRow r = s.route(lan.subnet().toString(), "D").orElseThrow();
      assertEquals(r.distance(), 90, r.toString());
      assertEquals(r.nextHop(), hubTunnel, "the peer reaches " + lan.subnet() + " through the hub: " + r);
      assertEquals(r.iface(), TUNNEL, r.toString());
    }
  }

  @Test
  public void sv93LearnsThePeersLanByEigrpViaTheHub() throws ScenarioException {
    String lan = roles.peer().lan().subnet().toString();
    RoutingTable t = scenario.awaitShow(roles.target().device(), "show ip route", ShowIpRouteParser::parse,
        table -> eigrpRoute(table, lan).isPresent());
    Route r = eigrpRoute(t, lan).orElseThrow();
    assertEquals(r.distance(), Integer.valueOf(90), r.toString());
    assertEquals(r.nextHops().get(0).address(), roles.hub().tunnelAddress().toString(),
        roles.target().device() + " reaches the peer's LAN through the hub (next-hop-self): " + r);
    assertTrue(r.nextHops().get(0).iface().startsWith("Tunnel"), r.toString());
  }

  /**
   * The first ping from 4.4.4.4 goes through the hub while the peer resolves 2.2.2.2 (the hub forwards the request
   * to sv9-3, which answers directly) and the peer and sv9-3 build their own SAs; the second goes spoke to spoke.
   */
  @Test(dependsOnMethods = {"thePeerLearnsEveryRoutersLanByEigrpViaTheHub", "sv93LearnsThePeersLanByEigrpViaTheHub",
      "theHubRegistersThePeerDynamicallyWithItsNbmaAddress"})
  public void pingFromThePeersLanIsResolvedThroughTheHubOntoADirectIpsecSaWithSv93() throws Exception {
    String sv93 = roles.target().device();
    Ipv4Address source = roles.peer().lan().address();
    Ipv4Address target = roles.targetLan().address();
    Ipv4Address targetNbma = roles.target().nbmaAddress();
    assertTrue(scenario.device(sv93).show("show crypto isakmp sa", ShowCryptoIsakmpSaParser::parse).stream()
        .noneMatch(this::withPeer), "no SA between sv9-3 and the peer before the ping (else it proves nothing)");
    assertTrue(peer.state().isakmpWith(targetNbma, "QM_IDLE").isEmpty(), "nor on the peer's side");

    PeerPing first = scenario.triggerPeerPing(peer, source, target);
    assertEquals(first.sent(), 5, first.toString());
    assertTrue(first.answered() >= 1, "the first ping is answered through the hub while resolving: " + first);

    List<IsakmpSa> sas = scenario.awaitShow(sv93, "show crypto isakmp sa", ShowCryptoIsakmpSaParser::parse,
        list -> list.stream().anyMatch(sa -> withPeer(sa) && sa.state().equals("QM_IDLE")));
    assertTrue(sas.stream().anyMatch(sa -> sa.dst().equals(roles.hub().nbmaAddress().toString())
        || sa.src().equals(roles.hub().nbmaAddress().toString())), "sv9-3's SA with the hub stays: " + sas);
    List<IpsecInterface> ipsec = scenario.awaitShow(sv93, "show crypto ipsec sa", ShowCryptoIpsecSaParser::parse,
        list -> peerFlow(list).isPresent());
    IpsecFlow flow = peerFlow(ipsec).orElseThrow();
    assertEquals(flow.remoteEndpoint(), roles.peerNbma(), flow.toString());
    assertFalse(flow.inbound().isEmpty(), "an inbound SA from the peer: " + flow);

    // the entry covering the destination (2.2.2.0/24 from the resolution reply), not just any entry with sv9-3's
    // NBMA address (sv9-3's own request creates 192.168.1.2/32 earlier): only then does the next ping go direct
    PeerState s = scenario.awaitPeer(peer, "NHRP entry for " + target + " and IPsec SAs with " + targetNbma,
        st -> st.nhrpFor(target).filter(r -> targetNbma.equals(r.nbma())).isPresent()
            && st.ipsecPeers().contains(targetNbma));
    NhrpRow resolved = s.nhrpFor(target).orElseThrow();
    assertEquals(resolved.via(), roles.target().tunnelAddress(), "resolved via sv9-3's tunnel address: " + resolved);
    assertTrue(s.isakmpWith(targetNbma, "QM_IDLE").isPresent(), s.isakmp().toString());

    long directBefore = peer.dataPacketsTo(targetNbma);
    PeerPing second = scenario.triggerPeerPing(peer, source, target);
    assertEquals(second.answered(), 5, "the second ping, spoke to spoke: " + second);
    assertTrue(peer.dataPacketsTo(targetNbma) - directBefore >= 5,
        "the second ping's echoes leave the peer straight for sv9-3's NBMA address");
  }

  @Test(dependsOnMethods = "pingFromThePeersLanIsResolvedThroughTheHubOntoADirectIpsecSaWithSv93")
  public void theHubForwardsThePeersResolutionRequestToSv93() throws ScenarioException {
    List<DecodedFrame> hubSide = capture(roles.hub().nbmaAddress());
    String target = roles.targetLan().address().toString();
    DecodedFrame request = hubSide.stream()
        .filter(f -> nhrp(f, roles.peerNbma(), roles.hub().nbmaAddress().toString(), NhrpPacketType.RESOLUTION_REQUEST)
            && f.nhrp().mandatoryPart().dstProtoIpv4().toString().equals(target))
        .findFirst().orElseThrow(() -> new AssertionError("the peer's Resolution Request for " + target));
    DecodedFrame forwarded = hubSide.stream()
        .filter(f -> nhrp(f, roles.hub().nbmaAddress().toString(), roles.targetNbma(),
            NhrpPacketType.RESOLUTION_REQUEST)
            && f.nhrp().mandatoryPart().requestId() == request.nhrp().mandatoryPart().requestId()
            && f.nhrp().mandatoryPart().srcNbmaIpv4().toString().equals(roles.peerNbma()))
        .findFirst().orElseThrow(() -> new AssertionError("the hub's forwarding of the peer's request ID "
            + request.nhrp().mandatoryPart().requestId() + " to sv9-3"));
    assertTrue(forwarded.number() > request.number(), "forwarded after it arrived");
  }

  @Test(dependsOnMethods = "pingFromThePeersLanIsResolvedThroughTheHubOntoADirectIpsecSaWithSv93")
  public void thePeerAndSv93RunMainModeAndQuickModeWithEachOther() throws ScenarioException {
    List<DecodedFrame> spokes = capture(roles.peer().nbma().address());
    Predicate<DecodedFrame> mm = f -> isakmpWithSv93(f, ExchangeType.MAIN_MODE);
    Predicate<DecodedFrame> qm = f -> isakmpWithSv93(f, ExchangeType.QUICK_MODE);
    long mmCount = spokes.stream().filter(mm).count();
    long qmCount = spokes.stream().filter(qm).count();
    assertTrue(mmCount >= 6, "Main Mode 1-6 between the peer and sv9-3, found " + mmCount + " messages");
    assertTrue(qmCount >= 3, "Quick Mode 1-3 between the peer and sv9-3, found " + qmCount + " messages");
    assertTrue(first(spokes, mm) < first(spokes, qm), "Main Mode before Quick Mode");
  }

  @Test(dependsOnMethods = "pingFromThePeersLanIsResolvedThroughTheHubOntoADirectIpsecSaWithSv93")
  public void espFlowsBothWaysBetweenThePeerAndSv93() throws ScenarioException {
    List<DecodedFrame> spokes = capture(roles.peer().nbma().address());
    for (boolean fromPeer : List.of(true, false)) {
      String from = fromPeer ? roles.peerNbma() : roles.targetNbma();
      String to = fromPeer ? roles.targetNbma() : roles.peerNbma();
      assertTrue(spokes.stream().anyMatch(f -> between(f, from, to) && f.esp() != null), "ESP " + from + " -> " + to);
    }
    if (wire.stream().anyMatch(DecodedCapture::decrypted)) {
      assertFalse(spokes.stream().anyMatch(f -> (between(f, roles.peerNbma(), roles.targetNbma())
          || between(f, roles.targetNbma(), roles.peerNbma())) && f.esp() != null && f.espDecryption() != null
          && f.espDecryption().startsWith("dropped")), "every ESP packet between them opens with the exported keys");
    }
  }

  /**
   * The ping on the wire, ESP opened with the exported keys: the first echo requests from 4.4.4.4 reach the hub
   * (the EIGRP route), later ones go from the peer's NBMA address straight to sv9-3's, and sv9-3's echo replies
   * come straight back.
   */
  @Test(dependsOnMethods = "pingFromThePeersLanIsResolvedThroughTheHubOntoADirectIpsecSaWithSv93")
  public void theFirstEchoesGoThroughTheHubAndTheLaterOnesDirect() throws ScenarioException {
    List<DecodedFrame> hubSide = capture(roles.hub().nbmaAddress());
    List<DecodedFrame> spokes = capture(roles.peer().nbma().address());
    if (!wire.get(0).decrypted()) {
      throw new SkipException("the echoes travel inside ESP and this rack's SA keys are unknown");
    }
    String lan = roles.peer().lan().address().toString();
    String target = roles.targetLan().address().toString();
    String hub = roles.hub().nbmaAddress().toString();
    assertTrue(hubSide.stream().anyMatch(f -> between(f, roles.peerNbma(), hub) && echo(f, IcmpType.ECHO_REQUEST,
        lan, target)), "an echo request " + lan + " -> " + target + " from the peer to the hub");
    assertTrue(spokes.stream().anyMatch(f -> between(f, roles.peerNbma(), roles.targetNbma())
        && echo(f, IcmpType.ECHO_REQUEST, lan, target)), "echo requests from the peer straight to sv9-3");
    assertTrue(spokes.stream().anyMatch(f -> between(f, roles.targetNbma(), roles.peerNbma())
        && echo(f, IcmpType.ECHO_REPLY, target, lan)), "echo replies from sv9-3 straight to the peer");
  }

  // ---- helpers

  /** An ICMP echo of {@code type} inside the tunnel ({@code innerIpv4}), decrypted from ESP. */
  private static boolean echo(DecodedFrame f, IcmpType type, String from, String to) {
    return f.esp() != null && f.innerIpv4() != null && f.icmp() != null
        && f.icmp().type().value() == type.value() && f.innerIpv4().source().toString().equals(from)
        && f.innerIpv4().destination().toString().equals(to);
  }

  private Optional<NhrpEntry> peerEntry(List<NhrpEntry> entries) {
    return entries.stream().filter(e -> e.network().equals(roles.peer().tunnelAddress().toString())
        && roles.peerNbma().equals(e.nbma())).findFirst();
  }

  private static Optional<Route> eigrpRoute(RoutingTable t, String network) {
    return t.routes().stream()
        .filter(r -> r.protocol().equals("D") && (r.network() + "/" + r.prefixLength()).equals(network)).findFirst();
  }

  private boolean withPeer(IsakmpSa sa) {
    return sa.dst().equals(roles.peerNbma()) || sa.src().equals(roles.peerNbma());
  }

  private Optional<IpsecFlow> peerFlow(List<IpsecInterface> interfaces) {
    return interfaces.stream().flatMap(i -> i.flows().stream())
        .filter(f -> roles.peerNbma().equals(f.peer()) && f.currentOutboundSpi() != 0).findFirst();
  }

  private static List<String> subnets(List<Ipv4Cidr> lans) {
    return lans.stream().map(l -> l.subnet().toString()).toList();
  }

  /** The decoded capture of the segment holding {@code nbma} (stops the captures once). */
  private List<DecodedFrame> capture(Ipv4Address nbma) throws ScenarioException {
    if (wire == null) {
      wire = scenario.stopCaptures();
    }
    String point = scenario.rack().testbed().captures().values().stream()
        .filter(c -> scenario.rack().testbed().device(c.device())
            .map(d -> d.interfaces().get(c.interfaceName()))
            .flatMap(i -> i.ipv4()).map(a -> a.contains(nbma)).orElse(false))
        .map(c -> c.name()).findFirst()
        .orElseThrow(() -> new AssertionError("no capture point on the segment of " + nbma));
    return wire.stream().filter(c -> c.name().equals(point)).findFirst().orElseThrow().frames();
  }

  private boolean nhrp(DecodedFrame f, String from, String to, NhrpPacketType type) {
    if (f.esp() != null && !wire.get(0).decrypted()) {
      throw new SkipException("NHRP travels inside ESP and this rack's SA keys are unknown (a real router keeps"
          + " them): the NHRP frame checks need the virtual rack");
    }
    return between(f, from, to) && f.nhrp() != null && f.nhrp().type().equals(type);
  }

  private boolean isakmpWithSv93(DecodedFrame f, ExchangeType type) {
    return (between(f, roles.peerNbma(), roles.targetNbma()) || between(f, roles.targetNbma(), roles.peerNbma()))
        && f.isakmp() != null && f.isakmp().header().exchangeType().equals(type);
  }

  private static boolean between(DecodedFrame f, String from, String to) {
    return f.ipv4() != null && f.ipv4().source().toString().equals(from)
        && f.ipv4().destination().toString().equals(to);
  }

  private static int first(List<DecodedFrame> frames, Predicate<DecodedFrame> p) {
    for (int i = 0; i < frames.size(); i++) {
      if (p.test(frames.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
