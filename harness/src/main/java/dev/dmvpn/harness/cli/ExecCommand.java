package dev.dmvpn.harness.cli;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.ios.CommandFailedException;
import dev.dmvpn.drivers.ios.CommandResult;
import dev.dmvpn.drivers.ios.Credentials;
import dev.dmvpn.drivers.ios.IosSession;
import dev.dmvpn.drivers.ios.SessionOptions;
import dev.dmvpn.drivers.testbed.TestbedConnector;
import dev.dmvpn.drivers.transport.HostKeyPolicy;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.SshTransport;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmvpn-harness exec --host H --port P --protocol telnet|ssh -- "command" ...} (or {@code --testbed FILE
 * --device NAME [--via console|vty|NAME]}): logs in, runs each command and
 * prints its prompt, command and output. Secrets come from environment variables named on the command line, never
 * from arguments (they would show in the process list).
 */
@Command(
    name = "exec",
    mixinStandardHelpOptions = true,
    description = {
      "Run exec commands on an IOS device over telnet or SSH and print each command's output.",
      "Exit status: 0 every command ran; 1 the device refused a command (its error on stderr, later commands"
          + " not run); 3 connection, login, enable or a timeout failed; 2 usage."
    })
public final class ExecCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_DEVICE_ERROR = 1;
  static final int EXIT_SESSION = 3;

  /** Where secrets are looked up; tests replace it (the JVM cannot set its own environment). */
  static Map<String, String> environment = System.getenv();

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

  @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "exec commands, run in order")
  List<String> commands;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean fromTestbed = testbed != null || device != null;
    if (fromTestbed == (host != null || port != null || protocol != null) || fromTestbed
        && (testbed == null || device == null) || !fromTestbed && (host == null || port == null || protocol == null)) {
      throw new ParameterException(spec.commandLine(),
          "give either --host, --port and --protocol, or --testbed and --device");
    }
    SessionOptions options = SessionOptions.IOS_DEFAULT.withCommandTimeout(Duration.ofSeconds(timeoutSeconds));
    try (IosSession session = fromTestbed ? openFromTestbed(options, err) : openDirect(options)) {
      if (session == null) {
        return EXIT_SESSION;
      }
      if (wantsEnable) {
        session.enable();
      }
      for (String command : commands) {
        String prompt = session.prompt().toString();
        try {
          CommandResult r = session.execute(command);
          out.println(prompt + command);
          printOutput(out, r.output());
        } catch (CommandFailedException e) {
          out.println(prompt + command);
          out.flush();
          err.println("exec: " + e.getMessage());
          err.println(e.result().error().orElseThrow().deviceText());
          return EXIT_DEVICE_ERROR;
        }
      }
      out.flush();
      return EXIT_OK;
    } catch (IOException e) {
      out.flush();
      err.println("exec: " + e.getMessage());
      return EXIT_SESSION;
    }
  }

  private boolean wantsEnable;

  private IosSession openDirect(SessionOptions options) throws IOException {
    Credentials credentials = new Credentials(secret(usernameEnv), secret(passwordEnv), secret(enableEnv));
    wantsEnable = credentials.enableSecret() != null;
    return IosSession.open(connect(credentials), credentials, options, Transcript.none());
  }

  /** The device's connection and credentials from the testbed; its secrets from their references. */
  private IosSession openFromTestbed(SessionOptions options, PrintWriter err) throws IOException {
    LoadResult loaded = TestbedLoader.loadAndValidate(testbed);
    if (!loaded.ok()) {
      err.print(loaded.report());
      return null;
    }
    Device d = loaded.testbed().orElseThrow().device(device).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "testbed " + testbed + " has no device " + device));
    wantsEnable = d.credentials().containsKey("enable");
    Path file = knownHosts != null ? knownHosts : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    return new TestbedConnector(new SecretResolver(environment), options, Transcript.none(), file).open(d, via);
  }

  private static void printOutput(PrintWriter out, String output) {
    if (!output.isEmpty()) {
      out.println(output);
    }
  }

  private Transport connect(Credentials credentials) throws IOException {
    if (protocol == Protocol.telnet) {
      return TelnetTransport.connect(host, port, TelnetOptions.DEFAULT);
    }
    if (credentials.username() == null || credentials.password() == null) {
      throw new ParameterException(spec.commandLine(), "--protocol ssh needs --username-env and --password-env");
    }
    Path file = knownHosts != null ? knownHosts : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    return SshTransport.connect(host, port, credentials.username(), credentials.password(), hostKey.policy, file,
        TelnetOptions.DEFAULT);
  }

  private String secret(String variable) {
    if (variable == null) {
      return null;
    }
    String value = environment.get(variable);
    if (value == null) {
      throw new ParameterException(spec.commandLine(), "environment variable " + variable + " is not set");
    }
    return value;
  }
}
