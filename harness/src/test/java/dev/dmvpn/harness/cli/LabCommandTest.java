package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testng.annotations.Test;

/**
 * {@code lab up} prints the three routers' endpoints, and they answer: sv9-4's console (reverse telnet through the
 * terminal server) gives sv9-4's prompt, booted from the document's configuration; it stops after --duration.
 */
public class LabCommandTest {

  @Test
  public void upPrintsEndpointsThatAnswer() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger status = new AtomicInteger(-1);
    Thread lab = new Thread(() -> status.set(Main.run(new PrintWriter(out), new PrintWriter(err), "lab", "up",
        "--port-base", "0", "--time-scale", "20", "--duration", "4s")));
    lab.start();
    Pattern line = Pattern.compile("(?m)^sv9-4 +console 127\\.0\\.0\\.1:(\\d+)  telnet 127\\.0\\.0\\.1:\\d+  ssh "
        + "127\\.0\\.0\\.1:\\d+");
    Matcher m = line.matcher("");
    long end = System.currentTimeMillis() + 30_000; // a loaded shared machine starts the rack slowly
    while (System.currentTimeMillis() < end && !(m = line.matcher(out.toString())).find()) {
      Thread.onSpinWait();
    }
    assertTrue(m.find(0), out + " / " + err);
    assertTrue(out.toString().contains("sv9-2  console 127.0.0.1:"), out.toString());
    assertTrue(!out.toString().contains("boot:"), "the document's configs boot without errors: " + out);
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)))) {
      s.setSoTimeout(5000);
      s.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      StringBuilder sb = new StringBuilder();
      while (!sb.toString().endsWith("sv9-4>")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        sb.append((char) b);
      }
      assertTrue(sb.toString().endsWith("sv9-4>"), sb.toString());
    }
    lab.join(15_000);
    assertEquals(status.get(), 0, err.toString());
    assertTrue(out.toString().contains("rack stopped"), out.toString());
  }

  @Test
  public void missingConfigsIsExitTwo() {
    StringWriter err = new StringWriter();
    int st = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "lab", "up", "--port-base", "0",
        "--configs", "no-such-dir");
    assertEquals(st, 2);
    assertTrue(err.toString().contains("lab up: cannot read no-such-dir/sv9-2.ios"), err.toString());
  }

  @Test
  public void everyCommandAnswersHelpAndVersion() {
    for (String[] cmd : new String[][] {
        {"lab", "up"}, {"lab"}, {"demo"}, {"run"}, {"decode"}, {"peer"}, {"exec"}, {"parse"}, {"check"},
        {"configure"}}) {
      StringWriter out = new StringWriter();
      String[] help = java.util.Arrays.copyOf(cmd, cmd.length + 1);
      help[cmd.length] = "--help";
      int status = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), help);
      assertEquals(status, 0, String.join(" ", help));
      assertTrue(out.toString().startsWith("Usage: dmvpn-harness " + String.join(" ", cmd)), out.toString());
      StringWriter version = new StringWriter();
      help[cmd.length] = "--version";
      assertEquals(Main.run(new PrintWriter(version), new PrintWriter(new StringWriter()), help), 0);
      assertTrue(version.toString().startsWith("dmvpn-harness "), String.join(" ", help) + ": " + version);
    }
  }

  @Test
  public void badArgumentIsExitTwoWithOneClearLine() {
    StringWriter err = new StringWriter();
    assertEquals(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "lab", "up", "--time-scale",
        "0"), 2);
    assertTrue(err.toString().startsWith("lab up: --time-scale must be in (0, 1000]"), err.toString());
  }
}
