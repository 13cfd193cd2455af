package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.drivers.parse.RunningConfig;
import dev.dmvpn.drivers.parse.ShowRunningConfigParser;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The rollback's line arithmetic alone, on a saved configuration shaped as the document's sv9-4 prints it (seed
 * lines 367-488: `no ip domain lookup`, Tunnel0 with `ip nhrp holdtime 300`, `router eigrp 90`).
 */
public class ConfigInverseTest {
  private static final RunningConfig SAVED = ShowRunningConfigParser.parse("Building configuration...\n\n"
      + "Current configuration : 200 bytes\n!\nversion 12.3\nhostname sv9-4\n!\nno ip domain lookup\n!\n"
      + "interface Tunnel0\n ip address 192.168.1.3 255.255.255.0\n ip nhrp holdtime 300\n"
      + " tunnel mode gre multipoint\n!\nrouter eigrp 90\n network 192.168.1.0\n no auto-summary\n!\nend\n");

  @Test
  public void linesTheSavedConfigurationHeldAreNotUndone() {
    assertEquals(ConfigInverse.of(List.of("no ip domain lookup", "interface Tunnel0",
        " tunnel mode gre multipoint", " ip nhrp holdtime 300"), SAVED), List.of());
  }

  @Test
  public void noFormsInReverseOrderInsideTheirBlock() {
    assertEquals(ConfigInverse.of(List.of("ip domain lookup", "interface Tunnel0", " ip nhrp holdtime 600",
        " ip nhrp network-id 99", "router eigrp 90", " network 3.3.3.0 0.0.0.255"), SAVED), List.of(
        "router eigrp 90", " no network 3.3.3.0 0.0.0.255",
        "interface Tunnel0", " no ip nhrp network-id 99", " no ip nhrp holdtime 600",
        "no ip domain lookup"));
  }

  @Test
  public void aNewBlockGoesWhole() {
    assertEquals(ConfigInverse.of(List.of("interface Loopback9", " ip address 9.9.9.9 255.255.255.255",
        " description x", "hostname spoke9"), SAVED), List.of("no hostname spoke9", "no interface Loopback9"));
  }

  @Test
  public void repairRemovesExtrasFirstThenRestoresMissingLines() {
    RunningConfig now = ShowRunningConfigParser.parse("version 12.3\nhostname Router\n!\nno ip domain lookup\n!\n"
        + "interface Tunnel0\n ip address 192.168.1.3 255.255.255.0\n tunnel mode gre multipoint\n"
        + " ip mtu 1400\n!\nrouter eigrp 90\n network 192.168.1.0\n no auto-summary\n!\nend\n");
    assertEquals(ConfigInverse.repair(SAVED, now), List.of(
        "no hostname Router",
        "interface Tunnel0", " no ip mtu 1400", "exit",
        "hostname sv9-4",
        "interface Tunnel0", " ip nhrp holdtime 300", "exit"));
  }
}
