package dev.dmvpn.virtualrack.debug;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.time.Duration;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * {@code traceroute}, {@code ping ... source/repeat/size} and the extended {@code ping} dialog on the converged
 * document rack (simulated clock, no sockets), driven by the nodes: the trace's hops are the routers whose ICMP
 * time exceeded / port unreachable came back. DMVPN shows in it: sv9-4's first trace to sv9-3's LAN goes through the
 * hub (hop 1 = the hub's tunnel address 192.168.1.1, answering TTL 1), the trace after the spoke-to-spoke tunnel
 * exists has sv9-3 as its only hop; a trace beyond the WAN ends at the WAN router's net unreachable.
 */
public class PingTracerouteTest {
  private SimulatedRack rack;

  @BeforeMethod
  public void converge() throws Exception {
    rack = new SimulatedRack();
    ConvergedRack.waitForLans(rack);
  }

  private String run(String keys, int seconds) {
    String out = rack.type("sv9-4", keys);
    rack.advance(Duration.ofSeconds(seconds));
    return out + rack.take("sv9-4");
  }

  @Test
  public void tracerouteGoesThroughTheHubThenStraightToTheOtherSpoke() {
    String head = "traceroute 2.2.2.2\r\n\r\nType escape sequence to abort.\r\nTracing the route to 2.2.2.2\r\n\r\n";
    assertEquals(run("traceroute 2.2.2.2\r", 30), head
        + "  1 192.168.1.1 0 msec 0 msec 0 msec\r\n  2 2.2.2.2 0 msec 0 msec 0 msec\r\nsv9-4#");
    assertEquals(run("traceroute 2.2.2.2\r", 30), head + "  1 2.2.2.2 0 msec 0 msec 0 msec\r\nsv9-4#");
    // beyond the WAN: the WAN router (sv9-4's default gateway) has no route: ICMP net unreachable
    String far = run("traceroute 8.8.8.8\r", 30);
    assertTrue(far.endsWith("  1 209.168.202.158 0 msec 0 msec 0 msec\r\n  2 209.168.202.158 !N  !N  !N \r\nsv9-4#"),
        far);
  }

  @Test
  public void pingWithSourceRepeatAndSize() {
    assertEquals(run("ping 2.2.2.2 source 3.3.3.3 repeat 10 size 200\r", 30),
        "ping 2.2.2.2 source 3.3.3.3 repeat 10 size 200\r\n\r\nType escape sequence to abort.\r\n"
            + "Sending 10, 200-byte ICMP Echos to 2.2.2.2, timeout is 2 seconds:\r\n"
            + "Packet sent with a source address of 3.3.3.3\r\n!!!!!!!!!!\r\n"
            + "Success rate is 100 percent (10/10), round-trip min/avg/max = 0/0/0 ms\r\nsv9-4#");
    assertTrue(run("ping 2.2.2.2 so Tunnel0 rep 2\r", 30).contains(
        "Sending 2, 100-byte ICMP Echos to 2.2.2.2, timeout is 2 seconds:\r\n"
            + "Packet sent with a source address of 192.168.1.3\r\n!!\r\n"));
    assertEquals(run("ping 2.2.2.2 source 9.9.9.9\r", 30), "ping 2.2.2.2 source 9.9.9.9\r\n"
        + "% Invalid source address- IP address not on any of our up interfaces\r\nsv9-4#");
    // the caret under the first word no keyword continues: prompt (6) + "ping 2.2.2.2 " (13)
    assertEquals(run("ping 2.2.2.2 sorce 9.9.9.9\r", 0), "ping 2.2.2.2 sorce 9.9.9.9\r\n" + " ".repeat(19)
        + "^\r\n% Invalid input detected at '^' marker.\r\n\r\nsv9-4#");
    assertTrue(run("ping 2.2.2.2 size 20\r", 0).contains("% Invalid input detected at '^' marker."));
  }

  @Test
  public void extendedPingDialogAsksIosQuestionsAndUsesTheSource() {
    StringBuilder sb = new StringBuilder();
    String[] answers = {"ping", "", "2.2.2.2", "3", "", "", "y", "fa0/1", "", "", "", "", "", ""};
    for (String a : answers) {
      sb.append(run(a + "\r", 0));
    }
    rack.advance(Duration.ofSeconds(30));
    sb.append(rack.take("sv9-4"));
    assertEquals(sb.toString(), "ping\r\nProtocol [ip]: \r\nTarget IP address: 2.2.2.2\r\nRepeat count [5]: 3\r\n"
        + "Datagram size [100]: \r\nTimeout in seconds [2]: \r\nExtended commands [n]: y\r\n"
        + "Source address or interface: fa0/1\r\nType of service [0]: \r\nSet DF bit in IP header? [no]: \r\n"
        + "Validate reply data? [no]: \r\nData pattern [0xABCD]: \r\n"
        + "Loose, Strict, Record, Timestamp, Verbose[none]: \r\nSweep range of sizes [n]: \r\n"
        + "Type escape sequence to abort.\r\nSending 3, 100-byte ICMP Echos to 2.2.2.2, timeout is 2 seconds:\r\n"
        + "Packet sent with a source address of 3.3.3.3\r\n!!!\r\n"
        + "Success rate is 100 percent (3/3), round-trip min/avg/max = 0/0/0 ms\r\nsv9-4#");
  }

  @Test
  public void extendedTracerouteDialogWithASourceAndOneProbe() {
    StringBuilder sb = new StringBuilder();
    for (String a : new String[] {"traceroute", "", "1.1.1.1", "3.3.3.3", "", "", "1", "", "", "", ""}) {
      sb.append(run(a + "\r", 0));
    }
    rack.advance(Duration.ofSeconds(30));
    sb.append(rack.take("sv9-4"));
    assertEquals(sb.toString(), "traceroute\r\nProtocol [ip]: \r\nTarget IP address: 1.1.1.1\r\n"
        + "Source address: 3.3.3.3\r\nNumeric display [n]: \r\nTimeout in seconds [3]: \r\nProbe count [3]: 1\r\n"
        + "Minimum Time to Live [1]: \r\nMaximum Time to Live [30]: \r\nPort Number [33434]: \r\n"
        + "Loose, Strict, Record, Timestamp, Verbose[none]: \r\nType escape sequence to abort.\r\n"
        + "Tracing the route to 1.1.1.1\r\n\r\n  1 1.1.1.1 0 msec\r\nsv9-4#");
  }

  @Test
  public void extendedPingRefusesWhatIosRefuses() {
    assertTrue(run("ping\r", 0).endsWith("Protocol [ip]: "));
    assertEquals(run("ipx\r", 0), "ipx\r\n% Unknown protocol - \"ipx\", type \"ping ?\" for help\r\nsv9-4#");
    run("ping\r", 0);
    run("\r", 0);
    assertEquals(run("2.2.2\r", 0), "2.2.2\r\n% Bad IP address\r\nsv9-4#");
    run("ping\r", 0);
    run("\r", 0);
    run("2.2.2.2\r", 0);
    assertEquals(run("0\r", 0), "0\r\n% A decimal number between 1 and 2147483647.\r\nsv9-4#");
  }
}
