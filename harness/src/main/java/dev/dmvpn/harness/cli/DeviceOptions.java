package dev.dmvpn.harness.cli;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.ios.Credentials;
import dev.dmvpn.drivers.ios.IosSession;
import dev.dmvpn.drivers.ios.SessionOptions;
import dev.dmvpn.drivers.testbed.TestbedConnector;
import dev.dmvpn.drivers.transport.HostKeyPolicy;
import dev.dmvpn.drivers.transport.SshTransport;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import dev.dmvpn.drivers.transport.Transport;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.TestbedLoader;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How {@code exec} and {@code configure} reach a device (a picocli mixin): {@code --host/--port/--protocol} with
 * secrets from environment variables named by {@code --username-env/--password-env/--enable-env}, or
 * {@code --testbed FILE --device NAME [--via console|vty|NAME]}; SSH host keys by {@code --host-key} and
 * {@code --known-hosts}; {@code --timeout} per command. Secrets never come from arguments (the process list shows
 * them).
 */
public final class DeviceOptions {
  enum Protocol { telnet, ssh }

  enum KeyPolicy {
    strict(HostKeyPolicy.STRICT), accept_new(HostKeyPolicy.ACCEPT_NEW), off(HostKeyPolicy.OFF);

    final HostKeyPolicy policy;

    KeyPolicy(HostKeyPolicy policy) {
      this.policy = policy;
    }
  }

  @Option(names = "--host", description = "device address (or --testbed and --device)")
  String host;

  @Option(names = "--port", description = "telnet or SSH port")
  Integer port;

  @Option(names = "--protocol", description = "telnet or ssh")
  Protocol protocol;

  @Option(names = "--testbed", paramLabel = "FILE", description = "testbed file (topology/README.md)")
  Path testbed;

  @Option(names = "--device", paramLabel = "NAME", description = "device of the testbed")
  String device;

  @Option(names = "--via", paramLabel = "CONNECTION", defaultValue = "vty",
      description = "console, vty, or a connection's name in the testbed (default: ${DEFAULT-VALUE})")
  String via;

  @Option(names = "--username-env", paramLabel = "VAR", description = "environment variable holding the username")
  String usernameEnv;

  @Option(names = "--password-env", paramLabel = "VAR", description = "environment variable holding the password")
  String passwordEnv;

  @Option(names = "--enable-env", paramLabel = "VAR",
      description = "environment variable holding the enable secret; given: commands run in privileged exec")
  String enableEnv;

  @Option(names = "--host-key", paramLabel = "POLICY", defaultValue = "strict",
      description = "SSH host key check: strict, accept_new or off (default: ${DEFAULT-VALUE})")
  KeyPolicy hostKey;

  @Option(names = "--known-hosts", paramLabel = "FILE", description = "known-hosts file (default ~/.ssh/known_hosts)")
  Path knownHosts;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "how long a command's prompt may take (default: ${DEFAULT-VALUE})")
  int timeoutSeconds;

  /** A logged-in session and whether the caller should enable (an enable secret was given). */
  record Opened(IosSession session, boolean wantsEnable) {}

  private boolean fromTestbed() {
    return testbed != null || device != null;
  }

  /** Exactly one way to the device: all of --host/--port/--protocol, or both --testbed and --device. */
  void check(CommandSpec spec) {
    boolean direct = host != null || port != null || protocol != null;
    boolean completeDirect = host != null && port != null && protocol != null;
    boolean completeTestbed = testbed != null && device != null;
    if (fromTestbed() == direct || (fromTestbed() ? !completeTestbed : !completeDirect)) {
      throw new ParameterException(spec.commandLine(),
          "give either --host, --port and --protocol, or --testbed and --device");
    }
  }

  /** The name of the device for messages. */
  String target() {
    return fromTestbed() ? device : host + ":" + port;
  }

  /**
   * Checks the options and opens a session; null when the testbed file has problems (printed on {@code err}).
   *
   * @throws ParameterException for a usage error (missing variable, SSH without credentials, unknown device)
   */
  Opened open(CommandSpec spec, PrintWriter err) throws IOException {
    check(spec);
    SessionOptions options = SessionOptions.IOS_DEFAULT.withCommandTimeout(Duration.ofSeconds(timeoutSeconds));
    if (!fromTestbed()) {
      Credentials credentials = new Credentials(secret(spec, usernameEnv), secret(spec, passwordEnv),
          secret(spec, enableEnv));
      IosSession s = IosSession.open(connect(spec, credentials), credentials, options, Transcript.none());
      return new Opened(s, credentials.enableSecret() != null);
    }
    LoadResult loaded = TestbedLoader.loadAndValidate(testbed);
    if (!loaded.ok()) {
      err.print(loaded.report());
      return null;
    }
    Device d = loaded.testbed().orElseThrow().device(device).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "testbed " + testbed + " has no device " + device));
    IosSession s = new TestbedConnector(new SecretResolver(ExecCommand.environment), options, Transcript.none(),
        knownHostsFile()).open(d, via);
    return new Opened(s, d.credentials().containsKey("enable"));
  }

  private Path knownHostsFile() {
    return knownHosts != null ? knownHosts : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
  }

  private Transport connect(CommandSpec spec, Credentials credentials) throws IOException {
    if (protocol == Protocol.telnet) {
      return TelnetTransport.connect(host, port, TelnetOptions.DEFAULT);
    }
    if (credentials.username() == null || credentials.password() == null) {
      throw new ParameterException(spec.commandLine(), "--protocol ssh needs --username-env and --password-env");
    }
    return SshTransport.connect(host, port, credentials.username(), credentials.password(), hostKey.policy,
        knownHostsFile(), TelnetOptions.DEFAULT);
  }

  /** The value of environment variable {@code variable} (null when no variable is named). */
  private static String secret(CommandSpec spec, String variable) {
    if (variable == null) {
      return null;
    }
    String value = ExecCommand.environment.get(variable);
    if (value == null) {
      throw new ParameterException(spec.commandLine(), "environment variable " + variable + " is not set");
    }
    return value;
  }
}
