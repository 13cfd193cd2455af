package dev.dmvpn.drivers.interop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.ios.CommandFailedException;
import dev.dmvpn.drivers.ios.ConfigureResult;
import dev.dmvpn.drivers.ios.Credentials;
import dev.dmvpn.drivers.ios.DriverException;
import dev.dmvpn.drivers.ios.IosMode;
import dev.dmvpn.drivers.ios.IosSession;
import dev.dmvpn.drivers.ios.Platform;
import dev.dmvpn.drivers.ios.SessionOptions;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * An independent implementation of the login, enable and configuration dialogs: FRRouting's ospfd vty over telnet
 * on loopback (interop-peers.md section 4). Only platform data differs from IOS ({@link Platform#FRR}). Needs root
 * (ospfd drops to the {@code frr} user) and Debian {@code frr}; fails when either is missing.
 */
public class FrrVtyInteropTest {
  private static final Path OSPFD = Path.of("/usr/lib/frr/ospfd");
  private static final String SECRET = "frr-vty-2271";
  private Path dir;
  private int port;
  private Process launcher;

  @BeforeClass(groups = "interop")
  public void startOspfd() throws Exception {
    assertTrue(Files.isExecutable(OSPFD), OSPFD + " missing: apt-get install frr");
    dir = Files.createTempDirectory("drivers-frr-");
    Files.writeString(dir.resolve("ospfd.conf"),
        "hostname frr-ospfd\npassword " + SECRET + "\nenable password " + SECRET + "\n");
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    // ospfd runs as the frr user: the directory and its config must be its own
    new ProcessBuilder("chown", "-R", "frr:frr", dir.toString()).inheritIO().start().waitFor();
    dir.toFile().setReadable(true, false);
    dir.toFile().setExecutable(true, false);
    launcher = new ProcessBuilder(OSPFD.toString(), "-d", "-A", "127.0.0.1", "-P", String.valueOf(port),
        "-f", dir.resolve("ospfd.conf").toString(), "-i", dir.resolve("ospfd.pid").toString(),
        "--vty_socket", dir.toString(), "-z", dir.resolve("zserv.api").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("ospfd.log").toFile()).start();
    awaitListening(Duration.ofSeconds(10));
  }

  private void awaitListening(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("ospfd did not listen on 127.0.0.1:" + port + " within " + limit + ": "
              + Files.readString(dir.resolve("ospfd.log")));
        }
        // polling a port that is not open yet; a short pause keeps the loop off the shared CPUs
        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
      }
    }
  }

  @AfterClass(groups = "interop", alwaysRun = true)
  public void stopOspfd() throws Exception {
    if (dir == null) {
      return;
    }
    Path pidFile = dir.resolve("ospfd.pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private IosSession open(String password) throws IOException {
    return IosSession.open(TelnetTransport.connect("127.0.0.1", port, TelnetOptions.DEFAULT),
        new Credentials(null, password, password),
        new SessionOptions(Platform.FRR, Duration.ofSeconds(10), Duration.ofSeconds(10), true), Transcript.none());
  }

  @Test(groups = "interop")
  public void loginEnableExecuteAndConfigure() throws IOException {
    try (IosSession s = open(SECRET)) {
      assertEquals(s.prompt().toString(), "frr-ospfd>");
      s.enable();
      assertEquals(s.prompt().mode(), IosMode.PRIVILEGED_EXEC);
      assertTrue(s.execute("show running-config").output().contains("hostname frr-ospfd"));
      CommandFailedException e = expectThrows(CommandFailedException.class, () -> s.execute("frobnicate now"));
      assertTrue(e.result().error().orElseThrow().message().contains("Unknown command"), e.getMessage());

      ConfigureResult ok = s.configure(List.of("router ospf", " ospf router-id 10.0.0.4",
          " network 10.0.0.0/24 area 0"));
      assertTrue(ok.ok(), ok.toString());
      assertEquals(ok.applied().size(), 3);
      assertTrue(s.execute("show running-config").output().contains("ospf router-id 10.0.0.4"));

      ConfigureResult bad = s.configure(List.of("router ospf", " frobnicate 5", " ospf router-id 10.0.0.5"));
      assertEquals(bad.rejected().orElseThrow().number(), 2);
      assertTrue(bad.rejected().orElseThrow().error().message().contains("Unknown command"));
      assertEquals(s.prompt().mode(), IosMode.PRIVILEGED_EXEC);
      assertFalse(s.execute("show running-config").output().contains("10.0.0.5"), "line 3 never sent");
    }
  }

  @Test(groups = "interop")
  public void wrongPasswordIsRefused() {
    DriverException e = expectThrows(DriverException.class, () -> open("wrong"));
    assertTrue(e.getMessage().contains("refused the login"), e.getMessage());
  }
}
