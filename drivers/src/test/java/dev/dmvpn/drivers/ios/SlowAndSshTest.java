package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.transport.HostKeyPolicy;
import dev.dmvpn.drivers.transport.OneBytePerMillisecond;
import dev.dmvpn.drivers.transport.SshTransport;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** A slow line, paging answered live, log messages from another session, and SSH with each host-key policy. */
public class SlowAndSshTest {
  private RackFixture fixture;

  @BeforeMethod
  public void start() throws IOException {
    fixture = new RackFixture();
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws IOException {
    fixture.close();
  }

  private TelnetTransport telnet() throws IOException {
    return TelnetTransport.connect("127.0.0.1", fixture.vtyPort(), TelnetOptions.DEFAULT);
  }

  @Test
  public void aDeviceAnsweringOneBytePerMillisecondStillWorks() throws IOException {
    OneBytePerMillisecond slow = new OneBytePerMillisecond(telnet());
    long t0 = System.nanoTime();
    try (IosSession s = IosSession.open(slow, RackFixture.CREDENTIALS, SessionOptions.IOS_DEFAULT,
        Transcript.none())) {
      s.enable();
      assertTrue(s.execute("show clock").output().contains("UTC"));
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms >= slow.delivered(), "each byte took its millisecond: " + ms + " ms for " + slow.delivered());
  }

  @Test
  public void pagingLeftOnIsAnsweredPageByPage() throws IOException {
    try (IosSession paged = IosSession.open(telnet(), RackFixture.CREDENTIALS,
        SessionOptions.IOS_DEFAULT.withPaging(), Transcript.none());
        IosSession plain = IosSession.open(telnet(), RackFixture.CREDENTIALS, SessionOptions.IOS_DEFAULT,
            Transcript.none())) {
      paged.enable();
      plain.enable();
      paged.configure(RackFixture.documentConfig("sv9-4"));
      String withPager = paged.execute("show running-config").output();
      assertTrue(withPager.lines().count() > 48, "more than two pages");
      assertEquals(withPager, plain.execute("show running-config").output());
    }
  }

  @Test
  public void logMessagesFromAnotherSessionAreSeparated() throws IOException {
    try (IosSession watcher = IosSession.open(telnet(), RackFixture.CREDENTIALS, SessionOptions.IOS_DEFAULT,
        Transcript.none());
        IosSession admin = IosSession.open(telnet(), RackFixture.CREDENTIALS, SessionOptions.IOS_DEFAULT,
            Transcript.none())) {
      watcher.enable();
      watcher.execute("terminal monitor");
      admin.enable();
      admin.configure(List.of("interface Tunnel0"));
      // the message reaches the watcher's VTY on the router's own time: run commands until it has come
      List<String> seen = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (seen.stream().noneMatch(l -> l.contains("%SYS-5-CONFIG_I: Configured from console"))
          && System.nanoTime() < deadline) {
        CommandResult r = watcher.execute("show clock");
        assertTrue(r.output().contains("UTC") && !r.output().contains("%SYS"), r.output());
        r.syslog().forEach(l -> seen.add(l.text()));
      }
      assertTrue(seen.stream().anyMatch(l -> l.contains("%SYS-5-CONFIG_I: Configured from console by vty")),
          seen.toString());
    }
  }

  @Test
  public void sshWithEachHostKeyPolicy() throws IOException {
    Path knownHosts = Files.createTempFile("drivers-known-hosts", "");
    Files.delete(knownHosts);
    try {
      // strict without a file: refused before any password is sent
      expectThrows(IOException.class, () -> ssh(HostKeyPolicy.STRICT, knownHosts));
      try (IosSession s = ssh(HostKeyPolicy.ACCEPT_NEW, knownHosts)) {
        s.enable();
        assertTrue(s.execute("show version").output().contains("2691"));
        ConfigureResult r = s.configure(List.of("interface Tunnel0", " ip nhrp holdtime 300"));
        assertTrue(r.ok(), r.toString());
      }
      assertTrue(Files.readString(knownHosts).contains("ssh-rsa"), "accept-new remembered the key");
      try (IosSession s = ssh(HostKeyPolicy.STRICT, knownHosts)) {
        assertEquals(s.prompt().toString(), "sv9-4>");
      }
      try (IosSession s = ssh(HostKeyPolicy.OFF, null)) {
        assertEquals(s.prompt().mode(), IosMode.USER_EXEC);
      }
    } finally {
      Files.deleteIfExists(knownHosts);
    }
  }

  private IosSession ssh(HostKeyPolicy policy, Path knownHosts) throws IOException {
    return IosSession.open(SshTransport.connect("127.0.0.1", fixture.sshPort(), RackFixture.USER,
        RackFixture.PASSWORD, policy, knownHosts, TelnetOptions.DEFAULT), RackFixture.CREDENTIALS,
        SessionOptions.IOS_DEFAULT, Transcript.none());
  }
}
