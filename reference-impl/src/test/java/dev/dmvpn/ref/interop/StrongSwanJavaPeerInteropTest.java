package dev.dmvpn.ref.interop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.DpdSettings;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IkePolicy;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.ike.IpsecProfile;
import dev.dmvpn.ref.ike.NatTraversalSettings;
import dev.dmvpn.ref.ike.PskStore;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.isakmp.VendorIds;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.peer.GreOverIpsec;
import dev.dmvpn.ref.peer.GuardedScheduler;
import dev.dmvpn.ref.peer.IpsecHost;
import dev.dmvpn.ref.wire.NicPortAdapter;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.pcap4j.Pcap4jNicPort;
import dev.dmvpn.ref.wire.pcap4j.Pcap4jOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.testng.Reporter;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The Java reference peer ({@link IpsecHost} on the root end of a veth through pcap4j) against strongSwan charon
 * with kernel-libipsec in its own namespace: IKEv1 Main Mode + Quick Mode with PSK cisco123, the Java peer as
 * initiator and as responder, for four suites. kernel-libipsec does tunnel mode only, always in UDP 4500 (charon
 * fakes NAT-D), so the Java side floats to 4500 and sends ESP-in-UDP.
 *
 * <p>Traffic selectors: the Java peer's Quick Mode proposes DMVPN's proxies, the two public addresses with
 * protocol 47, so charon's child is {@code dynamic[gre] === dynamic[gre]}. What crosses the tunnel is therefore GRE,
 * carrying ICMP echo between the inner addresses 10.2.0.1 (charon's side, played by {@code gre_icmp.py}, since
 * the namespace has no kernel GRE) and 10.1.0.1 (the Java peer's {@link GreOverIpsec}), both ways.
 *
 * <p>Addresses: charon 192.168.100.2, Java 192.168.100.1 (the host must own neither); the veth's root end has
 * arp_ignore=8 so the host kernel never answers ARP there; the Java peer answers ARP itself.
 */
public class StrongSwanJavaPeerInteropTest {
  private static final String PSK = "cisco123"; // the document's published test value
  private static final Ipv4Address JAVA = Ipv4Address.parse("192.168.100.1");
  private static final Ipv4Address CHARON = Ipv4Address.parse("192.168.100.2");
  private static final Ipv4Address JAVA_INNER = Ipv4Address.parse("10.1.0.1");
  private static final Ipv4Address CHARON_INNER = Ipv4Address.parse("10.2.0.1");
  private static final MacAddress MAC = MacAddress.parse("02:00:00:00:64:01");
  private static final String GRE_TS = "dynamic[gre]";
  private static final int PINGS = 3;

  private StrongSwanNetns ss;
  private GuardedScheduler scheduler;
  private NicPortAdapter port;
  private GreIcmpScript script;
  private IpsecHost host;
  private GreOverIpsec inner;
  private JavaPeerEvents events;
  private String connection;
  private int connections;
  private long classStart;
  private long logMark;

  @BeforeClass(groups = "interop")
  public void startCharonAndOpenVeth() throws Exception {
    classStart = System.nanoTime();
    InteropPrerequisites.requireStrongSwan();
    GreIcmpScript.requirePython();
    for (Ipv4Address ip : List.of(JAVA, CHARON)) {
      assertNull(NetworkInterface.getByInetAddress(InetAddress.getByAddress(ip.toBytes())),
          "this host owns " + ip + ": the kernel would answer for it");
    }
    ss = StrongSwanNetns.createWithRootPeer(InteropRuns.workRoot());
    String rootIf = ss.rootPeerInterface().orElseThrow();
    Files.writeString(Path.of("/proc/sys/net/ipv4/conf", rootIf, "arp_ignore"), "8");
    ss.start();
    script = new GreIcmpScript(ss);
    scheduler = GuardedScheduler.realTime("java-peer");
    port = new NicPortAdapter(Pcap4jNicPort.open(rootIf, Pcap4jOptions.defaults()), MAC, scheduler);
    Reporter.log("namespace, charon and pcap ready in " + ms(classStart) + " ms", true);
  }

  @AfterMethod(alwaysRun = true)
  public void deleteSas() {
    if (host != null) {
      onLoop(() -> {
        host.deleteAll();
        return null;
      });
    }
    if (ss != null && connection != null) {
      // the Java peer's Delete payloads usually suffice; terminate whatever is left (a half-open SA, which a
      // responder that could not decrypt MM5 keeps unnamed, so by its unique id)
      for (String id : ikeSaUniqueIds()) {
        ss.swanctl("--terminate", "--ike-id", id, "--force", "--timeout", "2");
      }
      Poll.until("charon holds no SA", Duration.ofSeconds(5), Duration.ofMillis(50), ss::listSas, List::isEmpty);
    }
    host = null;
    connection = null;
  }

  private List<String> ikeSaUniqueIds() {
    List<String> ids = new ArrayList<>();
    for (ViciRaw.Message m : ViciRaw.parseLines(ss.swanctl("--list-sas", "--raw").requireOk().stdout())) {
      if (m.label().equals("list-sa event")) {
        m.body().values().forEach(sa -> ids.add(IkeSaStatus.str(IkeSaStatus.asMap(sa), "uniqueid")));
      }
    }
    return ids;
  }

  @AfterClass(alwaysRun = true)
  public void closeAll() {
    String rootIf = ss == null ? null : ss.rootPeerInterface().orElse(null);
    try {
      if (port != null) {
        port.close();
      }
      if (scheduler != null) {
        assertEquals(scheduler.failures(), List.of(), "exceptions inside the Java peer's tasks");
        scheduler.close();
      }
    } finally {
      if (ss != null) {
        ss.close();
      }
    }
    if (rootIf != null) {
      assertFalse(Files.exists(Path.of("/sys/class/net", rootIf)), "veth removed with the namespace");
    }
    Reporter.log("whole class incl. clean-up " + ms(classStart) + " ms", true);
  }

  @DataProvider
  public Object[][] suites() {
    List<InteropSuite> suites = List.of(InteropSuite.tdesMd5Modp768(), InteropSuite.tdesMd5Modp1024(),
        InteropSuite.aes128Sha1Modp2048(), InteropSuite.aes128Gcm16());
    Object[][] rows = new Object[suites.size() * 2][];
    for (int i = 0; i < suites.size(); i++) {
      rows[2 * i] = new Object[] {suites.get(i), true};
      rows[2 * i + 1] = new Object[] {suites.get(i), false};
    }
    return rows;
  }

  @Test(groups = "interop", dataProvider = "suites")
  public void mainModeQuickModeAndGreIcmpBothWays(InteropSuite suite, boolean javaInitiates) throws Exception {
    long t0 = System.nanoTime();
    setUp(suite.ikeProposal(), suite.espProposal(), config(suite.policy(), suite, PSK));
    if (javaInitiates) {
      onLoop(() -> host.connect(CHARON));
    } else {
      HostCommand.Result init = ss.initiate(connection, Duration.ofSeconds(10));
      assertTrue(init.ok(), "charon's initiate failed: " + init.stdout() + init.stderr() + " " + events);
    }
    JavaPeerEvents.Phase2 up = Poll.until("Java phase2Up", Duration.ofSeconds(10), Duration.ofMillis(20),
        events::phase2Up, l -> !l.isEmpty() || !events.phase1Failed().isEmpty()).get(0);
    IkeSaStatus charonSa = Poll.until("charon child INSTALLED", Duration.ofSeconds(5), Duration.ofMillis(20),
        ss::listSas, l -> l.size() == 1 && l.get(0).children().stream().anyMatch(ChildSaStatus::installed)).get(0);
    long tUp = System.nanoTime();
    assertSa(suite, javaInitiates, up, charonSa);
    String charonLog = charonLogSinceSetUp();
    assertTrue(charonLog.contains(javaInitiates ? "parsed ID_PROT request 0 [ SA V" : "initiating Main Mode IKE_SA"),
        "Main Mode, not Aggressive Mode: " + charonLog);
    assertTrue(charonLog.contains(javaInitiates ? "parsed QUICK_MODE request" : "generating QUICK_MODE request"),
        "Quick Mode: " + charonLog);

    String pinged = script.ping(JAVA.toString(), CHARON_INNER.toString(), JAVA_INNER.toString(), PINGS,
        Duration.ofSeconds(1));
    assertEquals(pinged, "sent " + PINGS + " received " + PINGS, "echo 10.2.0.1 -> 10.1.0.1 in GRE through ESP");
    assertEquals((long) onLoop(inner::echoRequestsAnswered), PINGS, "Java answered the echo requests");
    long tPing1 = System.nanoTime();

    String answered = pingFromJava();
    assertEquals(answered, "ready\nanswered " + PINGS, "charon's side answered the Java peer's echo requests");
    long tPing2 = System.nanoTime();

    ChildSaStatus child = single(single(ss.listSas()).children());
    assertEquals(child.packetsIn(), 2 * PINGS, "charon decrypted our replies and requests: " + child);
    assertEquals(child.packetsOut(), 2 * PINGS, "charon protected its requests and replies: " + child);
    assertEquals((long) onLoop(() -> host.esp().delivered()), 2 * PINGS, "Java decrypted all of charon's ESP");
    assertEquals((long) onLoop(() -> host.esp().dropped() + host.esp().unknownSpi()), 0, "Java dropped no ESP");
    assertEquals((long) onLoop(() -> host.esp().sent()), 2 * PINGS, "Java protected its replies and requests");
    Reporter.log(suite + (javaInitiates ? " Java->charon" : " charon->Java") + ": Main+Quick Mode "
        + ms(t0, tUp) + " ms, GRE/ICMP charon->Java " + ms(tUp, tPing1) + " ms, Java->charon "
        + ms(tPing1, tPing2) + " ms", true);
  }

  private String pingFromJava() throws InterruptedException {
    try (GreIcmpScript.Answerer answerer = script.answer(CHARON_INNER.toString(), PINGS, Duration.ofSeconds(5))) {
      for (int seq = 1; seq <= PINGS; seq++) {
        int s = seq;
        assertTrue(onLoop(() -> inner.sendEcho(CHARON, CHARON_INNER, 0x1001, s, ("java-" + s).getBytes())),
            "Java had an SA to send echo " + s);
      }
      Poll.until("echo replies at the Java peer", Duration.ofSeconds(5), Duration.ofMillis(20),
          () -> onLoop(inner::echoRepliesReceived), n -> n >= PINGS);
      return answerer.await(Duration.ofSeconds(5));
    }
  }

  private void assertSa(InteropSuite suite, boolean javaInitiates, JavaPeerEvents.Phase2 up, IkeSaStatus c) {
    IkeSa sa = up.sa();
    ChildSa child = up.child();
    assertTrue(c.established(), c.toString());
    assertEquals(c.version(), 1);
    assertEquals(c.initiator(), !javaInitiates, "charon's role");
    assertEquals(c.suite(), suite.charonIkeSuite());
    assertEquals(c.localHost(), CHARON.toString());
    assertEquals(c.remoteHost(), JAVA.toString());
    assertEquals(c.initiatorSpi(), hex16(sa.initiatorCookie()), "same ISAKMP SA (CKY-I)");
    assertEquals(c.responderSpi(), hex16(sa.responderCookie()), "same ISAKMP SA (CKY-R)");
    assertEquals(sa.isInitiator(), javaInitiates);
    assertTrue(sa.policy().sameSuite(suite.policy()), sa.policy().describe());
    assertTrue(sa.floated(), "IKE floated to 4500 (charon fakes NAT-D): " + sa);
    assertEquals(events.phase1Up().size(), 1, events.toString());
    assertEquals(events.phase1Failed(), List.of());

    ChildSaStatus cc = single(c.children());
    assertTrue(cc.installed(), cc.toString());
    assertEquals(cc.mode(), "TUNNEL");
    assertEquals(cc.protocol(), "ESP");
    assertTrue(cc.udpEncapsulated(), "ESP-in-UDP");
    assertEquals(cc.encryption(), suite.charonEspEncryption());
    assertEquals(cc.integrity(), suite.charonEspIntegrity());
    assertEquals(cc.spiIn(), hex8(child.outbound().spi()), "charon's inbound SA is our outbound SA");
    assertEquals(cc.spiOut(), hex8(child.inbound().spi()), "charon's outbound SA is our inbound SA");
    assertEquals(cc.localTs(), List.of(CHARON + "/32[gre]"));
    assertEquals(cc.remoteTs(), List.of(JAVA + "/32[gre]"));
    assertTrue(child.isUdpEncapsulated(), child.toString());
    assertEquals(child.udpEncapsulation().remotePort(), 4500);
    assertEquals(child.inbound().mode(), EspMode.TUNNEL);
    assertEquals(child.inbound().encryption(), suite.transformSet().encryption());
    assertEquals(child.inbound().integrity(), suite.transformSet().integrity());
  }

  @Test(groups = "interop", dataProvider = "roles")
  public void wrongPreSharedKeyInstallsNothing(boolean javaInitiates) throws Exception {
    long t0 = System.nanoTime();
    InteropSuite suite = InteropSuite.tdesMd5Modp1024();
    setUp(suite.ikeProposal(), suite.espProposal(), config(suite.policy(), suite, "not-" + PSK));
    String reason = failPhase1(javaInitiates);
    assertTrue(reason.contains(javaInitiates ? "MM5" : "pre-shared key"), reason);
    // charon cannot decrypt our MM5 (it answers with a notify protected by its own key, which we cannot read
    // either), or, as IOS does, we drop charon's MM5 ("[ ID HASH ...") unanswered: charon parses no Informational
    String charonLog = charonLogSinceSetUp();
    assertTrue(javaInitiates ? charonLog.contains("could not decrypt payloads")
        : charonLog.contains("generating ID_PROT request 0 [ ID HASH") && !charonLog.contains("parsed INFORMATIONAL"),
        charonLog);
    Reporter.log("wrong PSK, " + (javaInitiates ? "Java" : "charon") + " initiating: failed cleanly after "
        + ms(t0, System.nanoTime()) + " ms; Java: " + reason, true);
  }

  @Test(groups = "interop", dataProvider = "roles")
  public void phase1ProposalMismatchInstallsNothing(boolean javaInitiates) throws Exception {
    long t0 = System.nanoTime();
    InteropSuite charonSide = InteropSuite.tdesMd5Modp1024();
    IkePolicy javaPolicy = InteropSuite.policy(Ikev1Encryption.AES_256_CBC, HashAlgorithm.SHA256,
        OakleyGroup.MODP_1536);
    setUp(charonSide.ikeProposal(), charonSide.espProposal(), config(javaPolicy, charonSide, PSK));
    String reason = failPhase1(javaInitiates);
    assertTrue(reason.contains("no proposal chosen"), reason);
    String charonLog = charonLogSinceSetUp();
    assertTrue(charonLog.contains(javaInitiates ? "no proposal found" : "received NO_PROPOSAL_CHOSEN error notify"),
        charonLog);
    Reporter.log("phase-1 proposal mismatch, " + (javaInitiates ? "Java" : "charon") + " initiating: failed "
        + "cleanly after " + ms(t0, System.nanoTime()) + " ms; Java: " + reason, true);
  }

  @DataProvider
  public Object[][] roles() {
    return new Object[][] {{true}, {false}};
  }

  /** Starts Main Mode from one side, expects it to fail on both, and returns the Java peer's reason. */
  private String failPhase1(boolean javaInitiates) {
    if (javaInitiates) {
      onLoop(() -> host.connect(CHARON));
    } else {
      HostCommand.Result init = ss.initiate(connection, Duration.ofSeconds(1));
      assertFalse(init.ok(), "charon's initiate must fail: " + init.stdout());
    }
    List<String> failed = Poll.until("Java phase1Failed", Duration.ofSeconds(10), Duration.ofMillis(20),
        events::phase1Failed, l -> !l.isEmpty());
    assertEquals(events.phase1Up(), List.of(), "no ISAKMP SA on the Java side");
    assertEquals(events.phase2Up(), List.of(), "no IPsec SA on the Java side");
    assertNull(onLoop(() -> host.esp().outboundSa(CHARON)), "nothing installed in the Java data plane");
    assertTrue(onLoop(() -> host.ike().ikeSas().stream().noneMatch(s -> s.state() == IkeSa.State.ESTABLISHED)));
    for (IkeSaStatus sa : ss.listSas()) {
      assertFalse(sa.established(), "charon: " + sa);
      assertTrue(sa.children().stream().noneMatch(ChildSaStatus::installed), "charon: " + sa);
    }
    assertEquals(failed.size(), 1, failed.toString());
    return failed.get(0);
  }

  /** Loads a fresh charon connection (its own name) and a fresh Java peer with {@code javaConfig}. */
  private void setUp(String ikeProposal, String espProposal, IkeConfig javaConfig) throws IOException {
    logMark = Files.size(ss.logFile());
    connection = "java" + (++connections);
    ss.load(SwanctlConnection.ikev1Psk(connection, CHARON.toString(), JAVA.toString(), PSK)
        .withProposals(ikeProposal, espProposal).withTrafficSelectors(GRE_TS, GRE_TS));
    events = new JavaPeerEvents();
    onLoop(() -> {
      host = new IpsecHost(port, new InterfaceAddress(JAVA, 24), javaConfig, scheduler, RandomSource.secure(),
          events);
      inner = new GreOverIpsec(host, JAVA_INNER);
      return null;
    });
  }

  /**
   * The Java peer: one policy and one tunnel-mode transform set, PSK for charon's address, the NAT-T vendor IDs
   * (charon floats to 4500 only with them), quick retransmissions (a silent peer fails within 2.1 s), no DPD.
   */
  private static IkeConfig config(IkePolicy policy, InteropSuite esp, String psk) {
    return new IkeConfig(JAVA, List.of(policy), new PskStore().addPeer(psk, CHARON),
        new IpsecProfile("interop", List.of(esp.transformSet()), IpsecProfile.DEFAULT_LIFETIME_SECONDS,
            IpsecProfile.DEFAULT_LIFETIME_KILOBYTES),
        List.of(VendorIds.Known.NAT_T_RFC3947, VendorIds.Known.NAT_T_DRAFT_02N), Duration.ofMillis(300), 2,
        NatTraversalSettings.defaults(), DpdSettings.disabled());
  }

  /** What charon logged since {@link #setUp} (one charon serves the whole class). */
  private String charonLogSinceSetUp() throws IOException {
    byte[] all = Files.readAllBytes(ss.logFile());
    return new String(all, (int) logMark, all.length - (int) logMark, StandardCharsets.UTF_8);
  }

  /** Runs {@code task} on the Java peer's scheduler thread and returns its result. */
  private <T> T onLoop(Supplier<T> task) {
    try {
      return CompletableFuture.supplyAsync(task, scheduler).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("task on the Java peer's thread failed", e);
    }
  }

  private static String hex8(int v) {
    String s = Integer.toHexString(v);
    return "0".repeat(8 - s.length()) + s;
  }

  private static String hex16(long v) {
    String s = Long.toHexString(v);
    return "0".repeat(16 - s.length()) + s;
  }

  private static <T> T single(List<T> list) {
    assertEquals(list.size(), 1, "expected exactly one: " + list);
    return list.get(0);
  }

  private static long ms(long from) {
    return ms(from, System.nanoTime());
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
