package dev.dmvpn.virtualrack.ssh;

import dev.dmvpn.virtualrack.session.RouterCli;
import java.io.IOException;
import java.util.List;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A router's SSH VTYs on loopback (Apache MINA SSHD): password authentication against the running configuration
 * ({@code line vty ... / login local} with {@code username} lines, as IOS requires for SSH), then an exec session
 * on the lowest free VTY. The host key is generated in memory per endpoint; IOS's own preconditions
 * ({@code ip domain-name}, {@code crypto key generate rsa}) are not modelled.
 *
 * <p>IOS 12.3(3) mainline offers SSH version 1 only (SSHv2 came in 12.3(4)T; dependencies.md item 3), which no
 * Java library speaks: this endpoint is SSHv2 as the next IOS releases offer it, with their algorithms only
 * (diffie-hellman-group1/14-sha1, aes128-cbc, 3des-cbc, hmac-sha1, hmac-md5, ssh-rsa with a 1024-bit key) and
 * the {@code SSH-2.0-Cisco-1.25} banner, so drivers meet the old algorithm set they will meet on real routers.
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
    SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
    keys.setAlgorithm("RSA");
    keys.setKeySize(1024);
    sshd.setKeyPairProvider(keys);
    sshd.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false,
        List.of(BuiltinDHFactories.dhg1, BuiltinDHFactories.dhg14), ServerBuilder.DH2KEX));
    sshd.setCipherFactories(List.of(BuiltinCiphers.aes128cbc, BuiltinCiphers.tripledescbc));
    sshd.setMacFactories(List.of(BuiltinMacs.hmacsha1, BuiltinMacs.hmacmd5));
    sshd.setSignatureFactories(List.of(BuiltinSignatures.rsa));
    CoreModuleProperties.SERVER_IDENTIFICATION.set(sshd, "Cisco-1.25");
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
