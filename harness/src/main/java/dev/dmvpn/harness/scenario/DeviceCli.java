package dev.dmvpn.harness.scenario;

import dev.dmvpn.drivers.channel.SecretMasker;
import dev.dmvpn.drivers.ios.CommandResult;
import dev.dmvpn.drivers.ios.ConfigureResult;
import dev.dmvpn.drivers.ios.IosSession;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/**
 * One device's command line during a scenario: the drivers' {@link IosSession} (console or VTY), its transcript
 * file (masked by the drivers) and a log of every command's output (masked here), both in the run directory.
 * Not thread-safe, as the session: the scenario and the tests call it from one thread (Awaitility polls in the
 * same thread).
 */
public final class DeviceCli implements AutoCloseable {
  private final String name;
  private final IosSession session;
  private final Writer transcript;
  private final Writer outputs;

  DeviceCli(String name, IosSession session, Writer transcript, Writer outputs) {
    this.name = name;
    this.session = session;
    this.transcript = transcript;
    this.outputs = outputs;
  }

  public String name() {
    return name;
  }

  /** The drivers' session, for operations the scenario does not wrap (debugs, reload). */
  public IosSession session() {
    return session;
  }

  /** Runs an exec command (refused: {@code CommandFailedException}) and logs its output. */
  public CommandResult run(String command) throws IOException {
    CommandResult r = session.execute(command);
    log(command, r.output());
    return r;
  }

  /** Runs {@code command} and parses its output with one of the drivers' parsers. */
  public <T> T show(String command, Function<String, T> parser) throws IOException {
    return parser.apply(run(command).output());
  }

  ConfigureResult configure(List<String> lines) throws IOException {
    ConfigureResult r = session.configure(lines);
    transcript.flush();
    return r;
  }

  private void log(String command, String output) throws IOException {
    outputs.write(name + "# " + command + "\n");
    for (String line : output.split("\r?\n", -1)) {
      outputs.write(SecretMasker.mask(line) + "\n");
    }
    outputs.flush();
    transcript.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      session.close();
    } finally {
      try {
        transcript.close();
      } finally {
        outputs.close();
      }
    }
  }
}
