package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.ios.Credentials;
import dev.dmvpn.drivers.ios.IosSession;
import dev.dmvpn.drivers.ios.PingOutcome;
import dev.dmvpn.drivers.ios.PingRequest;
import dev.dmvpn.drivers.ios.Reachability;
import dev.dmvpn.drivers.ios.SessionOptions;
import dev.dmvpn.drivers.ios.TracerouteOutcome;
import dev.dmvpn.drivers.ios.TracerouteRequest;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import dev.dmvpn.virtualrack.rack.DocumentWanRack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The drivers against the virtual rack's node-fed output: the document's three routers (10x time) reached over
 * telnet VTYs by {@link IosSession}; the extended {@code ping} dialog answered by {@link Reachability} (the rack
 * asks IOS's questions), {@code traceroute}, and the parsers of {@code show crypto ipsec sa}, {@code show ip nhrp
 * detail} and {@code show ip eigrp topology} on what the rack prints. Expected values come from the document's
 * addressing and from the EIGRP metrics worked by hand in virtual-rack's ShowEigrpTopologyTest (FD 310046976 for the
 * other spoke's LAN at sv9-4, RD 297246976).
 */
public class VirtualRackNodeOutputTest {
  private static final String USER = "admin";
  private static final String PASSWORD = "vty-pass-4711"; // test values, not lab secrets
  private static final String ENABLE = "enable-sec-0815";
  private DocumentWanRack lab;
  private IosSession sv94;
  private IosSession hub;

  @BeforeClass
  public void converge() throws Exception {
    lab = DocumentWanRack.start(List.of(new RackRouter("sv9-2", Chassis.sv92(), startup("sv9-2")),
        new RackRouter("sv9-3", Chassis.sv93(), startup("sv9-3")),
        new RackRouter("sv9-4", Chassis.sv94(), startup("sv9-4"))), "hostname ts\nend\n", 10.0, 0, 5);
    sv94 = open("sv9-4");
    hub = open("sv9-2");
    long end = System.currentTimeMillis() + 60_000;
    while (!sv94.execute("show ip route").output().contains("2.2.2.0 [90/")) {
      assertTrue(System.currentTimeMillis() < end, "sv9-4 never learned sv9-3's LAN");
      Thread.sleep(200);
    }
    // the first echoes build the spoke-to-spoke tunnel (IOS too may lose the first one meanwhile): done once here
    // so the tests see the established path
    sv94.execute("ping 2.2.2.2");
  }

  @AfterClass(alwaysRun = true)
  public void stop() throws Exception {
    for (IosSession s : new IosSession[] {sv94, hub}) {
      if (s != null) {
        s.close();
      }
    }
    if (lab != null) {
      lab.close();
    }
  }

  private IosSession open(String router) throws IOException {
    IosSession s = IosSession.open(TelnetTransport.connect("127.0.0.1", lab.rack().vtyPort(router),
        TelnetOptions.DEFAULT), new Credentials(USER, PASSWORD, ENABLE), SessionOptions.IOS_DEFAULT,
        new Transcript(new StringBuilder()));
    s.enable();
    s.execute("terminal length 0");
    return s;
  }

  /** The document's configuration with a VTY login the driver can use (test credentials) before its {@code end}. */
  private static String startup(String router) throws IOException {
    Path file = Path.of(System.getProperty("project.root", ".."), "reference-impl", "src", "main", "resources",
        "configs", router + ".ios");
    String text = String.join("\n", Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.contains("#show run") && !l.startsWith("Building configuration")
            && !l.startsWith("Current configuration :"))
        .toList());
    int end = text.lastIndexOf("\nend");
    return text.substring(0, end) + "\nenable secret " + ENABLE + "\nusername " + USER + " password " + PASSWORD
        + "\nline vty 0 4\n login local\nend\n";
  }

  @Test
  public void extendedPingThroughTheDialogFromTheLan() throws IOException {
    PingOutcome p = Reachability.ping(sv94, PingRequest.to("2.2.2.2").source("3.3.3.3").repeat(3));
    assertTrue(p.command().equals("ping"), "the extended dialog was used: " + p.command());
    assertEquals(p.result().source(), "3.3.3.3", p.output());
    assertEquals(p.result().sent(), 3, p.output());
    assertEquals(p.result().received(), 3, p.output());
    assertEquals(p.result().target(), "2.2.2.2", p.output());
  }

  @Test(dependsOnMethods = "extendedPingThroughTheDialogFromTheLan")
  public void tracerouteEndsAtTheOtherSpoke() throws IOException {
    TracerouteOutcome t = Reachability.traceroute(sv94, TracerouteRequest.to("2.2.2.2"));
    assertEquals(t.result().target(), "2.2.2.2", t.output());
    TraceHop last = t.result().hops().get(t.result().hops().size() - 1);
    assertEquals(last.probes().get(0).address(), "2.2.2.2", t.output());
    assertEquals(last.probes().size(), 3, t.output());
  }

  @Test(dependsOnMethods = "extendedPingThroughTheDialogFromTheLan")
  public void extendedTracerouteThroughTheDialog() throws IOException {
    TracerouteOutcome t = Reachability.traceroute(sv94, TracerouteRequest.to("2.2.2.2").source("3.3.3.3").probes(2));
    assertEquals(t.command(), "traceroute", "the extended dialog was used");
    TraceHop last = t.result().hops().get(t.result().hops().size() - 1);
    assertEquals(last.probes().size(), 2, t.output());
    assertEquals(last.probes().get(0).address(), "2.2.2.2", t.output());
  }

  @Test(dependsOnMethods = "extendedPingThroughTheDialogFromTheLan")
  public void showCryptoIpsecSaHasTheSpokeToSpokePair() throws IOException {
    sv94.execute("ping 2.2.2.2");
    String out = sv94.execute(ShowCryptoIpsecSaParser.COMMAND).output();
    List<IpsecInterface> ifs = ShowCryptoIpsecSaParser.parse(out);
    assertEquals(ifs.size(), 1, out);
    IpsecInterface t0 = ifs.get(0);
    assertEquals(t0.name(), "Tunnel0", out);
    assertEquals(t0.cryptoMapTag(), "Tunnel0-head-0", out);
    assertEquals(t0.localAddress(), "209.168.202.130", out);
    IpsecFlow spoke = t0.flows().stream().filter(f -> f.peer().equals("209.168.202.131")).findFirst().orElse(null);
    assertNotNull(spoke, out);
    assertEquals(spoke.peerPort(), 500, out);
    // the pair is rekeyed every 90 router seconds (9 s here: lifetime 120 s) and counts from 0 again: the echoes
    // just sent may straddle a rekey, so only "carried traffic" is certain
    assertTrue(spoke.pktsEncaps() >= 1 && spoke.pktsDecaps() >= 1, out);
    assertEquals(spoke.sas().stream().filter(IpsecSpi::inbound).count(), 1L, out);
    IpsecSpi outbound = spoke.sas().stream().filter(s -> !s.inbound()).findFirst().orElseThrow();
    assertEquals(outbound.spi(), spoke.currentOutboundSpi(), out);
    assertEquals(outbound.transform(), "esp-3des esp-md5-hmac", out);
    assertTrue(outbound.remainingSeconds() <= 120 && outbound.remainingKilobytes() <= 4608000, out);
  }

  @Test
  public void showIpNhrpDetailListsBothSpokesAtTheHub() throws IOException {
    String out = hub.execute("show ip nhrp detail").output();
    List<NhrpEntry> entries = ShowIpNhrpParser.parse(out);
    NhrpEntry sv93 = entries.stream().filter(e -> e.network().equals("192.168.1.2")).findFirst().orElse(null);
    NhrpEntry sv94e = entries.stream().filter(e -> e.network().equals("192.168.1.3")).findFirst().orElse(null);
    assertNotNull(sv93, out);
    assertNotNull(sv94e, out);
    assertEquals(sv94e.prefixLength(), 32, out);
    assertEquals(sv94e.nbma(), "209.168.202.130", out);
    assertEquals(sv93.nbma(), "209.168.202.131", out);
    assertEquals(sv94e.type(), "dynamic", out);
    assertTrue(sv94e.flags().contains("registered"), out);
  }

  @Test
  public void showIpEigrpTopologyAtTheSpoke() throws IOException {
    String out = sv94.execute(ShowIpEigrpTopologyParser.COMMAND).output();
    List<EigrpTopology> tables = ShowIpEigrpTopologyParser.parse(out);
    assertEquals(tables.size(), 1, out);
    assertEquals(tables.get(0).asNumber(), 90, out);
    assertEquals(tables.get(0).routerId(), "209.168.202.130", out);
    EigrpTopologyEntry lan = tables.get(0).entries().stream().filter(e -> e.prefix().equals("2.2.2.0/24"))
        .findFirst().orElse(null);
    assertNotNull(lan, out);
    assertEquals(lan.state(), "P", out);
    assertEquals(lan.feasibleDistance(), Long.valueOf(310046976L), out);
    assertEquals(lan.paths().get(0).via(), "192.168.1.1", out);
    assertEquals(lan.paths().get(0).reportedDistance(), Long.valueOf(297246976L), out);
    assertEquals(lan.paths().get(0).iface(), "Tunnel0", out);
  }
}
