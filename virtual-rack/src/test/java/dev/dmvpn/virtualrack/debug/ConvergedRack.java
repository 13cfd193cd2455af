package dev.dmvpn.virtualrack.debug;

import static org.testng.Assert.fail;

import java.time.Duration;

/** Waits (simulated time) until the spokes are registered and have learned each other's LAN over EIGRP. */
final class ConvergedRack {
  private ConvergedRack() {}

  static void waitForLans(SimulatedRack rack) {
    for (int i = 0; i < 120; i++) {
      rack.advance(Duration.ofSeconds(5));
      String r4 = rack.type("sv9-4", "show ip route\r");
      String r3 = rack.type("sv9-3", "show ip route\r");
      if (r4.contains("2.2.2.0") && r3.contains("3.3.3.0")) {
        rack.advance(Duration.ofSeconds(5));
        for (String r : rack.clis.keySet()) {
          rack.take(r);
        }
        return;
      }
    }
    fail("EIGRP did not converge in 600 simulated seconds");
  }
}
