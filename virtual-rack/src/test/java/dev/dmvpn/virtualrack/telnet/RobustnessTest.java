package dev.dmvpn.virtualrack.telnet;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import dev.dmvpn.virtualrack.session.RouterCli;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Bad input over real sockets: garbage bytes, a 100 kB line, telnet option floods, rapid connect/disconnect, 50
 * sessions at once. The router must keep answering, and the threads and file descriptors the server used must
 * be back to what they were once the clients are gone.
 */
public class RobustnessTest {
  static final Duration T = Duration.ofSeconds(10);
  private ExecutorScheduler scheduler;
  private RouterCli cli;
  private VtyServer server;
  private int threadsBefore;
  private int fdsBefore;
  private List<String> targetsBefore;

  @BeforeMethod
  public void start() throws Exception {
    scheduler = ExecutorScheduler.realTime("vrack-robust");
    cli = RouterCli.boot(Chassis.sv94(), scheduler, VtyTelnetTest.STARTUP);
    server = VtyServer.start(cli, 0);
    // one full session first: the JDK opens some descriptors lazily on first use (seen: one socket:[...] that is
    // no TCP socket), which must not count as a leak
    stillAnswers();
    awaitNoSessions();
    threadsBefore = serverThreads();
    fdsBefore = openFds();
    targetsBefore = fdTargets();
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws IOException {
    server.close();
    scheduler.close();
  }

  /** Threads of the VTY server other than its acceptor: a reader and a writer per connection. */
  static int serverThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("vty-") && !t.getName().endsWith("-accept")).count();
  }

  static int openFds() {
    return fdTargets().size();
  }

  /** What the process's descriptors point at (sockets as socket:[inode]). */
  static List<String> fdTargets() {
    List<String> out = new ArrayList<>();
    File[] fds = new File("/proc/self/fd").listFiles();
    if (fds == null) {
      return out;
    }
    for (File f : fds) {
      try {
        out.add(java.nio.file.Files.readSymbolicLink(f.toPath()).toString());
      } catch (IOException e) {
        // closed while listing (the directory's own descriptor)
      }
    }
    return out;
  }

  /** Still answering: a fresh session logs in and runs show clock. */
  private void stillAnswers() throws IOException {
    try (RawClient c = VtyTelnetTest.loggedIn(server.port(), "sv9-4")) {
      c.send("show clock\r\n");
      assertTrue(c.readUntil("sv9-4#", T).contains(" UTC Mon Mar 1 1993"));
    }
  }

  /** Nothing leaked: connections, sessions, threads and descriptors back to the start (polled: closing is async). */
  private void awaitNoSessions() throws InterruptedException {
    long deadline = System.nanoTime() + T.toNanos();
    while (System.nanoTime() < deadline && (cli.openVtySessions() != 0 || server.openConnections() != 0)) {
      Thread.sleep(10);
    }
  }

  private void nothingLeaked() throws InterruptedException {
    long deadline = System.nanoTime() + T.toNanos();
    while (System.nanoTime() < deadline && (server.openConnections() != 0 || cli.openVtySessions() != 0
        || serverThreads() != threadsBefore || !newSockets().isEmpty())) {
      Thread.sleep(20);
    }
    assertEquals(server.openConnections(), 0, "connections");
    assertEquals(cli.openVtySessions(), 0, "VTY sessions");
    assertEquals(serverThreads(), threadsBefore, "server threads");
    // one snapshot for the check and its message: the count alone moves while the JVM opens jars and /proc
    List<String> leaked = newSockets();
    assertTrue(leaked.isEmpty(), "socket descriptors left open: " + leaked + " (" + fdsBefore + " fds before)");
  }

  /** Socket descriptors open now that were not open before the test. */
  private List<String> newSockets() {
    List<String> now = fdTargets();
    now.removeAll(targetsBefore);
    now.removeIf(target -> !target.startsWith("socket:"));
    return now;
  }

  @Test
  public void garbageBytes() throws Exception {
    Random random = new Random(20261204);
    try (RawClient c = VtyTelnetTest.loggedIn(server.port(), "sv9-4")) {
      byte[] junk = new byte[64 * 1024];
      random.nextBytes(junk);
      c.send(junk);
      c.send("\r\n");
    }
    stillAnswers();
    nothingLeaked();
  }

  @Test
  public void hundredKilobyteLine() throws Exception {
    try (RawClient c = VtyTelnetTest.loggedIn(server.port(), "sv9-4")) {
      c.send("configure terminal\r\n");
      c.readUntil("(config)#", T);
      c.send("x".repeat(100_000) + "\r\n");
      // the line is capped (4096 characters, a bell when it overflows) and refused like any unknown command
      String out = c.readUntil("sv9-4(config)#", T);
      assertTrue(out.contains("\u0007"), "a bell when the line is full");
      assertTrue(out.contains("% Invalid input detected at '^' marker."), out.substring(out.length() - 200));
      c.send("end\r\nshow clock\r\n");
      assertTrue(c.readUntil(" 1993\r\nsv9-4#", T).contains("UTC"));
    }
    nothingLeaked();
  }

  @Test
  public void telnetOptionFlood() throws Exception {
    try (RawClient c = new RawClient(server.port())) {
      c.readUntil("Password: ", T);
      byte[] flood = new byte[30_000 * 3];
      for (int i = 0; i < 30_000; i++) {
        flood[3 * i] = (byte) 255;
        flood[3 * i + 1] = (byte) (251 + i % 4);
        flood[3 * i + 2] = (byte) (i % 256);
      }
      c.send(flood);
      // an unterminated sub-negotiation of 10 kB, then IAC SE
      byte[] sb = new byte[10_003];
      sb[0] = (byte) 255;
      sb[1] = (byte) 250;
      java.util.Arrays.fill(sb, 2, sb.length - 1, (byte) 31);
      c.send(sb);
      c.send(new byte[] {(byte) 255, (byte) 240});
      c.send("cisco\r\n");
      String out = c.readUntil("sv9-4>", T);
      // at most MAX_REFUSALS answers per option and verb family: bounded, not one per request
      assertTrue(out.length() < 256 * 2 * 3 * TelnetNegotiator.MAX_REFUSALS + 100, "answers: " + out.length());
    }
    stillAnswers();
    nothingLeaked();
  }

  @Test
  public void rapidConnectDisconnect() throws Exception {
    for (int i = 0; i < 200; i++) {
      new Socket(InetAddress.getLoopbackAddress(), server.port()).close();
    }
    nothingLeaked();
    stillAnswers();
    nothingLeaked();
  }

  @Test
  public void fiftySessionsAtOnce() throws Exception {
    int n = 50;
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger prompted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    List<RawClient> open = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(() -> {
        try {
          go.await();
          RawClient c = new RawClient(server.port());
          open.add(c);
          try {
            c.readUntil("Password: ", Duration.ofSeconds(5));
            prompted.incrementAndGet();
          } catch (AssertionError closed) {
            refused.incrementAndGet();
          }
        } catch (Exception e) {
          refused.incrementAndGet();
        }
      });
      clients.add(t);
      t.start();
    }
    go.countDown();
    for (Thread t : clients) {
      t.join(20_000);
    }
    // line vty 0 4: five sessions, the other 45 connections are closed at once
    assertEquals(prompted.get(), 5);
    assertEquals(refused.get(), n - 5);
    for (RawClient c : open) {
      c.close();
    }
    nothingLeaked();
    stillAnswers();
  }
}
