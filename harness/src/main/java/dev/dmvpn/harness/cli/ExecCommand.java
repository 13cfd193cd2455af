package dev.dmvpn.harness.cli;

import dev.dmvpn.drivers.ios.CommandFailedException;
import dev.dmvpn.drivers.ios.CommandResult;
import dev.dmvpn.drivers.ios.IosSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dmvpn-harness exec --host H --port P --protocol telnet|ssh -- "command" ...} (or {@code --testbed FILE
 * --device NAME [--via console|vty|NAME]}; the options are {@link DeviceOptions}, shared with {@code configure}):
 * logs in, runs each command and prints its prompt, command and output.
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

  /** Where secrets are looked up (by {@link DeviceOptions} too); tests replace it (the JVM cannot set its own). */
  static Map<String, String> environment = System.getenv();

  @Mixin DeviceOptions device;

  @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "exec commands, run in order")
  List<String> commands;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    device.check(spec);
    DeviceOptions.Opened opened = null;
    try {
      opened = device.open(spec, err);
      if (opened == null) {
        return EXIT_SESSION;
      }
      IosSession session = opened.session();
      if (opened.wantsEnable()) {
        session.enable();
      }
      for (String command : commands) {
        String prompt = session.prompt().toString();
        try {
          CommandResult r = session.execute(command);
          out.println(prompt + command);
          if (!r.output().isEmpty()) {
            out.println(r.output());
          }
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
    } finally {
      if (opened != null) {
        opened.session().close();
      }
    }
  }
}
