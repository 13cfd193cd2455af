package dev.dmvpn.virtualrack.ssh;

import dev.dmvpn.virtualrack.session.RouterCli;
import java.io.IOException;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A router's SSH VTYs on loopback (Apache MINA SSHD): password authentication against the running configuration
 * ({@code line vty ... / login local} with {@code username} lines, as IOS requires for SSH), then an exec session
 * on the lowest free VTY. The host key is generated in memory per endpoint; IOS's own preconditions
 * ({@code ip domain-name}, {@code crypto key generate rsa}) are not modelled.
 */
public final class SshEndpoint implements AutoCloseable {
  private final SshServer server;

  private SshEndpoint(SshServer server) {
    this.server = server;
  }

  /** Listens on 127.0.0.1:{@code port} (0 picks a free port). */
  public static SshEndpoint start(RouterCli cli, int port) throws IOException {
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(port);
    sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
    sshd.setPasswordAuthenticator((user, password, session) -> cli.sshPasswordOk(user, password));
    sshd.setShellFactory(channel -> new CliShell(cli));
    sshd.start();
    return new SshEndpoint(sshd);
  }

  public int port() {
    return server.getPort();
  }

  public int activeSessions() {
    return server.getActiveSessions().size();
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
