package dev.dmvpn.drivers.transport;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;

/**
 * SSH through SSHJ: password authentication, then a shell channel with a PTY (IOS gives the exec prompt only on a
 * PTY shell). SSHJ's default algorithm lists still offer what IOS 12.3(4)T+ speaks (group1-sha1, 3des-cbc,
 * aes-cbc, hmac-sha1/md5, ssh-rsa: dependencies.md item 3).
 */
public final class SshTransport implements Transport {
  private final SSHClient client;
  private final Session session;
  private final OutputStream out;
  private final StreamPump pump;
  private final String peer;

  private SshTransport(SSHClient client, Session session, Session.Shell shell, String peer) {
    this.client = client;
    this.session = session;
    this.peer = peer;
    this.out = shell.getOutputStream();
    this.pump = new StreamPump(shell.getInputStream(), peer);
  }

  /**
   * Connects and opens the shell. {@code knownHosts} is read for {@link HostKeyPolicy#STRICT} and also written for
   * {@link HostKeyPolicy#ACCEPT_NEW}; it is ignored for {@link HostKeyPolicy#OFF}.
   */
  public static SshTransport connect(String host, int port, String username, String password,
      HostKeyPolicy policy, Path knownHosts, TelnetOptions terminal) throws IOException {
    SSHClient client = new SSHClient();
    try {
      switch (policy) {
        case OFF -> client.addHostKeyVerifier(new PromiscuousVerifier());
        case STRICT -> client.addHostKeyVerifier(new OpenSSHKnownHosts(requireFile(knownHosts)));
        case ACCEPT_NEW -> client.addHostKeyVerifier(new AcceptNewKnownHosts(touch(knownHosts)));
      }
      client.setConnectTimeout((int) terminal.connectTimeout().toMillis());
      client.connect(host, port);
      client.authPassword(username, password);
      Session session = client.startSession();
      session.allocatePTY(terminal.terminalType(), terminal.width(), terminal.height(), 0, 0, Map.of());
      Session.Shell shell = session.startShell();
      return new SshTransport(client, session, shell, "ssh " + username + "@" + host + ":" + port);
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static File requireFile(Path knownHosts) throws IOException {
    if (knownHosts == null || !Files.isRegularFile(knownHosts)) {
      throw new IOException("strict host key checking needs an existing known-hosts file, got " + knownHosts);
    }
    return knownHosts.toFile();
  }

  private static File touch(Path knownHosts) throws IOException {
    if (knownHosts == null) {
      throw new IOException("accept-new host key checking needs a known-hosts file to write");
    }
    if (!Files.exists(knownHosts)) {
      Files.createFile(knownHosts);
    }
    return knownHosts.toFile();
  }

  /** OpenSSH's accept-new: remember an unknown host, refuse a changed key. */
  private static final class AcceptNewKnownHosts extends OpenSSHKnownHosts {
    AcceptNewKnownHosts(File file) throws IOException {
      super(file);
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
      try {
        KnownHostEntry entry = new HostEntry(null, hostname, net.schmizz.sshj.common.KeyType.fromKey(key), key);
        entries().add(entry);
        write(entry);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }

  @Override
  public byte[] read(long deadlineNanos) throws IOException {
    return pump.read(deadlineNanos);
  }

  @Override
  public void write(byte[] data) throws IOException {
    try {
      out.write(data);
      out.flush();
    } catch (IOException e) {
      throw new TransportClosedException(peer);
    }
  }

  @Override
  public String peer() {
    return peer;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (IOException e) {
      // already closed by the device
    }
    try {
      client.close();
    } catch (IOException e) {
      // already closed by the device
    }
  }
}
