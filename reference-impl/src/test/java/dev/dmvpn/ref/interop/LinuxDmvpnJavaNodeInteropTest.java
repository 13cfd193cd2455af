package dev.dmvpn.ref.interop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.interop.LinuxDmvpnLab.Guest;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpCieCode;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpFlags;
import dev.dmvpn.ref.nhrp.NhrpMandatoryPart;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheEntry;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheType;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.nhrp.engine.NhrpEventType;
import dev.dmvpn.ref.nhrp.engine.NhsRegistrar;
import dev.dmvpn.ref.node.NodeCounter;
import dev.dmvpn.ref.node.Pinger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.testng.Reporter;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The Java {@link dev.dmvpn.ref.node.DmvpnNode} against a real Linux DMVPN (FRR nhrpd + strongSwan kernel IPsec in
 * User-Mode Linux, interop-peers.md section 3), on the root-namespace probe veth of the lab's WAN bridge:
 *
 * <ol>
 *   <li>the Java node as spoke (172.16.0.21, tunnel 10.0.0.21) registers with the Linux hub over IKEv1 Main Mode +
 *       Quick Mode transport-mode ESP, and pings cross the tunnel both ways;
 *   <li>the Linux spoke1 (172.16.0.11, tunnel 10.0.0.11) registers with the Java node as hub (172.16.0.1, tunnel
 *       10.0.0.1: what spoke1's configuration names), and pings the Java hub;
 *   <li>both captures decode with the project's codecs and the node's exported keys, and what FRR puts on the
 *       wire differs from IOS as {@link #registrationsInsideEspDecodeBothWaysAndShowFrrsDifferences} records.
 * </ol>
 *
 * Two labs (separate WAN namespaces) boot in parallel in {@link #bootGuests()}: the hub guest in lab A, spoke1 in
 * lab B. The Java hub of lab B starts before spoke1's services, so spoke1's first registration already finds it.
 */
public class LinuxDmvpnJavaNodeInteropTest {
  private static final Duration BOOT = LinuxDmvpnLab.BOOT_WITHIN;
  private static final Duration TUNNEL_UP = Duration.ofSeconds(30);
  private static final Ipv4Address HUB_TUNNEL = Ipv4Address.parse("10.0.0.1");
  private static final Ipv4Address JAVA_SPOKE_TUNNEL = Ipv4Address.parse("10.0.0.21");
  private static final Ipv4Address LINUX_SPOKE_TUNNEL = Ipv4Address.parse("10.0.0.11");
  private static final Ipv4Address HUB_NBMA = Ipv4Address.parse("172.16.0.1");
  private static final Ipv4Address JAVA_SPOKE_NBMA = Ipv4Address.parse("172.16.0.21");
  private static final Ipv4Address LINUX_SPOKE_NBMA = Ipv4Address.parse("172.16.0.11");

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private LinuxDmvpnLab labA;
  private LinuxDmvpnLab labB;
  private JavaNodeOnProbe javaHub;
  private long classStart;
  private Path captureA;
  private Path captureB;

  @BeforeClass(groups = "interop")
  public void bootGuests() throws Exception {
    classStart = System.nanoTime();
    labA = LinuxDmvpnLab.create(LinuxDmvpnLab.ProbeMode.ROOT);
    toClose.add(labA);
    labA.start(Guest.HUB);
    labB = LinuxDmvpnLab.create(LinuxDmvpnLab.ProbeMode.ROOT);
    toClose.add(labB);
    labB.start(Guest.SPOKE1);
    javaHub = JavaNodeOnProbe.create("java-hub", labB.probeInterface(), "02:00:00:00:01:01", "172.16.0.1/24",
        NhrpConfig.builder("10.0.0.1/24", "172.16.0.1").multicastDynamic());
    toClose.add(0, javaHub);
    javaHub.start();
    Reporter.log("labs " + labA.id() + " (hub guest) and " + labB.id() + " (spoke1 guest) started, Java hub up in "
        + ms(classStart) + " ms", true);
  }

  @Test(groups = "interop")
  public void javaSpokeRegistersWithLinuxHub() throws Exception {
    long t0 = System.nanoTime();
    labA.awaitReady("hub", BOOT);
    long tReady = System.nanoTime();
    try (JavaNodeOnProbe spoke = JavaNodeOnProbe.create("java-spoke", labA.probeInterface(), "02:00:00:00:00:21",
        "172.16.0.21/24", NhrpConfig.builder("10.0.0.21/24", "172.16.0.21").nhs("10.0.0.1", "172.16.0.1")
            .map("10.0.0.1", "172.16.0.1").multicast("172.16.0.1"))) {
      spoke.start();
      Poll.until("Java spoke registered with the Linux hub", TUNNEL_UP, Duration.ofMillis(50),
          () -> spoke.onLoop(() -> registrar(spoke).registered()), done -> done);
      long tRegistered = System.nanoTime();

      String cache = Poll.until("hub's nhrpd lists 10.0.0.21", Duration.ofSeconds(5), Duration.ofMillis(200),
          () -> labA.exec("hub", "vtysh -c 'show ip nhrp cache' 2>/dev/null"),
          out -> out.lines().anyMatch(l -> l.matches("gre1\\s+dynamic\\s+10\\.0\\.0\\.21\\s+172\\.16\\.0\\.21\\b.*")));
      Reporter.log("hub: show ip nhrp cache\n" + cache, true);
      assertHubSa(IkeSaStatus.parseListSas(labA.exec("hub", "swanctl --list-sas --raw")));
      assertEquals((int) spoke.onLoop(() -> spoke.tunnel().nhrp().events()
          .count(NhrpEventType.REGISTRATION_ANSWERED)), 1, "one registration answered");
      assertTrue(spoke.onLoop(() -> spoke.tunnel().protection().hasSas(HUB_NBMA)), "Java spoke has SAs");

      Pinger ping = spoke.onLoop(() -> spoke.node().ping(JAVA_SPOKE_TUNNEL, HUB_TUNNEL, 3, Duration.ofSeconds(2),
          100));
      Poll.until("Java spoke's pings to 10.0.0.1 done", Duration.ofSeconds(10), Duration.ofMillis(50), ping::done,
          d -> d);
      assertEquals(ping.answered(), 3, "10.0.0.21 -> 10.0.0.1: " + ping.marks());
      String hubPing = labA.exec("hub", "ping -c3 -i0.3 -W1 10.0.0.21");
      assertTrue(hubPing.contains("3 packets transmitted, 3 received"), hubPing);
      long tPinged = System.nanoTime();
      long espIn = spoke.onLoop(() -> spoke.node().counters().get(NodeCounter.ESP_IN));
      assertTrue(espIn >= 7, "registration reply + 3 echo replies + 3 echo requests arrived in ESP: " + espIn);
      assertEquals(spoke.failures(), List.of(), "exceptions inside the Java spoke's tasks");

      captureA = labA.directory().resolve("java-spoke.pcap");
      int frames = spoke.writeCapture(captureA, labA.directory().resolve("java-spoke-keys"));
      Reporter.log("Java spoke vs Linux hub: hub ready " + ms(t0, tReady) + " ms, IKE + registration "
          + ms(tReady, tRegistered) + " ms, pings " + ms(tRegistered, tPinged) + " ms; " + frames
          + " frames captured to " + captureA + "\n" + String.join("\n", spoke.node().events().lines()), true);
    }
  }

  private static NhsRegistrar registrar(JavaNodeOnProbe spoke) {
    return spoke.tunnel().nhrp().registrar(HUB_TUNNEL);
  }

  private static void assertHubSa(List<IkeSaStatus> sas) {
    assertEquals(sas.size(), 1, sas.toString());
    IkeSaStatus sa = sas.get(0);
    assertTrue(sa.established() && sa.version() == 1 && !sa.initiator(), "hub is the responder: " + sa);
    assertEquals(sa.remoteHost(), JAVA_SPOKE_NBMA.toString());
    assertEquals(sa.suite(), "3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024");
    ChildSaStatus child = sa.children().get(0);
    assertTrue(child.installed(), child.toString());
    assertEquals(child.mode(), "TRANSPORT");
    assertEquals(child.protocol(), "ESP");
    assertFalse(child.udpEncapsulated(), "plain ESP, protocol 50");
    assertEquals(child.encryption() + "/" + child.integrity(), "3DES_CBC/HMAC_MD5_96");
    assertEquals(child.localTs(), List.of("172.16.0.1/32[gre]"));
    assertEquals(child.remoteTs(), List.of("172.16.0.21/32[gre]"));
  }

  @Test(groups = "interop")
  public void linuxSpokeRegistersWithJavaHub() throws Exception {
    long t0 = System.nanoTime();
    labB.awaitReady("spoke1", BOOT);
    long tReady = System.nanoTime();
    NhrpCacheEntry entry = Poll.until("Java hub caches 10.0.0.11", TUNNEL_UP, Duration.ofMillis(50),
        () -> javaHub.onLoop(() -> javaHub.tunnel().nhrp().cache().lookup(LINUX_SPOKE_TUNNEL)),
        e -> e != null && e.type() == NhrpCacheType.DYNAMIC && e.usable());
    long tRegistered = System.nanoTime();
    assertEquals(entry.nbma(), LINUX_SPOKE_NBMA, entry.toString());

    String ping = Poll.until("spoke1 pings 10.0.0.1 (the Java hub)", Duration.ofSeconds(15),
        Duration.ofMillis(300), () -> labB.exec("spoke1", "ping -c1 -W1 10.0.0.1"), out -> out.contains("1 received"));
    String pings = labB.exec("spoke1", "ping -c3 -i0.3 -W1 10.0.0.1");
    assertTrue(pings.contains("3 packets transmitted, 3 received"), pings);
    long tPinged = System.nanoTime();

    String nhs = labB.exec("spoke1", "vtysh -c 'show ip nhrp nhs' -c 'show ip nhrp cache' 2>/dev/null");
    Reporter.log("spoke1: show ip nhrp nhs / cache\n" + nhs, true);
    // show ip nhrp nhs: Iface FQDN NBMA Protocol; the protocol address came from our reply (FRR "nhs dynamic")
    assertTrue(nhs.lines().anyMatch(l -> l.matches("gre1\\s+172\\.16\\.0\\.1\\s+172\\.16\\.0\\.1\\s+10\\.0\\.0\\.1\\s*")),
        "spoke1's NHS 172.16.0.1 learned as 10.0.0.1: " + nhs);
    assertTrue(nhs.lines().anyMatch(l -> l.matches("gre1\\s+nhs\\s+10\\.0\\.0\\.1\\s+172\\.16\\.0\\.1\\b.*")),
        "spoke1's cache holds the Java hub as NHS: " + nhs);
    List<IkeSaStatus> sas = IkeSaStatus.parseListSas(labB.exec("spoke1", "swanctl --list-sas --raw"));
    assertEquals(sas.size(), 1, sas.toString());
    IkeSaStatus sa = sas.get(0);
    assertTrue(sa.established() && sa.initiator(), "spoke1 initiated (trap policy): " + sa);
    assertEquals(sa.suite(), "3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024");
    ChildSaStatus child = sa.children().get(0);
    assertTrue(child.installed() && child.mode().equals("TRANSPORT") && !child.udpEncapsulated(), child.toString());
    assertEquals(javaHub.failures(), List.of(), "exceptions inside the Java hub's tasks");

    captureB = labB.directory().resolve("java-hub.pcap");
    int frames = javaHub.writeCapture(captureB, labB.directory().resolve("java-hub-keys"));
    Reporter.log("Linux spoke vs Java hub: spoke1 ready " + ms(t0, tReady) + " ms, IKE + registration "
        + ms(tReady, tRegistered) + " ms, pings " + ms(tRegistered, tPinged) + " ms; " + frames
        + " frames captured to " + captureB + " (spoke1 boot marks " + labB.bootMarks("spoke1") + ")\n"
        + javaHub.node().events().events().stream().map(Object::toString).collect(Collectors.joining("\n")), true);
  }

  /**
   * What FRR 8.4 + Linux put on the wire where IOS (and the Java node, which follows IOS) differ, read from both
   * captures with the project's decoders and the Java node's exported keys. Every NHRP packet travels in GRE
   * without key field inside plain ESP (transport mode) and carries no Authentication extension.
   */
  @Test(groups = "interop", dependsOnMethods = {"javaSpokeRegistersWithLinuxHub", "linuxSpokeRegistersWithJavaHub"})
  public void registrationsInsideEspDecodeBothWaysAndShowFrrsDifferences() throws Exception {
    NhrpInEsp a = new NhrpInEsp(captureA, labA.directory().resolve("java-spoke-keys"));
    NhrpInEsp b = new NhrpInEsp(captureB, labB.directory().resolve("java-hub-keys"));
    Reporter.log("Java spoke vs Linux hub, NHRP in ESP: " + a.nhrp + "\nLinux spoke vs Java hub, NHRP in ESP: "
        + b.nhrp, true);
    assertEquals(a.undecrypted(), List.of(), "every ESP frame of run A opens with the Java spoke's keys");
    assertEquals(b.undecrypted(), List.of(), "every ESP frame of run B opens with the Java hub's keys");
    for (NhrpInEsp.Seen s : concat(a.nhrp, b.nhrp)) {
      assertEquals(s.greKey(), null, "no key field (Linux key 0; Java key null): " + s);
      assertEquals(s.greFlags(), 0, "GRE without checksum, key or sequence: " + s);
      assertEquals(s.nhrp().extension(NhrpExtension.Authentication.class), null, "FRR 8.4 has no NHRP auth: " + s);
    }

    // run A: the Java spoke's IOS-style request, FRR hub's reply
    NhrpInEsp.Seen javaRequest = first(a.of(NhrpPacketType.REGISTRATION_REQUEST, JAVA_SPOKE_NBMA));
    assertIosStyle(javaRequest, new int[] {3, 4, 5, 0});
    assertEquals(javaRequest.nhrp().mandatoryPart().flags(), NhrpFlags.REGISTRATION_U | NhrpFlags.CISCO_NAT);
    NhrpInEsp.Seen frrReply = first(a.of(NhrpPacketType.REGISTRATION_REPLY, HUB_NBMA));
    assertLinuxStyle(frrReply, 64, new int[] {3, 4, 5, 0}); // FRR keeps the request's extension order
    NhrpMandatoryPart m = frrReply.nhrp().mandatoryPart();
    assertEquals(m.flags(), NhrpFlags.REGISTRATION_U | NhrpFlags.CISCO_NAT, "U and NAT flags copied");
    assertEquals(m.dstProtoIpv4(), HUB_TUNNEL);
    assertEquals(m.firstCie().code(), NhrpCieCode.SUCCESS);
    NhrpCie responder = frrReply.nhrp().extension(NhrpExtension.ResponderAddress.class).cie();
    assertEquals(responder.clientNbmaIpv4(), HUB_NBMA);
    assertEquals(responder.clientProtoIpv4(), HUB_TUNNEL);
    assertEquals(new int[] {responder.prefixLength(), responder.mtu(), responder.holdTime()}, new int[] {0, 0, 300},
        "FRR's responder CIE: prefix 0 and MTU 0 (IOS: 32 and 1514)");

    // run B: FRR spoke's request ("nhs dynamic", no-unique), the Java hub's IOS-style reply
    NhrpInEsp.Seen frrRequest = first(b.of(NhrpPacketType.REGISTRATION_REQUEST, LINUX_SPOKE_NBMA));
    assertLinuxStyle(frrRequest, 1, new int[] {4, 5, 3, 9, 0});
    m = frrRequest.nhrp().mandatoryPart();
    assertEquals(m.flags(), NhrpFlags.CISCO_NAT, "no-unique: U clear; NAT flag as IOS 12.4+");
    assertEquals(m.dstProtoIpv4(), LINUX_SPOKE_TUNNEL, "nhs dynamic: the spoke names itself (IOS: the NHS)");
    NhrpCie cie = m.firstCie();
    assertEquals(new int[] {cie.prefixLength(), cie.mtu(), cie.holdTime()}, new int[] {32, 0, 300},
        "FRR's CIE: MTU 0 (IOS: 1514)");
    NhrpCie nat = frrRequest.nhrp().extension(NhrpExtension.CiscoNat.class).cies().get(0);
    assertEquals(nat.clientNbmaIpv4(), HUB_NBMA);
    assertEquals(nat.clientProtoIpv4(), Ipv4Address.parse("0.0.0.0"), "NHS protocol address not known yet");
    NhrpInEsp.Seen javaReply = first(b.of(NhrpPacketType.REGISTRATION_REPLY, HUB_NBMA));
    assertIosStyle(javaReply, new int[] {4, 5, 3, 9, 0});
    assertEquals(javaReply.nhrp().mandatoryPart().dstProtoIpv4(), HUB_TUNNEL, "what FRR learns its NHS from");
    assertEquals(javaReply.nhrp().mandatoryPart().firstCie().code(), NhrpCieCode.SUCCESS);
  }

  /** IOS (and the Java node): hop count 255, outer TTL 255, TOS 0xC0, DF clear. */
  private static void assertIosStyle(NhrpInEsp.Seen s, int[] extensions) {
    assertEquals(new int[] {s.nhrp().header().hopCount(), s.outerTtl(), s.outerTos()}, new int[] {255, 255, 0xC0},
        s.toString());
    assertFalse(s.outerDf(), s.toString());
    assertEquals(s.nhrp().extensionTypes(), extensions, s.toString());
  }

  /** Linux: outer TTL 64, TOS 0, DF set; FRR's hop count (1 in requests, 64 in replies). */
  private static void assertLinuxStyle(NhrpInEsp.Seen s, int hopCount, int[] extensions) {
    assertEquals(new int[] {s.nhrp().header().hopCount(), s.outerTtl(), s.outerTos()}, new int[] {hopCount, 64, 0},
        s.toString());
    assertTrue(s.outerDf(), s.toString());
    assertEquals(s.nhrp().extensionTypes(), extensions, s.toString());
  }

  private static <T> T first(List<T> list) {
    assertFalse(list.isEmpty(), "nothing of that kind decoded");
    return list.get(0);
  }

  private static <T> List<T> concat(List<T> x, List<T> y) {
    List<T> all = new ArrayList<>(x);
    all.addAll(y);
    return all;
  }

  @AfterClass(alwaysRun = true)
  public void stopAll() {
    long t0 = System.nanoTime();
    List<String> probes = new ArrayList<>();
    for (LinuxDmvpnLab lab : List.of(labA, labB)) {
      if (lab != null) {
        probes.add(lab.probeInterface());
      }
    }
    RuntimeException first = null;
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        first = first == null ? new IllegalStateException("clean-up failed", e) : first;
      }
    }
    Reporter.log("clean-up " + ms(t0) + " ms, whole class " + ms(classStart) + " ms", true);
    for (String p : probes) {
      assertFalse(Files.exists(Path.of("/sys/class/net", p)), p + " removed");
    }
    if (first != null) {
      throw first;
    }
  }

  private static long ms(long from) {
    return ms(from, System.nanoTime());
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
