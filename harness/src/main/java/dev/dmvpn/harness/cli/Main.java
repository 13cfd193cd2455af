package dev.dmvpn.harness.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
      DecodeCommand.class,
      ExecCommand.class,
      PeerCommand.class,
      BenchDecodeCommand.class,
      BenchEspCommand.class,
      BenchIkeCommand.class,
      BenchSpokesCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    // stdout through one large buffer, flushed once: `decode` writes millions of lines
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int status = run(out, err, args);
    out.flush();
    System.exit(status);
  }

  /** Runs the command line with the given streams and returns the exit status (tests call this). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main()).setOut(out).setErr(err);
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
}
