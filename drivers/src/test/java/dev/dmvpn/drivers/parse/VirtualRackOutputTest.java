package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.ios.Credentials;
import dev.dmvpn.drivers.ios.IosSession;
import dev.dmvpn.drivers.ios.SessionOptions;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.rack.Rack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * The virtual rack's 12.3 {@code show version}, read over a telnet VTY on loopback by the driver, then parsed. The
 * expected values are the seed document's sv9-4 (seed lines 57-96), which the rack imitates.
 */
public class VirtualRackOutputTest {
  private static final String USER = "admin";
  private static final String PASSWORD = "vty-pass-4711"; // test values, not lab secrets
  private static final String ENABLE = "enable-sec-0815";
  private ExecutorScheduler scheduler;
  private Rack rack;

  @BeforeMethod
  public void start() throws IOException {
    scheduler = ExecutorScheduler.realTime("parse-test");
    rack = Rack.start(List.of(new RackRouter("sv9-4", Chassis.sv94(),
        "hostname sv9-4\nenable secret " + ENABLE + "\nusername " + USER + " password " + PASSWORD
            + "\nline vty 0 4\n login local\nend\n")), scheduler, "hostname ts\nend\n", 0, 0, 0);
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws Exception {
    rack.close();
    scheduler.close();
  }

  @Test
  public void showVersionOfTheEmulated2691() throws IOException {
    try (IosSession s = IosSession.open(TelnetTransport.connect("127.0.0.1", rack.vtyPort("sv9-4"),
        TelnetOptions.DEFAULT), new Credentials(USER, PASSWORD, ENABLE), SessionOptions.IOS_DEFAULT,
        new Transcript(new StringBuilder()))) {
      s.enable();
      VersionInfo v = ShowVersionParser.parse(s.execute("show version").output());
      assertEquals(v.version(), "12.3(3)");
      assertEquals(v.imageFamily(), "C2691-IK9S-M");
      assertEquals(v.hostname(), "sv9-4");
      assertEquals(v.model(), "2691");
      assertEquals(v.systemImage(), "flash:c2691-ik9s-mz.123-3.bin");
      assertEquals(v.configRegister(), "0x2102");
    }
  }
}
