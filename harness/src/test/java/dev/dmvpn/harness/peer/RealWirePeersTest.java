package dev.dmvpn.harness.peer;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.harness.cli.Main;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.capture.decrypt.KeyedFrameDecryptor;
import dev.dmvpn.ref.interop.Poll;
import dev.dmvpn.ref.interop.RunIds;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheEntry;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.node.Pinger;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.ref.node.ios.IosFixtures;
import dev.dmvpn.ref.node.ios.IosNodeBuilder;
import dev.dmvpn.ref.node.ios.IosNodeLoad;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The document's three routers on a real wire: hub sv9-2 and spokes sv9-3, sv9-4 built from the configuration
 * files, each on its own veth through pcap4j, the veths joined by a Linux bridge inside a network namespace this
 * test creates ({@code dmvr<id>}). The hub is the real {@code peer} command (in-process through {@link Main#run}
 * with {@code --duration}); the spokes are {@link PeerRun}s, the same machinery. One JVM, three
 * ExecutorSchedulers, real time. The spokes reach spoke-to-spoke in under a second here; the hub runs for a
 * fixed 15 s ({@code --duration}), which is most of the test's time.
 *
 * <p>Addressing: the three public interfaces share one L2 segment, so the document's two /27s (joined by a WAN
 * router in the virtual rack) become one /24 from TEST-NET-2: hub 198.51.100.225, sv9-4 198.51.100.130, sv9-3
 * 198.51.100.131, all /24 (the configuration text is rewritten: 209.168.202.x -> 198.51.100.x, mask
 * 255.255.255.224 -> 255.255.255.0; the default routes then point at an absent .254/.158 and are never used).
 * EIGRP runs as configured, but the routes it would learn are also given as {@code ip route} lines ({@link
 * IosFixtures#withTunnelRoutes}); static routes are installed first and win ties, so the pings do not wait for it.
 *
 * <p>Asserted on the nodes and on the captures the port wrappers wrote (decoded by FrameDecoder with the key
 * files the runs exported): both spokes register (NHRP registration inside ESP at the hub); sv9-4's resolution
 * for 2.2.2.2 is forwarded by the hub to sv9-3 (hop count 254); IPsec SAs form spoke to spoke (Quick Mode between
 * .130 and .131); ping 3.3.3.3 -> 2.2.2.2 is answered, and echo replies come straight from sv9-3 in ESP.
 */
public class RealWirePeersTest {
  private static final String HUB = "198.51.100.225";
  private static final String SV93 = "198.51.100.131";
  private static final String SV94 = "198.51.100.130";
  private static final Duration HUB_DURATION = Duration.ofSeconds(15);
  private static final String SECRET = "cisco123"; // the document's published key and NHRP password

  private BridgeNetns netns;
  private Path dir;
  private Thread hubThread;
  private final AtomicInteger hubStatus = new AtomicInteger(-1);
  private final StringWriter hubOut = new StringWriter();
  private final StringWriter hubErr = new StringWriter();
  private final List<PeerRun> spokes = new ArrayList<>();
  private final List<NodeEvent> spokeEvents = new CopyOnWriteArrayList<>();
  private final List<Pinger> rounds = new ArrayList<>();
  private boolean spokeToSpoke;
  private final List<DecodedFrame> hubFrames = new ArrayList<>();
  private final List<DecodedFrame> sv94Frames = new ArrayList<>();
  private long setupMillis;
  private long spokePhaseMillis;

  @BeforeClass(groups = "interop")
  public void runTheDocumentsScenarioOnARealWire() throws Exception {
    requirePrerequisites();
    long t0 = System.nanoTime();
    dir = Files.createTempDirectory("real-wire-peers");
    netns = BridgeNetns.create(RunIds.next());
    String hubNic = netns.addPort('h');
    String sv93Nic = netns.addPort('a');
    String sv94Nic = netns.addPort('b');
    startHub(hubNic);
    long spokesStarted = System.nanoTime();
    spokes.add(startSpoke("sv9-3", sv93Nic, "02:00:00:00:09:03"));
    spokes.add(startSpoke("sv9-4", sv94Nic, "02:00:00:00:09:04"));
    Poll.until("both spokes registered with 192.168.1.1", Duration.ofSeconds(6), Duration.ofMillis(200),
        () -> registered(spokes.get(0)) && registered(spokes.get(1)), ok -> ok);
    pingUntilSpokeToSpoke(spokes.get(1));
    // the spokes run until the hub is their EIGRP neighbour (their first hellos went before the SAs and were dropped)
    Poll.until("both spokes EIGRP neighbours of the hub", Duration.ofSeconds(12), Duration.ofMillis(200),
        () -> eigrpNeighbourOfHub(spokes.get(0)) && eigrpNeighbourOfHub(spokes.get(1)), ok -> ok);
    spokePhaseMillis = (System.nanoTime() - spokesStarted) / 1_000_000;
    for (PeerRun s : spokes) {
      s.stop();
    }
    hubThread.join(HUB_DURATION.toMillis() + 30_000);
    setupMillis = (System.nanoTime() - t0) / 1_000_000;
    decode();
  }

  private void requirePrerequisites() throws IOException {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new SkipException("real-wire test needs root (network namespace, veths, bridge)");
    }
    for (String a : new String[] {HUB, SV93, SV94}) {
      if (NetworkInterface.getByInetAddress(InetAddress.getByName(a)) != null) {
        throw new SkipException("this host owns " + a + ": its kernel would interfere");
      }
    }
  }

  /**
   * The document's configuration on one /24 (see the class comment), with EIGRP hello 5 s / hold 15 s on Tunnel0:
   * at the tunnel's default 60 s a spoke's first hello, sent before its SAs are up, is dropped (as IOS drops
   * packets that find no SA) and the adjacency would wait for the next one, past the hub's 15 s run.
   */
  private static String onOneSubnet(String router) {
    return IosFixtures.withTunnelRoutes(router).replace("255.255.255.224", "255.255.255.0")
        .replace("209.168.202.", "198.51.100.")
        .replaceFirst("interface Tunnel0 *\n", "interface Tunnel0\n ip hello-interval eigrp 90 5\n ip hold-time eigrp 90 15\n");
  }

  private void startHub(String nic) throws IOException {
    Path config = dir.resolve("sv9-2.ios");
    Files.writeString(config, onOneSubnet("sv9-2"));
    String[] args = {"peer", "--interface", nic, "--config", config.toString(), "--mac", "02:00:00:00:09:02",
        "--capture", dir.resolve("sv9-2.pcap").toString(), "--duration", HUB_DURATION.toSeconds() + "s"};
    hubThread = new Thread(() -> hubStatus.set(Main.run(new PrintWriter(hubOut), new PrintWriter(hubErr), args)),
        "peer-command-sv9-2");
    hubThread.start();
    Poll.until("the peer command started the hub", Duration.ofSeconds(20), Duration.ofMillis(100),
        () -> hubOut.toString().contains("capture: ") || !hubThread.isAlive(), ok -> ok);
    assertTrue(hubThread.isAlive(), "peer command ended early: " + hubErr + hubOut);
  }

  private PeerRun startSpoke(String router, String nic, String mac) throws IOException {
    IosNodeLoad load = IosNodeBuilder.fromText(onOneSubnet(router));
    assertTrue(load.ok(), load.errors().toString());
    return PeerRun.start(load.plan(), nic, MacAddress.parse(mac), dir.resolve(router + ".pcap"), 1.0,
        spokeEvents::add);
  }

  private static boolean registered(PeerRun spoke) {
    boolean[] ok = new boolean[1];
    spoke.onNodeThread(() -> ok[0] = spoke.node().tunnel("Tunnel0").nhrp()
        .registrar(Ipv4Address.parse("192.168.1.1")).registered());
    return ok[0];
  }

  private static boolean eigrpNeighbourOfHub(PeerRun spoke) {
    boolean[] ok = new boolean[1];
    spoke.onNodeThread(() -> ok[0] = spoke.node().eigrp().router().neighbors().stream()
        .anyMatch(n -> n.up() && n.address().equals(Ipv4Address.parse("192.168.1.1"))));
    return ok[0];
  }

  /** Rounds of 5 pings (2 s timeout) until sv9-4 reaches 2.2.2.2 directly and a round got answers. */
  private void pingUntilSpokeToSpoke(PeerRun sv94) {
    long deadline = System.nanoTime() + Duration.ofSeconds(7).toNanos();
    while (System.nanoTime() < deadline && !spokeToSpoke) {
      Pinger[] p = new Pinger[1];
      sv94.onNodeThread(() -> p[0] = sv94.node().ping(Ipv4Address.parse("3.3.3.3"), Ipv4Address.parse("2.2.2.2"),
          5, Duration.ofSeconds(2), 100));
      Poll.until("ping round done", Duration.ofSeconds(15), Duration.ofMillis(100), p[0]::done, d -> d);
      rounds.add(p[0]);
      boolean[] direct = new boolean[1];
      sv94.onNodeThread(() -> direct[0] = shortcut(sv94.node()));
      spokeToSpoke = direct[0] && p[0].answered() > 0;
    }
  }

  private static boolean shortcut(DmvpnNode node) {
    TunnelInterface t = node.tunnel("Tunnel0");
    Ipv4Address nbma = Ipv4Address.parse(SV93);
    NhrpCacheEntry e = t.nhrp().cache().lookup(Ipv4Address.parse("2.2.2.2"));
    return e != null && e.usable() && nbma.equals(e.nbma()) && t.protection().hasSas(nbma)
        && t.dataPacketsTo(nbma) > 0;
  }

  private void decode() throws IOException {
    List<Path> keyDirs = new ArrayList<>();
    keyDirs.add(PeerRun.keyDirFor(dir.resolve("sv9-2.pcap")));
    spokes.forEach(s -> keyDirs.add(s.keyDir()));
    KeyedFrameDecryptor keys = new KeyedFrameDecryptor(CaptureKeys.load(keyDirs));
    read(dir.resolve("sv9-2.pcap"), keys, hubFrames);
    read(dir.resolve("sv9-4.pcap"), keys, sv94Frames);
  }

  private static void read(Path pcap, KeyedFrameDecryptor keys, List<DecodedFrame> into) throws IOException {
    long n = 1;
    for (CapturedFrame f : CaptureFiles.readAll(pcap)) {
      into.add(FrameDecoder.decode(n++, f, keys));
    }
  }

  @AfterClass(alwaysRun = true)
  public void cleanUp() throws Exception {
    for (PeerRun s : spokes) {
      s.stop();
    }
    if (hubThread != null && hubThread.isAlive()) {
      hubThread.join(HUB_DURATION.toMillis() + 30_000);
    }
    if (netns != null) {
      netns.delete();
      assertFalse(netns.namespaceExists(), netns.namespace + " still exists");
    }
  }

  // ---- assertions ----

  @Test(groups = "interop")
  public void peerCommandRanTheHubAndExitedCleanlyWithoutPrintingSecrets() {
    assertEquals(hubStatus.get(), 0, hubErr + hubOut.toString());
    String out = hubOut.toString();
    assertTrue(out.contains("peer sv9-2: FastEthernet0/0 " + HUB + "/24"), out);
    assertTrue(out.contains("router eigrp 90: networks ") && !out.contains("NOT run"), out);
    assertTrue(out.contains("sv9-2: NHRP registration of 192.168.1.2 at " + SV93 + " received"), out);
    assertTrue(out.contains("sv9-2: NHRP registration of 192.168.1.3 at " + SV94 + " received"), out);
    assertTrue(out.contains("sv9-2: NHRP forwarding resolution request for "), out);
    // router eigrp 90 runs over the tunnel: both spokes become EIGRP neighbours of the hub
    assertTrue(out.contains("Neighbor 192.168.1.2 (Tunnel0) is up: new adjacency"), out);
    assertTrue(out.contains("Neighbor 192.168.1.3 (Tunnel0) is up: new adjacency"), out);
    assertTrue(out.contains("stopped (--duration 15s elapsed)"), out);
    assertFalse(out.contains(SECRET) || hubErr.toString().contains(SECRET), "a secret was printed");
    assertTrue(Files.isRegularFile(PeerRun.keyDirFor(dir.resolve("sv9-2.pcap")).resolve("esp_sa")));
  }

  @Test(groups = "interop")
  public void spokesRegisteredAndTheRegistrationTravelledInsideEsp() {
    for (String spoke : new String[] {SV93, SV94}) {
      List<DecodedFrame> regs = where(hubFrames, nhrp(NhrpPacketType.REGISTRATION_REQUEST).and(outer(spoke, HUB)));
      assertFalse(regs.isEmpty(), "registration from " + spoke + " in the hub's capture");
      assertTrue(regs.stream().allMatch(insideEsp()), "every registration inside ESP");
      assertFalse(where(hubFrames, nhrp(NhrpPacketType.REGISTRATION_REPLY).and(outer(HUB, spoke))).isEmpty());
    }
  }

  @Test(groups = "interop")
  public void sv94ResolutionForwardedByTheHub() {
    List<DecodedFrame> in = where(hubFrames, nhrp(NhrpPacketType.RESOLUTION_REQUEST).and(outer(SV94, HUB)));
    assertFalse(in.isEmpty(), "sv9-4's resolution request at the hub");
    assertEquals(in.get(0).nhrp().mandatoryPart().dstProtoIpv4(), Ipv4Address.parse("2.2.2.2"));
    List<DecodedFrame> fwd = where(hubFrames, nhrp(NhrpPacketType.RESOLUTION_REQUEST).and(outer(HUB, SV93)));
    assertFalse(fwd.isEmpty(), "forwarded to sv9-3");
    assertTrue(insideEsp().test(fwd.get(0)));
    assertEquals(fwd.get(0).nhrp().header().hopCount(), 254, "hop count decremented by the hub");
    assertEquals(fwd.get(0).nhrp().mandatoryPart().requestId(), in.get(0).nhrp().mandatoryPart().requestId());
  }

  @Test(groups = "interop")
  public void spokeToSpokeSasAndPingAnswered() {
    assertTrue(spokeToSpoke, "rounds " + marks() + "\n" + String.join("\n", spokeEvents.stream()
        .map(NodeEvent::line).toList()));
    assertFalse(where(sv94Frames, isakmp(ExchangeType.QUICK_MODE).and(outer(SV94, SV93)
        .or(outer(SV93, SV94)))).isEmpty(), "Quick Mode between the spokes");
    assertTrue(rounds.get(rounds.size() - 1).answered() > 0, marks());
    Predicate<DecodedFrame> reply = f -> f.innerIpv4() != null && f.icmp() != null && f.icmp().type().value() == 0
        && f.innerIpv4().source().equals(Ipv4Address.parse("2.2.2.2"));
    assertFalse(where(sv94Frames, reply.and(outer(SV93, SV94)).and(insideEsp())).isEmpty(),
        "an echo reply from 2.2.2.2 straight from sv9-3 inside ESP");
  }

  @Test(groups = "interop")
  public void everyCapturedFrameDecodes() {
    assertFalse(hubFrames.isEmpty());
    for (DecodedFrame f : hubFrames) {
      assertTrue(f.ok(), "hub frame " + f.number() + ": " + f.error());
      if (f.esp() != null) {
        assertEquals(f.espDecryption(), "ok", "hub frame " + f.number());
      }
    }
    System.out.println("RealWirePeersTest: spokes up to spoke-to-spoke " + spokePhaseMillis
        + " ms, whole run (hub --duration " + HUB_DURATION.toSeconds() + "s) " + setupMillis + " ms, rounds " + marks() + ", hub capture "
        + hubFrames.size() + " frames, sv9-4 capture " + sv94Frames.size() + " frames");
  }

  private String marks() {
    return String.join(" ", rounds.stream().map(Pinger::marks).toList());
  }

  private static List<DecodedFrame> where(List<DecodedFrame> frames, Predicate<DecodedFrame> p) {
    return frames.stream().filter(p).toList();
  }

  private static Predicate<DecodedFrame> outer(String src, String dst) {
    Ipv4Address s = Ipv4Address.parse(src);
    Ipv4Address d = Ipv4Address.parse(dst);
    return f -> f.ipv4() != null && f.ipv4().source().equals(s) && f.ipv4().destination().equals(d);
  }

  private static Predicate<DecodedFrame> nhrp(NhrpPacketType type) {
    return f -> f.nhrp() != null && f.nhrp().type().equals(type);
  }

  private static Predicate<DecodedFrame> isakmp(ExchangeType type) {
    return f -> f.isakmp() != null && f.isakmp().header().exchangeType().equals(type);
  }

  /**
   * Decrypted ESP carrying GRE in tunnel mode (next header 4, the inner header between the public addresses): the
   * configuration files' transform set has no {@code mode transport}, as the document's.
   */
  private static Predicate<DecodedFrame> insideEsp() {
    return f -> f.esp() != null && "ok".equals(f.espDecryption()) && f.espNextHeader() == 4 && f.gre() != null;
  }
}
