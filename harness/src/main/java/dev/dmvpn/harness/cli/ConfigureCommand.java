package dev.dmvpn.harness.cli;

import dev.dmvpn.drivers.channel.SecretMasker;
import dev.dmvpn.drivers.ios.ConfigRollback;
import dev.dmvpn.drivers.ios.ConfigureResult;
import dev.dmvpn.drivers.ios.GuardedConfigureResult;
import dev.dmvpn.drivers.ios.IosSession;
import dev.dmvpn.drivers.ios.RollbackResult;
import dev.dmvpn.drivers.ios.SaveResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dmvpn-harness configure ... --file CONFIG [--rollback] [--save]}: pushes a configuration file line by
 * line (the drivers' {@code configure}: each line's echo and answer checked, stopping at the first refused line);
 * with {@code --rollback} a refused line makes it undo the applied lines and compare {@code show running-config}
 * with the one saved before ({@link ConfigRollback}); {@code --save} copies the running configuration to NVRAM
 * after a clean push. The file may be a {@code show running-config} capture: its {@code Building configuration...}
 * and {@code Current configuration} lines and a {@code host#show run} echo are skipped (line numbers stay the file's).
 */
@Command(
    name = "configure",
    mixinStandardHelpOptions = true,
    description = {
      "Push a configuration file to an IOS device over telnet or SSH, line by line.",
      "Exit status: 0 every line applied (and saved with --save); 1 the device refused a line (its number, text"
          + " and the device's error on stderr; with --rollback the configuration was restored exactly);"
          + " 4 --rollback could not restore the configuration exactly (differences on stderr);"
          + " 3 connection, login, enable, a timeout, a connection lost mid-push or a failed save; 2 usage."
    })
public final class ConfigureCommand implements Callable<Integer> {
  static final int EXIT_ROLLBACK_INEXACT = 4;
  private static final Pattern CAPTURE_HEADER = Pattern.compile(
      "^(?:Building configuration\\.\\.\\.|Current configuration ?: ?\\d+ bytes|\\S+#\\s*sh(?:ow)? run.*)\\s*$");

  @Mixin DeviceOptions device;

  @Option(names = "--file", paramLabel = "CONFIG", required = true, description = "configuration file to push")
  Path file;

  @Option(names = "--rollback", description = "on a refused line, undo the applied lines and check the result")
  boolean rollback;

  @Option(names = "--save", description = "copy running-config startup-config after a clean push")
  boolean save;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    device.check(spec);
    List<String> lines = readFile();
    DeviceOptions.Opened opened = null;
    try {
      opened = device.open(spec, err);
      if (opened == null) {
        return ExecCommand.EXIT_SESSION;
      }
      IosSession session = opened.session();
      session.enable();
      GuardedConfigureResult r = ConfigRollback.configure(session, lines, rollback);
      ConfigureResult push = r.push();
      if (push.connectionFailure().isPresent()) {
        err.println("configure: " + file + ": " + push.applied().size() + " lines applied, then "
            + push.connectionFailure().get());
        push.unconfirmed().ifPresent(u -> err.println("configure: unconfirmed: " + u));
        return ExecCommand.EXIT_SESSION;
      }
      if (push.rejected().isPresent()) {
        ConfigureResult.RejectedLine bad = push.rejected().get();
        err.println("configure: " + file + ":" + bad.number() + ": '" + SecretMasker.mask(bad.line().strip())
            + "' refused by " + device.target() + ": " + bad.error().message());
        err.println(bad.error().deviceText());
        err.println("configure: " + push.applied().size() + " lines before it were applied");
        if (r.rollback().isPresent()) {
          return reportRollback(r.rollback().get(), err);
        }
        return ExecCommand.EXIT_DEVICE_ERROR;
      }
      out.println("configure: " + push.applied().size() + " lines applied to " + device.target() + " in "
          + push.elapsed().toMillis() + " ms");
      if (save) {
        SaveResult saved = session.save();
        if (!saved.ok()) {
          err.println("configure: '" + saved.command() + "' did not print [OK]: " + saved.output().strip());
          return ExecCommand.EXIT_SESSION;
        }
        out.println("configure: saved ([OK])");
      }
      out.flush();
      return ExecCommand.EXIT_OK;
    } catch (IOException e) {
      out.flush();
      err.println("configure: " + e.getMessage());
      return ExecCommand.EXIT_SESSION;
    } finally {
      if (opened != null) {
        opened.session().close();
      }
    }
  }

  private int reportRollback(RollbackResult rb, PrintWriter err) {
    err.println("configure: rollback: " + rb.inverse().size() + " inverse lines, " + rb.repair().size()
        + " repair lines, " + rb.elapsed().toMillis() + " ms");
    rb.refused().forEach(l -> err.println("configure: rollback line refused: " + l));
    if (rb.exact()) {
      err.println("configure: rollback: show running-config is the one of before the push");
      return ExecCommand.EXIT_DEVICE_ERROR;
    }
    err.println("configure: rollback: show running-config still differs:");
    rb.differences().forEach(d -> err.println("  " + SecretMasker.mask(d)));
    return EXIT_ROLLBACK_INEXACT;
  }

  /** The file's lines; capture headers blanked so numbers stay the file's. */
  private List<String> readFile() {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(l -> CAPTURE_HEADER.matcher(l).matches() ? "" : l).toList();
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read --file " + file + ": " + e.getMessage());
    }
  }
}
