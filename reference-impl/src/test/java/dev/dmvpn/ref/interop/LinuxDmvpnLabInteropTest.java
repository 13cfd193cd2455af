package dev.dmvpn.ref.interop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.interop.LinuxDmvpnLab.Guest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testng.Reporter;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

/**
 * A real Linux DMVPN under User-Mode Linux (interop-peers.md section 3): hub and spoke1 boot, the spoke's first GRE
 * packet triggers IKEv1 (trap policy), transport-mode ESP comes up, the spoke registers with the hub's nhrpd and
 * pings the hub's tunnel address through GRE over ESP, all within a bounded time.
 */
public class LinuxDmvpnLabInteropTest {
  private static final Duration BOOT = LinuxDmvpnLab.BOOT_WITHIN;
  private static final Duration TUNNEL = Duration.ofSeconds(45);
  private LinuxDmvpnLab lab;

  @Test(groups = "interop")
  public void spokeRegistersWithHubAndPingsThroughTheTunnel() throws IOException {
    long t0 = System.nanoTime();
    lab = LinuxDmvpnLab.create(LinuxDmvpnLab.ProbeMode.ROOT);
    lab.start(Guest.HUB);
    lab.start(Guest.SPOKE1);
    lab.awaitReady("hub", BOOT);
    lab.awaitReady("spoke1", BOOT);
    long tReady = System.nanoTime();

    // the spoke only has a route to 10.0.0.1 once the hub answered its registration (over IPsec)
    Poll.until("spoke1 pings 10.0.0.1 through gre1", TUNNEL, Duration.ofMillis(500),
        () -> lab.exec("spoke1", "ping -c1 -W1 10.0.0.1"), out -> out.contains("1 received"));
    long tTunnel = System.nanoTime();

    String cache = lab.exec("hub", "vtysh -c 'show ip nhrp cache' 2>/dev/null");
    assertTrue(cache.lines().anyMatch(l -> l.matches("gre1\\s+dynamic\\s+10\\.0\\.0\\.11\\s+172\\.16\\.0\\.11\\b.*")),
        "hub cache lists spoke1 as dynamic 10.0.0.11 -> 172.16.0.11:\n" + cache);

    String ping = lab.exec("spoke1", "ping -c3 -i0.3 -W1 10.0.0.1");
    assertTrue(ping.contains("3 packets transmitted, 3 received"), ping);

    List<IkeSaStatus> hubSas = IkeSaStatus.parseListSas(lab.exec("hub", "swanctl --list-sas --raw"));
    assertEquals(hubSas.size(), 1, hubSas.toString());
    IkeSaStatus sa = hubSas.get(0);
    assertTrue(sa.established() && sa.version() == 1 && !sa.initiator(), sa.toString());
    assertEquals(sa.remoteHost(), "172.16.0.11");
    assertEquals(sa.suite(), "3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024");
    ChildSaStatus child = sa.children().get(0);
    assertTrue(child.installed(), child.toString());
    assertEquals(child.mode(), "TRANSPORT");
    assertEquals(child.protocol(), "ESP");
    assertTrue(!child.udpEncapsulated(), "plain ESP (protocol 50) on the WAN");
    assertEquals(child.encryption() + "/" + child.integrity(), "3DES_CBC/HMAC_MD5_96");
    assertEquals(child.localTs(), List.of("172.16.0.1/32[gre]"));
    assertTrue(child.packetsIn() >= 3, "hub decrypted the GRE packets: " + child);

    assertTrue(rxPackets(lab.probeInterface()) > 0, "the WAN bridge reaches the root-namespace probe veth");
    long tChecked = System.nanoTime();
    Reporter.log("UML DMVPN lab " + lab.id() + ": guests ready " + ms(t0, tReady) + " ms (hub marks "
        + lab.bootMarks("hub") + ", spoke1 marks " + lab.bootMarks("spoke1") + "), registration+IPsec+ping "
        + ms(tReady, tTunnel) + " ms, checks " + ms(tTunnel, tChecked) + " ms", true);
  }

  @AfterClass(alwaysRun = true)
  public void stopLab() {
    if (lab != null) {
      long t0 = System.nanoTime();
      String probe = lab.probeInterface();
      lab.close();
      Reporter.log("UML DMVPN lab stopped in " + ms(t0, System.nanoTime()) + " ms", true);
      assertTrue(!Files.exists(Path.of("/sys/class/net", probe)), "probe veth removed");
      assertTrue(!Files.exists(Path.of("/run/netns", lab.wanNamespace())), "wan namespace removed");
    }
  }

  private static long rxPackets(String iface) throws IOException {
    return Long.parseLong(Files.readString(Path.of("/sys/class/net", iface, "statistics/rx_packets")).trim());
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
