package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.parse.ConfigSection;
import dev.dmvpn.drivers.parse.RunningConfig;
import dev.dmvpn.drivers.parse.ShowRunningConfigParser;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Reload over a VTY, configure with rollback, named connections and {@code show running-config} sections against
 * the virtual rack's emulated 12.3 router over telnet on loopback.
 */
public class RackOperationsTest {
  private RackFixture fixture;

  @BeforeMethod
  public void start() throws IOException {
    fixture = new RackFixture();
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws IOException {
    fixture.close();
  }

  private IosSession vty() throws IOException {
    return IosSession.open(TelnetTransport.connect("127.0.0.1", fixture.vtyPort(), TelnetOptions.DEFAULT),
        RackFixture.CREDENTIALS, SessionOptions.IOS_DEFAULT, Transcript.none());
  }

  @Test
  public void reloadOverAVtyReconnectsAndTheUnsavedChangeIsGone() throws IOException {
    IosSession s = vty();
    s.enable();
    assertTrue(s.configure(List.of("ip domain name reload-marker.example")).ok());
    ReloadOptions o = ReloadOptions.DEFAULT.withTimes(Duration.ofSeconds(10), Duration.ofSeconds(20),
        Duration.ofMillis(50), Duration.ofMillis(400));
    ReloadResult r = Reload.overVty(s, this::vty, o);
    try (IosSession again = r.session()) {
      assertTrue(r.saveAsked(), "the configuration was modified: IOS asks whether to save it");
      assertEquals(r.saveAnswer().orElseThrow(), "no");
      assertTrue(r.attempts() >= 1);
      assertEquals(again.prompt().toString(), "sv9-4#", "enabled again as before");
      String run = again.execute("show running-config").output();
      assertFalse(run.contains("reload-marker"), "booted from NVRAM without the unsaved line");
      assertTrue(run.contains("username admin"), run);
    }
  }

  @Test
  public void aRejectedLineIsRolledBackToTheSameShowRunningConfig() throws IOException {
    try (IosSession s = vty()) {
      s.enable();
      String before = s.execute("show running-config").output();
      List<String> push = List.of(
          "hostname spoke9",
          "ip domain name rollback-marker.example",
          "interface Loopback7",
          " ip address 10.7.7.7 255.255.255.255",
          "line vty 0 4",
          " exec-timeout 0 0",
          "interface Loopback7",
          " ip adress 10.7.7.8 255.255.255.255",
          "ip domain name never-sent.example");
      GuardedConfigureResult r = ConfigRollback.configure(s, push, true);
      ConfigureResult.RejectedLine bad = r.push().rejected().orElseThrow();
      assertEquals(bad.number(), 8);
      assertEquals(bad.error().message(), "% Invalid input detected at '^' marker.");
      assertEquals(r.push().applied().size(), 7);
      RollbackResult rb = r.rollback().orElseThrow();
      assertTrue(rb.exact(), rb.differences() + " inverse " + rb.inverse() + " repair " + rb.repair());
      assertTrue(rb.refused().isEmpty(), rb.refused().toString());
      assertEquals(s.prompt().toString(), "sv9-4#", "the host name is back");
      String after = s.execute("show running-config").output();
      assertEquals(after, before, "show running-config restored byte for byte");
      assertFalse(rb.repair().isEmpty(), "hostname needed the repair pass: " + rb.inverse());
    }
  }

  @Test
  public void showRunningConfigOfTheRackIsReadInSections() throws IOException {
    try (IosSession s = vty()) {
      s.enable();
      assertTrue(s.configure(RackFixture.documentConfig("sv9-4")).ok());
      RunningConfig c = ShowRunningConfigParser.parse(s.execute("show running-config").output());
      assertTrue(c.currentBytes() > 1000, String.valueOf(c.currentBytes()));
      assertTrue(c.globalLines().contains("hostname sv9-4"));
      ConfigSection tunnel = c.section("interface Tunnel0").orElseThrow();
      assertEquals(tunnel.kind(), ConfigSection.Kind.INTERFACE);
      assertTrue(tunnel.lines().contains("tunnel mode gre multipoint"), tunnel.lines().toString());
      assertTrue(tunnel.lines().contains("tunnel protection ipsec profile cisco"), tunnel.lines().toString());
      assertEquals(c.routers().get(0).head(), "router eigrp 90");
      assertTrue(c.crypto().stream().anyMatch(b -> b.head().equals("crypto isakmp policy 10")), c.crypto().toString());
      assertTrue(c.lines().stream().anyMatch(b -> b.head().equals("line vty 0 4")));
    }
  }

  @Test
  public void namedConnectionsAreSeparateSessions() throws IOException {
    try (DeviceConnections d = new DeviceConnections("sv9-4", Map.of("cli", this::vty, "debug", this::vty))) {
      IosSession cli = d.get("cli");
      IosSession debug = d.get("debug");
      assertNotEquals(cli, debug);
      assertTrue(d.get("cli") == cli, "kept open");
      cli.enable();
      debug.enable();
      String lines = cli.execute("show line").output();
      assertTrue(lines.contains("VTY"), lines);
      DriverException e = org.testng.Assert.expectThrows(DriverException.class, () -> d.get("aux"));
      assertTrue(e.getMessage().contains("no connection 'aux'"), e.getMessage());
    }
  }

  @Test
  public void aMonitoringConnectionCollectsWhatTheOtherCausesAsItArrives() throws IOException {
    // the rack has no debug commands: the capture runs with none and collects the log messages a change on the
    // other connection makes IOS send to monitoring terminals (%SYS-5-CONFIG_I), while nothing is typed on it
    try (DeviceConnections d = new DeviceConnections("sv9-4", Map.of("cli", this::vty, "debug", this::vty))) {
      IosSession cli = d.get("cli");
      cli.enable();
      DebugCapture capture = DebugCapture.start(d.get("debug"), List.of(), true);
      assertTrue(cli.configure(List.of("ip domain name monitor.example")).ok());
      long t0 = System.nanoTime();
      while (capture.syslog().isEmpty() && System.nanoTime() - t0 < 5_000_000_000L) {
        capture.poll(Duration.ofMillis(100));
      }
      assertEquals(capture.syslog().size(), 1, capture.syslog().toString());
      assertTrue(capture.syslog().get(0).text().contains("%SYS-5-CONFIG_I: Configured from console by vty"),
          capture.syslog().toString());
      DebugCaptureResult r = capture.stop();
      assertTrue(r.events().isEmpty());
      assertEquals(d.get("debug").prompt().toString(), "sv9-4#", "the monitoring session is still usable");
    }
  }
}
