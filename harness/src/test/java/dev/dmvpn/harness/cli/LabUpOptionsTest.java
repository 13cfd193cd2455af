package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.TestbedLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testng.annotations.Test;

/**
 * {@code lab up --blank --state-dir DIR}: sv9-2's console asks the initial configuration dialog; a configuration
 * typed there and saved with {@code write memory} lands in {@code DIR/sv9-2-confg}; the next {@code lab up
 * --state-dir DIR} (no --blank) boots sv9-2 from it (its prompt is the saved host name, not the document's), while
 * sv9-3, never saved, boots from the document's configuration; {@code --write-testbed} writes a testbed that loads,
 * validates and names this rack's console ports. {@code --testbed} with an unresolvable secret is exit
 * 2 naming it.
 */
public class LabUpOptionsTest {

  @Test
  public void blankRackSavesIntoTheStateFolderAndTheNextStartBootsFromIt() throws Exception {
    Path dir = Files.createTempDirectory("lab-state");
    try {
      try (Lab lab = Lab.up("--blank", "--state-dir", dir.toString())) {
        assertTrue(lab.out().contains("(startup none: the setup dialog)"), lab.out());
        try (Person c = new Person(lab.console("sv9-2"))) {
          c.type("\r\n");
          c.waitFor("Would you like to enter the initial configuration dialog? [yes/no]: ");
          c.type("no\r\n");
          c.waitFor("Press RETURN to get started!");
          c.type("\r\n");
          c.waitFor("Router>");
          c.type("enable\r\nconfigure terminal\r\nhostname keptname\r\nend\r\n");
          c.waitFor("keptname#");
          c.type("write memory\r\n");
          c.waitFor("[OK]");
        }
        String saved = Files.readString(dir.resolve("sv9-2-confg"), StandardCharsets.UTF_8);
        assertTrue(saved.contains("hostname keptname\n"), saved);
      }
      Path written = dir.resolve("reach.yaml");
      try (Lab lab = Lab.up("--state-dir", dir.toString(), "--write-testbed", written.toString())) {
        assertTrue(lab.out().contains("(startup " + dir.resolve("sv9-2-confg") + ")"), lab.out());
        // the written testbed loads and validates, and points at this rack's endpoints
        LoadResult reach = TestbedLoader.loadAndValidate(written);
        assertTrue(reach.ok(), reach.report());
        Device sv93 = reach.testbed().get().device("sv9-3").orElseThrow();
        Connection.Console console = (Connection.Console) sv93.connections().get("console");
        assertEquals(console.host(), "127.0.0.1");
        assertEquals(console.port(), lab.console("sv9-3"));
        assertEquals(console.line(), java.util.Optional.of(2));
        try (Person c = new Person(lab.console("sv9-2"))) {
          c.type("\r\n");
          c.waitFor("keptname>");
        }
        try (Person c = new Person(lab.console("sv9-3"))) {
          c.type("\r\n");
          c.waitFor("sv9-3>");
        }
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  @Test
  public void testbedWithAnUnsetSecretIsExitTwoNamingIt() {
    StringWriter err = new StringWriter();
    Path testbed = Path.of("..", "topology", "src", "main", "resources", "dev", "dmvpn", "topology", "testbeds",
        "hub-and-3-spokes.yaml");
    int status = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "lab", "up", "--port-base", "0",
        "--testbed", testbed.toString());
    if (System.getenv("DMVPN_PSK") == null) {
      assertEquals(status, 2, err.toString());
      assertTrue(err.toString().contains("DMVPN_PSK"), err.toString());
    }
  }

  /** {@code lab up} on a thread, stopped after its --duration; endpoints read from what it prints. */
  static final class Lab implements AutoCloseable {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger status = new AtomicInteger(-1);
    private final Thread thread;

    private Lab(String... options) {
      String[] args = new String[options.length + 8];
      String[] head = {"lab", "up", "--port-base", "0", "--time-scale", "5", "--duration", "3s"};
      System.arraycopy(head, 0, args, 0, head.length);
      System.arraycopy(options, 0, args, head.length, options.length);
      thread = new Thread(() -> status.set(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args)));
    }

    static Lab up(String... options) {
      Lab lab = new Lab(options);
      lab.thread.start();
      long end = System.currentTimeMillis() + 15_000;
      while (System.currentTimeMillis() < end && !lab.out().contains("Ctrl-C stops the rack")) {
        Thread.onSpinWait();
        if (!lab.thread.isAlive()) {
          break;
        }
      }
      assertTrue(lab.out().contains("Ctrl-C stops the rack"), lab.out() + " / " + lab.err);
      return lab;
    }

    String out() {
      return out.toString();
    }

    int console(String router) {
      Matcher m = Pattern.compile("(?m)^" + Pattern.quote(router) + " +console 127\\.0\\.0\\.1:(\\d+)").matcher(out());
      assertTrue(m.find(), out());
      return Integer.parseInt(m.group(1));
    }

    @Override
    public void close() throws InterruptedException {
      thread.join(20_000);
      assertEquals(status.get(), 0, err.toString());
    }
  }

  /** A person with a plain socket at a console line. */
  static final class Person implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream os;
    private final StringBuilder seen = new StringBuilder();

    Person(int port) throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(10_000);
      in = socket.getInputStream();
      os = socket.getOutputStream();
    }

    void type(String keys) throws IOException {
      os.write(keys.getBytes(StandardCharsets.US_ASCII));
      os.flush();
    }

    /** Reads until {@code marker}; returns what came before it. */
    String waitFor(String marker) throws IOException {
      int skip = 0;
      while (seen.indexOf(marker) < 0) {
        int b = in.read();
        if (b < 0) {
          throw new AssertionError("closed before '" + marker + "': " + seen);
        }
        if (b == 255) {
          skip = 2;
        } else if (skip > 0) {
          skip--;
        } else {
          seen.append((char) b);
        }
      }
      String before = seen.substring(0, seen.indexOf(marker));
      seen.delete(0, seen.indexOf(marker) + marker.length());
      return before;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
