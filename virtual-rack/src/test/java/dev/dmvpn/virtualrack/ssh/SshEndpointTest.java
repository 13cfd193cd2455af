package dev.dmvpn.virtualrack.ssh;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import dev.dmvpn.virtualrack.session.RouterCli;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** SSH VTYs: {@code login local} users get the exec prompt at once; a wrong password or no local login is refused. */
public class SshEndpointTest {
  private static final Duration T = Duration.ofSeconds(10);
  private ExecutorScheduler scheduler;
  private SshClient client;

  @BeforeMethod
  public void start() {
    scheduler = ExecutorScheduler.realTime("vrack-ssh-test");
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    // the IOS-era algorithms only: the server must offer them (MINA's client disables them by default)
    client.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
        List.of(BuiltinDHFactories.dhg1), ClientBuilder.DH2KEX));
    client.setCipherFactories(List.of(BuiltinCiphers.tripledescbc));
    client.setMacFactories(List.of(BuiltinMacs.hmacmd5));
    client.setSignatureFactories(List.of(BuiltinSignatures.rsa));
    client.start();
  }

  @AfterMethod(alwaysRun = true)
  public void stop() {
    client.stop();
    scheduler.close();
  }

  @Test
  public void loginLocalShellRunsCommands() throws Exception {
    RouterCli cli = RouterCli.boot(Chassis.sv94(), scheduler,
        "hostname sv9-4\nusername admin secret s3cret\nline vty 0 4\n login local\nend\n");
    try (SshEndpoint ssh = SshEndpoint.start(cli, 0);
        ClientSession session = client.connect("admin", "127.0.0.1", ssh.port()).verify(T).getSession()) {
      session.addPasswordIdentity("s3cret");
      session.auth().verify(T);
      try (ChannelShell shell = session.createShellChannel()) {
        PipedOutputStream typed = new PipedOutputStream();
        shell.setIn(new PipedInputStream(typed));
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        shell.setOut(screen);
        shell.setErr(OutputStream.nullOutputStream());
        shell.open().verify(T);
        assertEquals(session.getServerVersion(), "SSH-2.0-Cisco-1.25");
        assertEquals(waitFor(screen, "sv9-4>"), "\r\nsv9-4>");
        typed.write("show clock\r".getBytes(StandardCharsets.US_ASCII));
        typed.flush();
        assertTrue(waitFor(screen, "1993\r\nsv9-4>").contains("UTC Mon Mar 1 1993"));
        assertEquals(cli.openVtySessions(), 1);
        typed.write("exit\r".getBytes(StandardCharsets.US_ASCII));
        typed.flush();
      }
    }
  }

  @Test
  public void wrongPasswordAndLinePasswordOnlyAreRefused() throws Exception {
    RouterCli local = RouterCli.boot(Chassis.sv94(), scheduler,
        "hostname sv9-4\nusername admin secret s3cret\nline vty 0 4\n login local\nend\n");
    RouterCli linePassword = RouterCli.boot(Chassis.sv92(), scheduler,
        "hostname sv9-2\nline vty 0 4\n password cisco\n login\nend\n");
    try (SshEndpoint a = SshEndpoint.start(local, 0); SshEndpoint b = SshEndpoint.start(linePassword, 0)) {
      assertRefused(a.port(), "admin", "wrong");
      assertRefused(b.port(), "anyone", "cisco");
    }
  }

  private void assertRefused(int port, String user, String password) throws Exception {
    try (ClientSession s = client.connect(user, "127.0.0.1", port).verify(T).getSession()) {
      s.addPasswordIdentity(password);
      expectThrows(SshException.class, () -> s.auth().verify(T));
    }
  }

  private int consumed;

  /** What arrived after the previous marker, up to and including {@code marker}. */
  private String waitFor(ByteArrayOutputStream screen, String marker) throws InterruptedException {
    long deadline = System.nanoTime() + T.toNanos();
    while (System.nanoTime() < deadline) {
      String s = screen.toString(StandardCharsets.ISO_8859_1).substring(consumed);
      int at = s.indexOf(marker);
      if (at >= 0) {
        consumed += at + marker.length();
        return s.substring(0, at + marker.length());
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no '" + marker + "' in: " + screen.toString(StandardCharsets.ISO_8859_1));
  }
}
