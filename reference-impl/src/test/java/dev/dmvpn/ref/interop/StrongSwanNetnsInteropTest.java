package dev.dmvpn.ref.interop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testng.Reporter;
import org.testng.annotations.Test;

/**
 * Two real strongSwan charons in namespaces A and B (the shared recipe of interop-peers.md section 2): IKEv1 Main
 * Mode + Quick Mode with PSK cisco123 for 3des-md5-modp1024, and traffic through the tunnel; a wrong PSK installs
 * nothing. Also the root-peer layout the Java reference peer will use.
 */
public class StrongSwanNetnsInteropTest {
  private static final String PSK = "cisco123"; // the document's published test value

  @Test(groups = "interop")
  public void ikev1MainModePskTunnelCarriesPing() throws IOException {
    long t0 = System.nanoTime();
    try (StrongSwanNetns.Pair pair = StrongSwanNetns.createPair(InteropRuns.workRoot())) {
      startBoth(pair, PSK, PSK);
      long tStarted = System.nanoTime();

      HostCommand.Result init = pair.a().initiate("cisco", Duration.ofSeconds(10));
      long tInitiated = System.nanoTime();
      assertTrue(init.ok(), "initiate failed: " + init.stdout() + init.stderr());

      IkeSaStatus a = single(pair.a().listSas());
      IkeSaStatus b = single(pair.b().listSas());
      assertTrue(a.established() && b.established(), a + " / " + b);
      assertEquals(a.version(), 1);
      assertTrue(a.initiator());
      assertFalse(b.initiator());
      assertEquals(a.suite(), "3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024");
      assertEquals(b.suite(), a.suite());
      assertEquals(b.initiatorSpi(), a.initiatorSpi(), "both sides name the same ISAKMP SA");
      assertEquals(b.responderSpi(), a.responderSpi());

      ChildSaStatus ca = single(a.children());
      ChildSaStatus cb = single(b.children());
      assertTrue(ca.installed() && cb.installed(), ca + " / " + cb);
      assertEquals(ca.mode(), "TUNNEL");
      assertEquals(ca.protocol(), "ESP");
      assertTrue(ca.udpEncapsulated(), "kernel-libipsec always uses ESP-in-UDP");
      assertEquals(ca.encryption(), "3DES_CBC");
      assertEquals(ca.integrity(), "HMAC_MD5_96");
      assertEquals(ca.spiOut(), cb.spiIn(), "A's outbound SA is B's inbound SA");
      assertEquals(ca.spiIn(), cb.spiOut());
      assertEquals(ca.localTs(), List.of("10.1.0.1/32"));
      assertEquals(ca.remoteTs(), List.of("10.2.0.1/32"));

      String logA = Files.readString(pair.a().logFile());
      assertTrue(logA.contains("initiating Main Mode IKE_SA cisco"), "Main Mode, not Aggressive Mode");
      assertTrue(logA.contains("generating QUICK_MODE request"), "Quick Mode");

      HostCommand.Result ping = pair.a().exec(Duration.ofSeconds(10),
          "ping", "-c", "3", "-i", "0.2", "-W", "1", "-I", "10.1.0.1", "10.2.0.1");
      long tPinged = System.nanoTime();
      assertTrue(ping.ok(), "ping through the tunnel: " + ping.stdout() + ping.stderr());
      assertTrue(ping.stdout().contains("3 received"), ping.stdout());
      ChildSaStatus after = single(single(pair.b().listSas()).children());
      assertTrue(after.packetsIn() >= 3, "B decrypted the echo requests: " + after);

      Reporter.log("strongSwan pair: namespaces+charons+load " + ms(t0, tStarted) + " ms, Main+Quick Mode "
          + ms(tStarted, tInitiated) + " ms, ping x3 " + ms(tInitiated, tPinged) + " ms", true);
    }
    Reporter.log("strongSwan pair total incl. clean-up " + ms(t0, System.nanoTime()) + " ms", true);
  }

  @Test(groups = "interop")
  public void wrongPskInstallsNoSa() throws IOException {
    long t0 = System.nanoTime();
    try (StrongSwanNetns.Pair pair = StrongSwanNetns.createPair(InteropRuns.workRoot())) {
      startBoth(pair, PSK, "not-" + PSK);
      HostCommand.Result init = pair.a().initiate("cisco", Duration.ofSeconds(2));
      assertFalse(init.ok(), "initiate must fail with mismatching keys: " + init.stdout());
      // MM5 (ID, HASH) is encrypted with a key derived from A's PSK: B cannot decrypt it
      String logB = Files.readString(pair.b().logFile());
      assertTrue(logB.contains("decryption failed"), "B's log shows the PSK mismatch");
      for (StrongSwanNetns side : List.of(pair.a(), pair.b())) {
        for (IkeSaStatus sa : side.listSas()) {
          assertFalse(sa.established(), side.namespace() + ": " + sa);
          assertTrue(sa.children().stream().noneMatch(ChildSaStatus::installed), side.namespace() + ": " + sa);
        }
      }
      Reporter.log("strongSwan wrong PSK: checked after " + ms(t0, System.nanoTime()) + " ms", true);
    }
  }

  @Test(groups = "interop")
  public void rootPeerLayoutLeavesAnAddresslessVethInTheRootNamespace() throws IOException {
    String rootIf;
    try (StrongSwanNetns ss = StrongSwanNetns.createWithRootPeer(InteropRuns.workRoot())) {
      rootIf = ss.rootPeerInterface().orElseThrow();
      assertTrue(rootIf.matches("dmvs[0-9a-f]{4}"), rootIf);
      HostCommand.Result addr = HostCommand.run(Duration.ofSeconds(5), "ip", "-o", "addr", "show", "dev", rootIf);
      assertTrue(addr.ok() && addr.stdout().isBlank(), "no address on the root end: " + addr.stdout());
      ss.start();
      ss.load(SwanctlConnection.ikev1Psk("cisco", "192.168.100.2", "192.168.100.1", PSK));
      ss.setNeighbor("192.168.100.1", "02:00:00:00:00:01", "veth0");
      long before = rxPackets(rootIf);
      ss.initiate("cisco", Duration.ofSeconds(1)); // nobody answers yet: we only want MM1 on the wire
      assertTrue(rxPackets(rootIf) > before, "charon's Main Mode request reached the root-namespace end");
    }
    assertFalse(Files.exists(Path.of("/sys/class/net", rootIf)), "veth removed with the namespace");
  }

  private static void startBoth(StrongSwanNetns.Pair pair, String pskA, String pskB) {
    pair.a().start();
    pair.b().start();
    SwanctlConnection a = SwanctlConnection.ikev1Psk("cisco", "192.168.100.1", "192.168.100.2", pskA)
        .withTrafficSelectors("10.1.0.1/32", "10.2.0.1/32");
    SwanctlConnection b = SwanctlConnection.ikev1Psk("cisco", "192.168.100.2", "192.168.100.1", pskB)
        .withTrafficSelectors("10.2.0.1/32", "10.1.0.1/32");
    pair.a().load(a);
    pair.b().load(b);
  }

  private static long rxPackets(String iface) throws IOException {
    return Long.parseLong(Files.readString(Path.of("/sys/class/net", iface, "statistics/rx_packets")).trim());
  }

  private static <T> T single(List<T> list) {
    assertEquals(list.size(), 1, "expected exactly one: " + list);
    return list.get(0);
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
