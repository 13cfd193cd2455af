package dev.dmvpn.harness.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/dmvpn-harness}. */
@Command(
    name = "dmvpn-harness",
    mixinStandardHelpOptions = true,
    version = "dmvpn-harness 0.1.0",
    description = "Test harness for Cisco DMVPN (mGRE + NHRP + IKEv1/IPsec).",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      RunCommand.class,
      DecodeCommand.class,
      CheckCommand.class,
      ExecCommand.class,
      ConfigureCommand.class,
      ParseCommand.class,
      PeerCommand.class,
      LabCommand.class,
      BenchDecodeCommand.class,
      BenchEspCommand.class,
      BenchIkeCommand.class,
      BenchSpokesCommand.class,
      BenchEigrpCommand.class,
      BenchRackCommand.class
    })
public final class Main implements Runnable {
  /** The process's stdout as text and as the byte stream behind it (set by {@link #main} only). */
  private static volatile PrintWriter stdoutWriter;
  private static volatile OutputStream stdoutBytes;

  public static void main(String[] args) {
    // stdout through one large buffer, flushed once: `decode` writes millions of lines
    FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8),
        1 << 16), false);
    stdoutWriter = out;
    stdoutBytes = stdout;
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int status = run(out, err, args);
    out.flush();
    System.exit(status);
  }

  /**
   * The byte stream behind {@code out} when it is the process's stdout, so a command writing bytes (decode) can
   * skip the charset encoder after flushing {@code out}; {@code null} for any other writer (tests).
   */
  static OutputStream bytesBehind(PrintWriter out) {
    return out == stdoutWriter ? stdoutBytes : null;
  }

  /** Runs the command line with the given streams and returns the exit status (tests call this). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main()).setOut(out).setErr(err);
    sameVersion(cl, cl.getCommandSpec().version());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      err.println(cmd.getCommandName() + ": " + e);
      return 2;
    });
    int status = cl.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Every subcommand's {@code --version} prints the tool's version, set once on {@code Main}. */
  private static void sameVersion(CommandLine cl, String[] version) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandSpec().version().length == 0) {
        sub.getCommandSpec().version(version);
      }
      sameVersion(sub, version);
    }
  }
}
