package dev.dmvpn.ref.node.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.ConfigProblem;
import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IkePolicy;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.LanInterface;
import dev.dmvpn.ref.node.NodeInterface;
import dev.dmvpn.ref.node.NodeRoute;
import dev.dmvpn.ref.node.PhysicalInterface;
import dev.dmvpn.ref.node.TunnelConfig;
import dev.dmvpn.ref.node.scenario.DocumentRouters;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The document's configurations (fixtures sv9-2/3/4) built into nodes equal in substance to {@link
 * DocumentRouters}, which builds the same routers in code from the document's text; and every kind of problem
 * reported at its line.
 */
public class IosNodeBuilderTest {
  private final SimulatedScheduler scheduler = new SimulatedScheduler();
  private final DocumentRouters reference = DocumentRouters.build(scheduler, DocumentWan.create(scheduler, 1), 1);

  @DataProvider
  Object[][] routers() {
    return new Object[][] {{"sv9-2"}, {"sv9-3"}, {"sv9-4"}};
  }

  private DmvpnNode referenceNode(String router) {
    return switch (router) {
      case "sv9-2" -> reference.hub();
      case "sv9-3" -> reference.sv93();
      default -> reference.sv94();
    };
  }

  private DmvpnNode build(String text) {
    IosNodeLoad load = IosNodeBuilder.fromText(text);
    assertTrue(load.ok(), load.errors().toString());
    VirtualSegment segment = new VirtualSegment("s", scheduler);
    return IosNodeBuilder.build(load.plan(), segment.attach("p", MacAddress.parse("02:00:00:00:00:01")),
        scheduler, RandomSource.of(new SplittableRandom(1)));
  }

  @Test(dataProvider = "routers")
  public void fixtureBuildsTheDocumentRoutersTunnel(String router) {
    DmvpnNode node = build(IosFixtures.text(router + ".ios"));
    DmvpnNode ref = referenceNode(router);
    assertEquals(node.name(), router);
    TunnelConfig mine = node.tunnel("Tunnel0").config();
    TunnelConfig theirs = ref.tunnel("Tunnel0").config();
    assertEquals(mine.key(), Long.valueOf(0), "tunnel key 0: K bit with key 0");
    assertEquals(mine.ipMtu(), 1440);
    assertEquals(mine.sourceInterface(), "FastEthernet0/0");
    assertEquals(mine.ipsecQueueLimit(), theirs.ipsecQueueLimit());
    // NHRP: addresses, auth cisco123, network-id 1, holdtime 7200, static map / multicast / nhs on the spokes
    assertEquals(mine.nhrp(), theirs.nhrp());
    assertEquals(mine.nhrp().authentication(), "cisco123");
    assertEquals(mine.nhrp().networkId(), 1L);
    assertEquals(mine.nhrp().holdtimeSeconds(), 7200);
    assertEquals(mine.nhrp().nhs().size(), router.equals("sv9-2") ? 0 : 1);
    assertSameProtection(mine.protection(), theirs.protection());
  }

  private static void assertSameProtection(IkeConfig mine, IkeConfig theirs) {
    assertEquals(mine.localAddress(), theirs.localAddress());
    assertEquals(mine.policies(), List.of(new IkePolicy(10, Ikev1Encryption.DES_CBC, HashAlgorithm.MD5,
        OakleyGroup.MODP_768, 86_400)), "policy 10: DES (default), MD5, group 1 (default), pre-share");
    assertEquals(mine.policies(), theirs.policies());
    assertEquals(mine.profile(), theirs.profile());
    assertEquals(mine.profile().lifetimeSeconds(), 120);
    assertEquals(mine.profile().transformSets().get(0).encryption(), EspEncryption.TDES_CBC);
    assertEquals(mine.profile().transformSets().get(0).integrity(), EspIntegrity.HMAC_MD5_96);
    assertEquals(mine.profile().transformSets().get(0).mode(), EspMode.TUNNEL, "no 'mode' line: tunnel");
    assertEquals(mine.natTraversalVids(), theirs.natTraversalVids());
    assertEquals(mine.firstRetransmit(), theirs.firstRetransmit());
    assertEquals(mine.maxRetransmits(), theirs.maxRetransmits());
    for (String peer : new String[] {"209.168.202.130", "209.168.202.131", "209.168.202.225", "10.0.0.1"}) {
      // crypto isakmp key cisco123 address 0.0.0.0 0.0.0.0: every peer
      assertEquals(new String(mine.keys().lookup(Ipv4Address.parse(peer)), StandardCharsets.US_ASCII), "cisco123");
    }
  }

  @Test(dataProvider = "routers")
  public void fixtureBuildsTheDocumentRoutersAddressesAndRoutes(String router) {
    DmvpnNode node = build(IosFixtures.text(router + ".ios"));
    DmvpnNode ref = referenceNode(router);
    assertEquals(addresses(node, PhysicalInterface.class), addresses(ref, PhysicalInterface.class));
    assertEquals(addresses(node, LanInterface.class), addresses(ref, LanInterface.class));
    assertEquals(routes(node), routes(ref), "the default route (EIGRP learns the rest once running)");
  }

  @Test(dataProvider = "routers")
  public void fixtureRunsTheDocumentRoutersEigrp(String router) {
    DmvpnNode node = build(IosFixtures.text(router + ".ios"));
    DmvpnNode ref = referenceNode(router);
    assertEquals(node.eigrp().router().config(), ref.eigrp().router().config(), "AS 90, no auto-summary");
    // the same interfaces with the same metrics, timers, split horizon and next-hop-self (Tunnel0: 9 kbit/s,
    // 50,000 tens of us, 60/180 s; the hub's without split horizon)
    assertEquals(node.eigrp().router().interfaceSettings(), ref.eigrp().router().interfaceSettings());
    boolean hub = router.equals("sv9-2");
    assertEquals(node.eigrp().router().interfaceSettings().stream().filter(s -> s.name().equals("Tunnel0"))
        .findFirst().orElseThrow().splitHorizon(), !hub);
  }

  @Test
  public void nextHopSelfAndTimerLinesReachTheInterface() {
    String text = IosFixtures.text("sv9-2.ios").replace("no ip split-horizon eigrp 90",
        "no ip split-horizon eigrp 90\nno ip next-hop-self eigrp 90\nip hello-interval eigrp 90 10\n"
            + "ip hold-time eigrp 90 30\nbandwidth 1000\ndelay 2000");
    var tunnel = build(text).eigrp().router().interfaceSettings().stream().filter(s -> s.name().equals("Tunnel0"))
        .findFirst().orElseThrow();
    assertFalse(tunnel.nextHopSelf());
    assertEquals(tunnel.timers().hello(), java.time.Duration.ofSeconds(10));
    assertEquals(tunnel.timers().hold(), java.time.Duration.ofSeconds(30));
    assertEquals(tunnel.metrics().bandwidthKbps(), 1000);
    assertEquals(tunnel.metrics().delayTensOfMicroseconds(), 2000);
  }

  private static List<InterfaceAddress> addresses(DmvpnNode n, Class<? extends NodeInterface> kind) {
    return n.interfaces().stream().filter(kind::isInstance).flatMap(i -> i.addresses().stream()).toList();
  }

  /** prefix -> next hop of the non-connected routes, sorted (origin aside: STATIC here, EIGRP there). */
  private static List<String> routes(DmvpnNode n) {
    return n.routes().routes().stream().filter(r -> !r.isConnected())
        .map(r -> r.prefix() + " via " + r.nextHop()).sorted().toList();
  }

  @Test
  public void staticRoutesAreStaticOrigin() {
    DmvpnNode node = build(IosFixtures.withTunnelRoutes("sv9-4"));
    NodeRoute r = node.routes().longestMatch(Ipv4Address.parse("2.2.2.2"));
    assertEquals(r.origin(), NodeRoute.Origin.STATIC);
    assertEquals(r.nextHop(), Ipv4Address.parse("192.168.1.1"));
    assertEquals(r.prefix(), Ipv4Prefix.parse("2.2.2.0/24"));
  }

  @Test
  public void eigrpRunsWithoutWarnings() {
    IosNodeLoad load = IosNodeBuilder.fromText(IosFixtures.text("sv9-4.ios"));
    assertTrue(load.problems().stream().noneMatch(p -> p.reason().contains("EIGRP")), load.problems().toString());
    assertEquals(load.plan().eigrp().router().asNumber(), 90);
    assertEquals(load.plan().eigrp().networks().size(), 2);
  }

  @Test
  public void secondEigrpProcessIsAnError() {
    String text = IosFixtures.text("sv9-4.ios").replace("router eigrp 90", "router eigrp 91\nnetwork 10.0.0.0\n"
        + "router eigrp 90");
    IosNodeLoad load = IosNodeBuilder.fromText(text);
    assertFalse(load.ok());
    assertTrue(load.errors().toString().contains("second EIGRP process"), load.errors().toString());
  }

  @Test
  public void transformSetWithoutModeLineRunsTunnelModeWithoutComplaint() {
    IosNodeLoad load = IosNodeBuilder.fromText(IosFixtures.text("sv9-3.ios"));
    assertEquals(load.plan().tunnel().protection().profile().transformSets().get(0).mode(), EspMode.TUNNEL);
    assertTrue(load.problems().stream().noneMatch(p -> p.reason().contains("tunnel mode")), load.problems()
        .toString());
  }

  @Test
  public void hubSplitHorizonLineIsNotNotedAnyMore() {
    IosNodeLoad load = IosNodeBuilder.fromText(IosFixtures.text("sv9-2.ios"));
    assertTrue(load.problems().stream().noneMatch(p -> p.reason().contains("concerns EIGRP")));
  }

  private static ConfigProblem only(IosNodeLoad load, String fragment) {
    List<ConfigProblem> found = load.problems().stream().filter(p -> p.reason().contains(fragment)).toList();
    assertEquals(found.size(), 1, fragment + " in " + load.problems());
    return found.get(0);
  }

  static final String MINIMAL = """
      hostname spoke
      crypto isakmp policy 10
       hash md5
       authentication pre-share
      crypto isakmp key s3cr3tkey address 0.0.0.0 0.0.0.0
      crypto ipsec transform-set ts esp-aes 256 esp-sha-hmac
       mode transport
      crypto ipsec profile p
       set transform-set ts
      interface Tunnel0
       ip address 10.0.0.2 255.255.255.0
       ip nhrp authentication nhrpkey
       ip nhrp map 10.0.0.1 198.51.100.1
       ip nhrp network-id 7
       ip nhrp nhs 10.0.0.1
       tunnel source Ethernet0
       tunnel mode gre multipoint
       tunnel protection ipsec profile p
      interface Ethernet0
       ip address 198.51.100.2 255.255.255.0
      interface Loopback0
       ip address 10.9.9.9 255.255.255.255
      ip route 10.1.0.0 255.255.0.0 10.0.0.1
      """;

  @Test
  public void minimalSpokeWithoutHostnameDefaultsAndAes() {
    IosNodeLoad load = IosNodeBuilder.fromText(MINIMAL);
    assertTrue(load.ok(), load.problems().toString());
    IosNodePlan plan = load.plan();
    assertEquals(plan.hostname(), "spoke");
    assertEquals(plan.physicalInterface(), "Ethernet0");
    assertEquals(plan.nbmaAddress(), Ipv4Address.parse("198.51.100.2"));
    assertEquals(plan.lans(), List.of(new IosNodePlan.Lan("Loopback0", InterfaceAddress.parse("10.9.9.9/32"))));
    assertNull(plan.tunnel().key(), "no tunnel key line: no key field");
    assertEquals(plan.tunnel().ipMtu(), IosNodeBuilder.DEFAULT_TUNNEL_IP_MTU);
    assertEquals(plan.tunnel().protection().profile().transformSets().get(0).encryption(),
        EspEncryption.AES_CBC_256);
    assertEquals(plan.tunnel().protection().profile().transformSets().get(0).mode(), EspMode.TRANSPORT,
        "'mode transport' honoured");
    assertEquals(plan.tunnel().protection().profile().lifetimeSeconds(), 3600, "IOS global default");
    assertEquals(plan.routes(), List.of(new IosNodePlan.Route(Ipv4Prefix.parse("10.1.0.0/16"),
        Ipv4Address.parse("10.0.0.1"), 23)));
    assertTrue(load.notes().stream().anyMatch(p -> p.reason().contains("has no 'ip mtu'")));
  }

  @Test
  public void unsupportedItemsAreErrorsAtTheirLines() {
    String text = MINIMAL.replace(" mode transport\n", " mode transport\ncrypto ipsec transform-set ah ah-md5-hmac\n")
        .replace("ip route 10.1.0.0 255.255.0.0 10.0.0.1", "ip route 10.1.0.0 255.255.0.0 Ethernet0");
    IosNodeLoad load = IosNodeBuilder.fromText(text);
    assertFalse(load.ok());
    assertNull(load.plan());
    List<String> errors = load.errors().stream().map(p -> IosNodeLoad.format("f.ios", p)).toList();
    // line 8 is the added (unused) AH transform set: unused sets are no error, as in IOS; line 24 the ip route
    assertEquals(errors.size(), 1, errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("f.ios:24: ") && e.contains("next hop")),
        errors.toString());
  }

  /** {@code set pfs group2} in the profile: Quick Mode carries KE (group 2), KEYMAT uses g(qm)^xy. */
  @Test
  public void pfsGroupMapsToTheProfile() {
    IosNodeLoad load = IosNodeBuilder.fromText(
        MINIMAL.replace(" set transform-set ts\n", " set transform-set ts\n set pfs group2\n"));
    assertTrue(load.ok(), load.errors().toString());
    assertEquals(load.plan().tunnel().protection().profile().pfsGroup(), dev.dmvpn.ref.crypto.OakleyGroup.MODP_1024);
  }

  @Test
  public void secondTunnelAndPointToPointAreRefused() {
    String text = MINIMAL + "interface Tunnel1\n ip address 10.5.0.1 255.255.255.0\n tunnel source Ethernet0\n"
        + " tunnel destination 198.51.100.9\n";
    IosNodeLoad load = IosNodeBuilder.fromText(text);
    assertFalse(load.ok());
    assertTrue(load.errors().stream().anyMatch(p -> p.lineNumber() == 24 && p.reason().contains("second tunnel")),
        load.errors().toString());
  }

  @Test
  public void unknownLineIsAnErrorWithItsNumberAndNoSecretLeaks() {
    IosNodeLoad load = IosNodeBuilder.fromText(MINIMAL.replace(" hash md5\n", " hash md5\n frobnicate\n"));
    assertFalse(load.ok());
    ConfigProblem p = load.errors().get(0);
    assertEquals(p.lineNumber(), 4);
    assertEquals(IosNodeLoad.format("x.ios", p).substring(0, 8), "x.ios:4:");
    for (ConfigProblem q : load.problems()) {
      assertFalse(q.toString().contains("s3cr3tkey") || q.toString().contains("nhrpkey"), q.toString());
    }
  }

  @Test
  public void overlongNhrpPasswordIsReportedMasked() {
    IosNodeLoad load = IosNodeBuilder.fromText(MINIMAL.replace("nhrpkey", "nhrpkeyistoolong"));
    for (ConfigProblem q : load.problems()) {
      assertFalse(q.toString().contains("nhrpkeyistoolong"), q.toString());
    }
    assertNotNull(load.problems());
  }
}
