package dev.dmvpn.virtualrack.debug;

import static org.testng.Assert.assertTrue;

import dev.dmvpn.virtualrack.rack.DocumentWanRack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testng.annotations.Test;

/**
 * Issue 8's evidence, as a person would do it: a freshly started blank rack (the document's three routers with no
 * startup configuration, as {@code lab up --blank} starts them, at 5x time: the debug lines printed to the console
 * during the ping cost real time, which a scaled clock multiplies; at 20x, and at 10x on a loaded machine, an echo
 * outlived its 2 s timeout), reached with a plain socket
 * through the terminal server's reverse-telnet lines. On each console: answer the initial configuration dialog {@code no}, press
 * RETURN, {@code enable}, {@code configure terminal}, paste the document's configuration verbatim
 * (reference-impl/src/main/resources/configs/sv9-N.ios, without the capture's {@code show run} header lines, which
 * nobody pastes), then {@code no shutdown} on the two FastEthernets (a router without startup-config starts its
 * physical interfaces shut, as after the document's cleared configuration; a {@code show run} prints no
 * {@code no shutdown}). Then:
 * <ul>
 *   <li>EIGRP: the hub's neighbours 192.168.1.2 and .3, each spoke has learned the other's LAN;</li>
 *   <li>NHRP: the hub's {@code show ip nhrp} lists both spokes registered;</li>
 *   <li>sv9-4 with {@code debug nhrp}, {@code debug crypto isakmp}, {@code debug crypto ipsec} (as the document):
 *       {@code ping 2.2.2.2} is answered (5/5 again with the debugs off, as the document's); its NHRP debug messages hold the seed's sv9-4 sequence in order
 *       ({@link DebugNhrpSeedTest#SEED_SV94}, the "Sending packet to NHS" lines left out as there) and its crypto
 *       messages the seed's responder sequence ({@link DebugCryptoSeedTest#SEED_SV94}, 132 messages, values compared
 *       by shape); in order as a subsequence, since on a live rack the hub SAs' 120 s lifetime may put a rekey's
 *       lines in between (the exact, gap-free comparison is the simulated-clock seed tests');</li>
 *   <li>{@code show crypto isakmp sa}: the spoke-to-spoke SA QM_IDLE; {@code show crypto ipsec sa}: the peer
 *       209.168.202.131 with remaining lifetimes within 120 s and 4608000 KB (the profile's {@code set
 *       security-association lifetime seconds 120} and the default kilobytes), and the debug's {@code lifetime of 120
 *       seconds} / {@code lifetime of 4608000 kilobytes}.</li>
 * </ul>
 */
public class BlankRackPasteTest {
  private static final List<String> ROUTERS = List.of("sv9-2", "sv9-3", "sv9-4");

  @Test
  public void pasteTheDocumentsConfigsIntoABlankRackAndSeeTheDocumentsResults() throws Exception {
    List<RackRouter> blank = List.of(new RackRouter("sv9-2", Chassis.sv92(), null),
        new RackRouter("sv9-3", Chassis.sv93(), null), new RackRouter("sv9-4", Chassis.sv94(), null));
    try (DocumentWanRack lab = DocumentWanRack.start(blank, "hostname ts\nend\n", 5.0, 0, 1);
        PersonAtConsole hub = new PersonAtConsole(lab.rack().consolePort("sv9-2"));
        PersonAtConsole sv93 = new PersonAtConsole(lab.rack().consolePort("sv9-3"));
        PersonAtConsole sv94 = new PersonAtConsole(lab.rack().consolePort("sv9-4"))) {
      List<PersonAtConsole> consoles = List.of(hub, sv93, sv94);
      for (int i = 0; i < 3; i++) {
        setUp(consoles.get(i), ROUTERS.get(i));
      }

      String neighbors = hub.pollUntil("show ip eigrp neighbors",
          s -> s.contains("192.168.1.2 ") && s.contains("192.168.1.3 "));
      assertTrue(neighbors.startsWith("IP-EIGRP neighbors for process 90"), neighbors);
      sv94.pollUntil("show ip route", s -> s.contains("2.2.2.0 [90/"));
      sv93.pollUntil("show ip route", s -> s.contains("3.3.3.0 [90/"));
      String nhrp = hub.pollUntil("show ip nhrp", s -> s.contains("209.168.202.130") && s.contains("209.168.202.131"));
      assertTrue(nhrp.contains("192.168.1.3/32 via 192.168.1.3, Tunnel0 created "), nhrp);
      assertTrue(nhrp.contains("192.168.1.2/32 via 192.168.1.2, Tunnel0 created "), nhrp);
      assertTrue(nhrp.contains("  Type: dynamic, Flags: authoritative unique registered"), nhrp);

      for (String d : List.of("debug nhrp", "debug crypto isakmp", "debug crypto ipsec")) {
        sv94.command(d);
      }
      int from = sv94.mark();
      String ping = sv94.command("ping 2.2.2.2");
      Matcher rate = Pattern.compile("Success rate is (\\d+) percent \\((\\d)/5\\)").matcher(ping);
      assertTrue(rate.find() && Integer.parseInt(rate.group(2)) > 0, ping); // see the second ping below
      String isakmp = sv94.pollUntil("show crypto isakmp sa",
          s -> s.contains("209.168.202.130 209.168.202.131 QM_IDLE")); // dst = responder: sv9-3 initiated
      assertTrue(isakmp.contains("dst             src             state          conn-id slot\r\n"), isakmp);
      assertTrue(isakmp.contains("209.168.202.225 209.168.202.130 QM_IDLE"), isakmp);
      // the resolution is done when sv9-4 has sv9-3's tunnel address in its cache (the reply's debug lines printed)
      sv94.pollUntil("show ip nhrp", s -> s.contains("192.168.1.2/32 via 192.168.1.2"));
      sv94.command("undebug all");
      String debugs = sv94.since(from);

      List<String> nhrpDebug = new ArrayList<>();
      for (String m : DebugNhrpSeedTest.debugMessages(debugs)) {
        if (!m.startsWith("NHRP: Sending packet to NHS") && (m.startsWith("NHRP") || m.startsWith("src: "))) {
          nhrpDebug.add(m);
        }
      }
      List<String> seedNhrp = DebugNhrpSeedTest.SEED_SV94.stream()
          .filter(m -> !m.startsWith("NHRP: Sending packet to NHS")).toList();
      DebugNhrpSeedTest.assertSubsequence(nhrpDebug, seedNhrp, debugs);

      List<String> crypto = new ArrayList<>();
      for (String m : DebugCryptoSeedTest.messages(debugs)) {
        if (!m.startsWith("NHRP") && !m.startsWith("src: ")) {
          crypto.add(DebugCryptoSeedTest.shape(m));
        }
      }
      List<String> seedCrypto = new ArrayList<>();
      for (String s : DebugCryptoSeedTest.SEED_SV94) {
        // the written-down difference of DebugCryptoSeedTest: NAT-D payload type 130 on the wire
        seedCrypto.add(DebugCryptoSeedTest.shape(s.replace("received payload type 17", "received payload type 130")));
      }
      DebugNhrpSeedTest.assertSubsequence(crypto, seedCrypto, String.join("\n", crypto));
      assertTrue(crypto.contains("lifetime of 120 seconds") && crypto.contains("lifetime of 4608000 kilobytes"),
          debugs);

      // the document's 5/5 (seed line 521), with the debugs off: their printing under a scaled clock on a shared
      // machine may cost the first ping an echo, which a real router's would not
      String again = sv94.command("ping 2.2.2.2");
      assertTrue(again.contains("!!!!!\r\nSuccess rate is 100 percent (5/5), round-trip min/avg/max = "), again);

      String ipsec = sv94.command("show crypto ipsec sa");
      int peer = ipsec.indexOf("   current_peer: 209.168.202.131:500");
      assertTrue(peer > 0, ipsec);
      int nextPeer = ipsec.indexOf("current_peer:", peer + 10);
      String block = ipsec.substring(peer, nextPeer < 0 ? ipsec.length() : nextPeer);
      Matcher timing = Pattern.compile("sa timing: remaining key lifetime \\(k/sec\\): \\((\\d+)/(\\d+)\\)")
          .matcher(block);
      int sas = 0;
      while (timing.find()) {
        long kb = Long.parseLong(timing.group(1));
        long sec = Long.parseLong(timing.group(2));
        assertTrue(kb <= 4608000 && kb > 4600000 && sec <= 120 && sec > 0, block);
        sas++;
      }
      // an inbound and an outbound ESP SA with sv9-3 (a rekey, every 90 router seconds, may list the next pair too)
      assertTrue(sas >= 2 && sas % 2 == 0, "inbound and outbound ESP SAs with sv9-3:\n" + block);
    }
  }

  /** The console dialogs of a router without startup-config, then the paste and the interfaces brought up. */
  private static void setUp(PersonAtConsole c, String name) throws Exception {
    c.type("\r\n");
    c.waitFor("Would you like to enter the initial configuration dialog? [yes/no]: ");
    c.type("no\r\n");
    c.waitFor("Press RETURN to get started!");
    c.type("\r\n");
    c.waitFor("Router>");
    c.type("enable\r\n");
    c.waitFor("Router#");
    c.type("configure terminal\r\n");
    c.waitFor("Router(config)#");
    StringBuilder paste = new StringBuilder();
    for (String line : configuration(name)) {
      paste.append(line).append("\r\n");
    }
    c.type(paste.toString());
    c.waitFor("\r\n" + name + "#");
    c.prompt = name + "(config)#"; // the prompt each command leaves
    c.command("configure terminal");
    c.prompt = name + "(config-if)#";
    c.command("interface FastEthernet0/0");
    c.command("no shutdown");
    c.command("interface FastEthernet0/1");
    c.command("no shutdown");
    c.prompt = name + "#";
    c.command("end");
    c.command("terminal length 0");
  }

  /** The document's configuration as shipped, without the capture's header lines ({@code sv9-4#show run} ...). */
  private static List<String> configuration(String name) throws Exception {
    Path file = Path.of(System.getProperty("project.root", ".."), "reference-impl", "src", "main", "resources",
        "configs", name + ".ios");
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.contains("#show run") && !l.startsWith("Building configuration")
            && !l.startsWith("Current configuration :"))
        .toList();
  }
}
