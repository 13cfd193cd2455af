package dev.dmvpn.virtualrack.rack;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.virtualrack.node.WanAttachment;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testng.annotations.Test;

/**
 * The evidence of issue 8's node wiring: the document's three routers (configurations with the gaps filled, from
 * reference-impl's test resources) boot in a rack on the document's WAN, at 20x time so EIGRP's 60 s tunnel hello
 * passes quickly. A plain socket client (not the project's drivers) reaches sv9-4's console through the terminal
 * server, as a person would, polls {@code show ip eigrp neighbors} until the hub is a neighbour, pings 2.2.2.2
 * (sv9-3's LAN) until it succeeds, and finds the spoke-to-spoke ISAKMP SA (dst/src the two spokes' public
 * addresses) in {@code show crypto isakmp sa}; the hub's {@code show ip nhrp} lists both spokes as registered.
 */
public class DocumentRackTest {
  private static final long DEADLINE_MS = 60_000;

  @Test
  public void spokeToSpokePingOverTheDocumentsConfigs() throws Exception {
    try (ExecutorScheduler scheduler = new ExecutorScheduler("doc-rack", 20.0)) {
      DocumentWan wan = DocumentWan.create(scheduler, 7);
      try (Rack rack = Rack.start(List.of(
              new RackRouter("sv9-2", Chassis.sv92(), startup("sv9-2")),
              new RackRouter("sv9-3", Chassis.sv93(), startup("sv9-3")),
              new RackRouter("sv9-4", Chassis.sv94(), startup("sv9-4"))),
          scheduler, "hostname ts\nend\n", 0, 0, 0, WanAttachment.of(wan), 42)) {
        for (String r : List.of("sv9-2", "sv9-3", "sv9-4")) {
          assertEquals(rack.router(r).bootErrors(), List.of(), r + " boot errors");
        }
        try (Console sv94 = new Console(rack.consolePort("sv9-4")); Console hub = new Console(rack.consolePort("sv9-2"))) {
          sv94.login("sv9-4");
          hub.login("sv9-2");

          String neighbors = sv94.pollUntil("show ip eigrp neighbors", s -> s.contains("192.168.1.1"));
          assertTrue(neighbors.startsWith("IP-EIGRP neighbors for process 90"), neighbors);
          assertTrue(Pattern.compile("(?m)^\\d+   192\\.168\\.1\\.1 +Tu0 +\\d+ \\d\\d:\\d\\d:\\d\\d").matcher(neighbors)
              .find(), neighbors);

          String nhrp = hub.pollUntil("show ip nhrp",
              s -> s.contains("209.168.202.130") && s.contains("209.168.202.131"));
          assertTrue(nhrp.contains("192.168.1.3/32 via 192.168.1.3, Tunnel0 created "), nhrp);
          assertTrue(nhrp.contains("  Type: dynamic, Flags: authoritative unique registered"), nhrp);

          String route = sv94.pollUntil("show ip route", s -> s.contains("2.2.2.0 [90/"));
          assertTrue(route.contains("Gateway of last resort is 209.168.202.158 to network 0.0.0.0"), route);
          assertTrue(Pattern.compile("(?m)^D       2\\.2\\.2\\.0 \\[90/\\d+\\] via 192\\.168\\.1\\.1, \\d\\d:\\d\\d:\\d\\d, Tunnel0$")
              .matcher(route).find(), route);
          assertTrue(route.contains("C    192.168.1.0/24 is directly connected, Tunnel0"), route);
          assertTrue(route.contains("S*   0.0.0.0/0 [1/0] via 209.168.202.158"), route);
          assertTrue(route.contains("     209.168.202.0/27 is subnetted, 1 subnets\r\n"
              + "C       209.168.202.128 is directly connected, FastEthernet0/0\r\n"), route);

          String ping = sv94.pollUntil("ping 2.2.2.2", s -> s.contains("Success rate is 100 percent (5/5)"));
          assertTrue(ping.startsWith("\r\nType escape sequence to abort.\r\n"
              + "Sending 5, 100-byte ICMP Echos to 2.2.2.2, timeout is 2 seconds:\r\n!!!!!\r\n"
              + "Success rate is 100 percent (5/5), round-trip min/avg/max = "), ping);

          String sa = sv94.pollUntil("show crypto isakmp sa", s -> s.contains("209.168.202.131"));
          assertTrue(sa.startsWith("dst             src             state          conn-id slot\r\n"), sa);
          Matcher spoke = Pattern.compile("(?m)^(209\\.168\\.202\\.13[01]) +(209\\.168\\.202\\.13[01]) +QM_IDLE +\\d+ +0")
              .matcher(sa);
          assertTrue(spoke.find(), sa);
          assertTrue(!spoke.group(1).equals(spoke.group(2)), sa);
          assertTrue(sa.contains("209.168.202.225"), "the SA with the hub is listed too: " + sa);
        }
      }
    }
  }

  static String startup(String router) throws IOException {
    Path file = Path.of(System.getProperty("project.root", ".."), "reference-impl", "src", "main", "resources",
        "configs", router + ".ios");
    return String.join("\n", Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.contains("#show run") && !l.startsWith("Building configuration")
            && !l.startsWith("Current configuration :"))
        .toList()) + "\n";
  }

  /** A person at a reverse-telnet console: raw bytes, telnet commands skipped, waits for the prompt. */
  static final class Console implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private String prompt;

    Console(int port) throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(200);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }

    void login(String host) throws IOException {
      send("\r\n");
      readUntil(host + ">");
      send("enable\r\n");
      prompt = host + "#";
      readUntil(prompt);
      send("terminal length 0\r\n");
      readUntil(prompt);
    }

    /** Runs {@code command} until its output passes {@code done} (never a fixed sleep: the router is asked again). */
    String pollUntil(String command, java.util.function.Predicate<String> done) throws IOException {
      long end = System.currentTimeMillis() + DEADLINE_MS;
      String last = "";
      while (System.currentTimeMillis() < end) {
        send(command + "\r\n");
        String text = readUntil(prompt);
        int start = text.indexOf(command + "\r\n");
        last = start < 0 ? text : text.substring(start + command.length() + 2);
        last = last.substring(0, last.length() - prompt.length());
        if (done.test(last)) {
          return last;
        }
      }
      throw new AssertionError("'" + command + "' never gave the awaited output; last:\n" + last);
    }

    private void send(String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    private String readUntil(String marker) throws IOException {
      StringBuilder sb = new StringBuilder();
      long end = System.currentTimeMillis() + 20_000;
      int skip = 0;
      while (System.currentTimeMillis() < end) {
        int b;
        try {
          b = in.read();
        } catch (SocketTimeoutException e) {
          continue;
        }
        if (b < 0) {
          break;
        }
        if (b == 255) {
          skip = 2; // IAC verb option (the console's negotiations); no sub-negotiations are answered here
          continue;
        }
        if (skip > 0) {
          skip--;
          continue;
        }
        sb.append((char) b);
        if (sb.toString().endsWith(marker)) {
          return sb.toString();
        }
      }
      throw new AssertionError("no '" + marker + "' from the console; got:\n" + sb);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
