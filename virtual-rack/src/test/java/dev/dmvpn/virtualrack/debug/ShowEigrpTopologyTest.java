package dev.dmvpn.virtualrack.debug;

import static org.testng.Assert.assertTrue;

import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * {@code show ip eigrp topology} on the converged document rack, values worked by hand from the classic composite
 * metric 256 x (floor(10^7 / min kbit/s) + sum of delays in tens of us) with IOS's defaults (FastEthernet 100000
 * kbit/s and 100 us, tunnel 9 kbit/s and 500000 us; ARCHITECTURE "EIGRP"):
 * <ul>
 *   <li>a LAN behind FastEthernet: 256 x (100 + 10) = 28160 (the RD the spoke reports);</li>
 *   <li>the tunnel subnet, connected: 256 x (1111111 + 50000) = 297244416;</li>
 *   <li>a spoke's LAN at the hub: 256 x (1111111 + 10 + 50000) = 297246976 via the spoke, RD 28160;</li>
 *   <li>the other spoke's LAN at sv9-4, the hub re-advertising it with next-hop-self and its own distance as RD:
 *       256 x (1111111 + 10 + 50000 + 50000) = 310046976 via 192.168.1.1, RD 297246976.</li>
 * </ul>
 * Router IDs: no loopbacks, so the highest interface address (209.168.202.225 on the hub, .130 on sv9-4).
 */
public class ShowEigrpTopologyTest {
  private SimulatedRack rack;
  private String hub;
  private String sv94;

  @BeforeClass
  public void converge() throws Exception {
    rack = new SimulatedRack();
    ConvergedRack.waitForLans(rack);
    hub = rack.type("sv9-2", "show ip eigrp topology\r");
    sv94 = rack.type("sv9-4", "show ip eigrp topology\r");
  }

  @Test
  public void hubHeadAndCodes() {
    assertTrue(hub.contains("IP-EIGRP Topology Table for AS(90)/ID(209.168.202.225)\r\n\r\n"
        + "Codes: P - Passive, A - Active, U - Update, Q - Query, R - Reply,\r\n       r - Reply status\r\n"), hub);
  }

  @Test
  public void hubLearnsEachSpokesLanOverTheTunnel() {
    assertTrue(hub.contains("P 2.2.2.0/24, 1 successors, FD is 297246976\r\n"
        + "         via 192.168.1.2 (297246976/28160), Tunnel0\r\n"), hub);
    assertTrue(hub.contains("P 3.3.3.0/24, 1 successors, FD is 297246976\r\n"
        + "         via 192.168.1.3 (297246976/28160), Tunnel0\r\n"), hub);
    assertTrue(hub.contains("P 1.1.1.0/24, 1 successors, FD is 28160\r\n         via Connected, FastEthernet0/1\r\n"),
        hub);
    assertTrue(hub.contains("P 192.168.1.0/24, 1 successors, FD is 297244416\r\n         via Connected, Tunnel0\r\n"),
        hub);
  }

  @Test
  public void spokeLearnsTheOtherSpokesLanViaTheHub() {
    assertTrue(sv94.contains("IP-EIGRP Topology Table for AS(90)/ID(209.168.202.130)"), sv94);
    assertTrue(sv94.contains("P 2.2.2.0/24, 1 successors, FD is 310046976\r\n"
        + "         via 192.168.1.1 (310046976/297246976), Tunnel0\r\n"), sv94);
    assertTrue(sv94.contains("P 1.1.1.0/24, 1 successors, FD is 297246976\r\n"
        + "         via 192.168.1.1 (297246976/28160), Tunnel0\r\n"), sv94);
  }
}
