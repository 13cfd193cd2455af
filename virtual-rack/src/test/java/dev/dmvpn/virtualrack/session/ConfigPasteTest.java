package dev.dmvpn.virtualrack.session;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The document's three configurations pasted into a fresh router's configuration mode: every line is accepted,
 * and {@code show running-config} holds each of them in order, in IOS's canonical (indented) form. The header of
 * sv9-4's {@code show run} must equal the document's own (seed lines 367-393).
 */
public class ConfigPasteTest {

  @DataProvider
  public Object[][] routers() {
    return new Object[][] {{"sv9-2", Chassis.sv92()}, {"sv9-3", Chassis.sv93()}, {"sv9-4", Chassis.sv94()}};
  }

  /** A console session on a router with no startup-config, past the setup dialog, in config mode. */
  static CliSession configSession(Chassis chassis, CapturingTerminal term) {
    RouterCli cli = RouterCli.boot(chassis, new SimulatedScheduler(), null);
    CliSession con = cli.console();
    con.attach(term);
    con.input("no\r\r");
    con.input("enable\rconfigure terminal\r");
    term.take();
    return con;
  }

  @Test(dataProvider = "routers")
  public void everyLineIsAcceptedAndShownInItsBlock(String name, Chassis chassis) {
    List<String> shown = pasteAndShow(name, chassis);
    String header = null;
    for (String line : DocumentConfigs.configLines(name)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("!") || t.equals("end")) {
        continue;
      }
      if (opensBlock(t)) {
        header = t;
        assertTrue(shown.contains(t), name + ": block '" + t + "' is not shown:\n" + String.join("\n", shown));
      } else if (header != null && !isGlobal(t)) {
        assertTrue(blockOf(shown, header).contains(" " + t),
            name + ": '" + t + "' is not shown under '" + header + "':\n" + String.join("\n", shown));
      } else {
        header = null;
        assertTrue(shown.contains(t), name + ": global '" + t + "' is not shown");
      }
    }
  }

  /** sv9-3 and sv9-4 are printed from {@code show run} in the document: their order is IOS's own. */
  @Test
  public void spokeConfigurationsComeOutInTheDocumentsOrder() {
    for (String name : new String[] {"sv9-3", "sv9-4"}) {
      List<String> shown = pasteAndShow(name, name.equals("sv9-3") ? Chassis.sv93() : Chassis.sv94());
      int at = 0;
      for (String line : DocumentConfigs.configLines(name)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("!")) {
          continue;
        }
        int found = indexOfTrimmed(shown, t, at);
        assertTrue(found >= 0, name + ": '" + t + "' is not in show running-config after line " + at + ":\n"
            + String.join("\n", shown));
        at = found + 1;
      }
    }
  }

  private static List<String> pasteAndShow(String name, Chassis chassis) {
    CapturingTerminal term = new CapturingTerminal();
    CliSession con = configSession(chassis, term);
    for (String line : DocumentConfigs.configLines(name)) {
      con.input(line + "\r");
      String out = term.take();
      assertFalse(out.contains("% "), name + ": '" + line + "' was refused:\n" + out);
    }
    assertEquals(con.prompt(), name + "#", "the document's 'end' ends configuration mode");
    term.take();
    con.input("terminal length 0\rshow running-config\r");
    return term.take().lines().toList();
  }

  private static boolean opensBlock(String t) {
    return t.startsWith("interface ") || t.startsWith("router ") || t.startsWith("crypto isakmp policy")
        || t.startsWith("crypto ipsec transform-set") || t.startsWith("crypto ipsec profile") || t.startsWith("line ");
  }

  /** Global commands that end a sub-mode when typed in one (IOS falls back to global configuration). */
  private static boolean isGlobal(String t) {
    return t.startsWith("crypto isakmp key") || t.startsWith("ip route") || t.startsWith("ip http")
        || t.equals("ip classless") || t.startsWith("hostname") || t.startsWith("no voice")
        || t.startsWith("fax ");
  }

  private static List<String> blockOf(List<String> shown, String header) {
    int i = shown.indexOf(header);
    List<String> out = new ArrayList<>();
    for (int j = i + 1; j < shown.size() && shown.get(j).startsWith(" "); j++) {
      out.add(shown.get(j));
    }
    return out;
  }

  @Test
  public void sv94HeaderIsTheDocuments() {
    CapturingTerminal term = new CapturingTerminal();
    CliSession con = configSession(Chassis.sv94(), term);
    for (String line : DocumentConfigs.configLines("sv9-4")) {
      con.input(line + "\r");
    }
    term.take();
    con.input("terminal length 0\rshow running-config\r");
    List<String> shown = term.take().lines().toList();
    // seed lines 368-393: "Building configuration..." through the three '!' before the crypto section
    List<String> document = List.of("Building configuration...", "", "CURRENT", "!", "version 12.3",
        "service timestamps debug datetime msec", "service timestamps log datetime msec",
        "no service password-encryption", "!", "hostname sv9-4", "!", "boot-start-marker",
        "boot system flash:c2691-ik9s-mz.123-3.bin", "boot-end-marker", "!", "!", "no aaa new-model",
        "ip subnet-zero", "!", "!", "no ip domain lookup", "!", "ip ssh break-string", "!", "!", "!",
        "crypto isakmp policy 10", " hash md5", " authentication pre-share",
        "crypto isakmp key cisco123 address 0.0.0.0 0.0.0.0", "!", "!",
        "crypto ipsec transform-set strong esp-3des esp-md5-hmac", "!", "crypto ipsec profile cisco",
        " set security-association lifetime seconds 120", " set transform-set strong",
        "!", "!", "!", "!", "!", "!", "!", "!", "!", "!", "!",
        "no voice hpi capture buffer", "no voice hpi capture destination",
        "!", "!", "!", "!", "!", "!", "!", "interface Tunnel0");
    int start = shown.indexOf("Building configuration...");
    List<String> got = new ArrayList<>(shown.subList(start, start + document.size()));
    assertTrue(got.get(2).matches("Current configuration : \\d+ bytes"), got.get(2));
    got.set(2, "CURRENT");
    assertEquals(got, document);
  }

  /**
   * The hub's show run from {@code router eigrp 90} to {@code end} equals the document's (seed lines 210-248,
   * indentation restored), with the testbed's default route in place of the document's unroutable one.
   */
  @Test
  public void sv92TailIsTheDocuments() {
    List<String> shown = pasteAndShow("sv9-2", Chassis.sv92());
    List<String> document = new ArrayList<>(List.of("router eigrp 90", " network 1.1.1.0 0.0.0.255",
        " network 192.168.1.0", " no auto-summary", "!", "ip http server", "no ip http secure-server",
        "ip classless", "ip route 0.0.0.0 0.0.0.0 209.168.202.254"));
    for (int i = 0; i < 10; i++) {
      document.add("!");
    }
    document.addAll(List.of("line con 0", " exec-timeout 0 0", " transport preferred all",
        " transport output all", " escape-character 27", "line aux 0", " transport preferred all",
        " transport output all", "line vty 0 4", " password cisco", " login", " transport preferred all",
        " transport input all", " transport output all", "!", "!", "end"));
    int start = shown.indexOf("router eigrp 90");
    assertEquals(shown.subList(start, start + document.size()), document);
  }

  private static int indexOfTrimmed(List<String> lines, String wanted, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(wanted)) {
        return i;
      }
    }
    return -1;
  }
}
