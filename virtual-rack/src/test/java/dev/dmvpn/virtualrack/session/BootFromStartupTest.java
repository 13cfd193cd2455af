package dev.dmvpn.virtualrack.session;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.virtualrack.config.ConfigRenderer;
import dev.dmvpn.virtualrack.router.Chassis;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The document's configurations as NVRAM: each router boots without a single rejected line, its interfaces
 * listed without {@code shutdown} come up (a saved configuration names the shut ones), and saving then booting
 * again gives the same running configuration.
 */
public class BootFromStartupTest {

  @Test
  public void documentConfigsBootCleanAndRoundTrip() {
    Object[][] routers = {{"sv9-2", Chassis.sv92()}, {"sv9-3", Chassis.sv93()}, {"sv9-4", Chassis.sv94()}};
    for (Object[] r : routers) {
      String name = (String) r[0];
      Chassis chassis = (Chassis) r[1];
      String startup = String.join("\n", DocumentConfigs.configLines(name)) + "\n";
      RouterCli cli = RouterCli.boot(chassis, new SimulatedScheduler(), startup);
      assertEquals(cli.bootErrors(), List.of(), name);
      assertEquals(cli.router().hostname(), name);
      String run = ConfigRenderer.text(cli.router().running());
      assertTrue(run.contains("interface FastEthernet0/0\n ip address 209.168.202."), name + "\n" + run);
      assertFalse(run.contains("interface FastEthernet0/0\n ip address 209.168.202.130 255.255.255.224\n shutdown"));
      if (name.equals("sv9-4")) {
        assertTrue(run.contains("interface Serial0/0\n no ip address\n shutdown\n clockrate 2000000\n no fair-queue\n"),
            run);
      }
      cli.router().saveRunning();
      RouterCli again = RouterCli.boot(chassis, new SimulatedScheduler(), cli.router().startup());
      assertEquals(again.bootErrors(), List.of(), name);
      assertEquals(ConfigRenderer.text(again.router().running()), run, name);
    }
  }
}
