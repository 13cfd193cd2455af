package dev.dmvpn.virtualrack.telnet;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import dev.dmvpn.virtualrack.session.RouterCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * The VTY over real loopback sockets with a plain client: option greeting bytes, login, a pasted document
 * configuration, show running-config, the error forms as bytes, and terminal monitor.
 */
public class VtyTelnetTest {
  static final Duration T = Duration.ofSeconds(10);
  /** The document's VTY (hub: line vty 0 4, password cisco, login) plus an enable secret for the test. */
  static final String STARTUP = "hostname sv9-4\nenable secret cisco\nline vty 0 4\n password cisco\n login\nend\n";

  private ExecutorScheduler scheduler;
  private RouterCli cli;
  private VtyServer server;

  @BeforeMethod
  public void start() throws IOException {
    scheduler = ExecutorScheduler.realTime("vrack-test");
    cli = RouterCli.boot(Chassis.sv94(), scheduler, STARTUP);
    server = VtyServer.start(cli, 0);
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws IOException {
    server.close();
    scheduler.close();
  }

  static RawClient loggedIn(int port, String host) throws IOException {
    RawClient c = new RawClient(port);
    c.readUntil("Password: ", T);
    c.send("cisco\r\n");
    c.readUntil(host + ">", T);
    c.send("enable\r\n");
    c.readUntil("Password: ", T);
    c.send("cisco\r\n");
    c.readUntil(host + "#", T);
    return c;
  }

  /**
   * The whole file pasted verbatim, {@code show run} header included: a router refuses exactly those three exec
   * output lines ({@code sv9-4#show run}, {@code Building configuration...}, {@code Current configuration : 1994
   * bytes}) and accepts every configuration line.
   */
  @Test
  public void verbatimPasteRefusesOnlyTheShowRunHeader() throws IOException {
    List<String> file = Files.readAllLines(configs().resolve("sv9-4.ios"), StandardCharsets.UTF_8);
    try (RawClient c = loggedIn(server.port(), "sv9-4")) {
      c.send("configure terminal\r\n");
      c.readUntil("sv9-4(config)#", T);
      c.send(String.join("\r\n", file) + "\r\n");
      String echo = c.readUntil("(config)#end\r\n", T) + c.readUntil("!-- end filled\r\nsv9-4#", T);
      List<String> refused = new java.util.ArrayList<>();
      List<String> lines = echo.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).equals("% Invalid input detected at '^' marker.")) {
          refused.add(lines.get(i - 2).substring(lines.get(i - 2).indexOf('#') + 1));
        }
      }
      assertEquals(refused, List.of("sv9-4#show run", "Building configuration...",
          "Current configuration : 1994 bytes"));
      assertEquals(echo.split("% ", -1).length - 1, 3, echo);
    }
  }

  @Test
  public void greetingIsIosOptionSet() throws IOException {
    try (RawClient c = new RawClient(server.port())) {
      byte[] g = c.readBytes(12, T);
      // IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD, IAC DO TERMINAL-TYPE, IAC DO WINDOW-SIZE
      assertEquals(g, new byte[] {(byte) 255, (byte) 251, 1, (byte) 255, (byte) 251, 3,
          (byte) 255, (byte) 253, 24, (byte) 255, (byte) 253, 31});
      assertEquals(c.readUntil("Password: ", T), "\r\n\r\nUser Access Verification\r\n\r\nPassword: ");
    }
  }

  @Test
  public void pasteTheDocumentsConfigAndShowRun() throws IOException {
    List<String> config = Files.readAllLines(configs().resolve("sv9-4.ios"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.contains("#show run") && !l.startsWith("Building configuration")
            && !l.startsWith("Current configuration :"))
        .toList();
    try (RawClient c = loggedIn(server.port(), "sv9-4")) {
      c.send("configure terminal\r\n");
      assertEquals(c.readUntil("sv9-4(config)#", T), "configure terminal\r\n"
          + "Enter configuration commands, one per line.  End with CNTL/Z.\r\nsv9-4(config)#");
      // one write, as a terminal paste arrives; the document's 'end' returns to exec
      c.send(String.join("\r\n", config) + "\r\n");
      // the file ends with "end" and a last comment line, typed at the exec prompt (IOS ignores '!' lines there)
      String echo = c.readUntil("(config)#end\r\n", T) + c.readUntil("!-- end filled\r\nsv9-4#", T);
      assertFalse(echo.contains("% "), echo);
      c.send("terminal length 0\r\nshow running-config\r\n");
      c.readUntil("Building configuration...", T);
      String run = c.readUntil("\r\nend\r\n", T);
      List<String> shown = run.lines().toList();
      int at = 0;
      for (String line : config) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("!")) {
          continue;
        }
        int found = -1;
        for (int i = at; i < shown.size(); i++) {
          if (shown.get(i).strip().equals(t)) {
            found = i;
            break;
          }
        }
        assertTrue(found >= 0, "'" + t + "' not in show running-config after line " + at + ":\n" + run);
        // sub-mode lines are indented by one blank, as IOS prints them
        assertEquals(shown.get(found).startsWith(" "), !shown.get(found).strip().equals(shown.get(found)));
        at = found + 1;
      }
      assertTrue(run.contains("\r\ninterface Tunnel0\r\n ip address 192.168.1.3 255.255.255.0\r\n no ip redirects\r\n"),
          run);
    }
  }

  @Test
  public void errorFormsAsBytes() throws IOException {
    try (RawClient c = loggedIn(server.port(), "sv9-4")) {
      c.send("show foo\r\n");
      assertEquals(c.readUntil("sv9-4#", T),
          "show foo\r\n           ^\r\n% Invalid input detected at '^' marker.\r\n\r\nsv9-4#");
      c.send("show\r\n");
      assertEquals(c.readUntil("sv9-4#", T), "show\r\n% Incomplete command.\r\n\r\nsv9-4#");
      c.send("c\r\n");
      assertEquals(c.readUntil("sv9-4#", T), "c\r\n% Ambiguous command:  \"c\"\r\nsv9-4#");
      c.send("conf t\r\n");
      c.readUntil("sv9-4(config)#", T);
      c.send("interface FastEthernet9/9\r\n");
      // no such slot on a 2691: the caret goes under the unit number, the type keyword matched
      assertEquals(c.readUntil("sv9-4(config)#", T), "interface FastEthernet9/9\r\n"
          + "                                    ^\r\n% Invalid input detected at '^' marker.\r\n\r\nsv9-4(config)#");
      // an interface command in global configuration: "ip" matches, "mtu" does not
      c.send("ip mtu 1400\r\n");
      assertEquals(c.readUntil("sv9-4(config)#", T),
          "ip mtu 1400\r\n                 ^\r\n% Invalid input detected at '^' marker.\r\n\r\nsv9-4(config)#");
      // CR NUL is a line end too (RFC 854)
      c.send("end\r\0");
      c.readUntil("sv9-4#", T);
    }
  }

  @Test
  public void terminalMonitorShowsConfigI() throws IOException {
    try (RawClient watcher = loggedIn(server.port(), "sv9-4");
        RawClient changer = loggedIn(server.port(), "sv9-4")) {
      watcher.send("terminal monitor\r\n");
      watcher.readUntil("sv9-4#", T);
      changer.send("configure terminal\r\n");
      changer.readUntil("(config)#", T);
      changer.send("end\r\n");
      changer.readUntil("sv9-4#", T);
      String log = watcher.readUntil("(127.0.0.1)\r\n", T);
      assertTrue(log.matches("(?s)\\*Mar  1 \\d\\d:\\d\\d:\\d\\d\\.\\d{3}: %SYS-5-CONFIG_I: Configured from console by vty1 "
          + "\\(127\\.0\\.0\\.1\\)\r\n"), log);
    }
  }

  @Test
  public void copyRunStartDialogAndStartupConfig() throws IOException {
    try (RawClient c = loggedIn(server.port(), "sv9-4")) {
      c.send("copy running-config startup-config\r\n");
      assertEquals(c.readUntil("? ", T), "copy running-config startup-config\r\nDestination filename [startup-config]? ");
      c.send("\r\n");
      assertEquals(c.readUntil("sv9-4#", T), "\r\nBuilding configuration...\r\n[OK]\r\nsv9-4#");
      c.send("write memory\r\n");
      assertEquals(c.readUntil("sv9-4#", T), "write memory\r\nBuilding configuration...\r\n[OK]\r\nsv9-4#");
      c.send("terminal length 0\r\nshow startup-config\r\n");
      String s = c.readUntil("\r\nend\r\n", T);
      assertTrue(s.contains("Using "), s);
      assertTrue(s.contains("\r\nhostname sv9-4\r\n"), s);
    }
  }

  static Path configs() {
    return Path.of(System.getProperty("project.root", ".."), "reference-impl", "src", "main", "resources",
        "configs");
  }
}
