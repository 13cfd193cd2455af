package dev.dmvpn.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/dmvpn-harness}. */
@Command(
    name = "dmvpn-harness",
    mixinStandardHelpOptions = true,
    version = "dmvpn-harness 0.1.0",
    description = "Test harness for Cisco DMVPN (mGRE + NHRP + IKEv1/IPsec).",
    subcommands = {CommandLine.HelpCommand.class, DecodeCommand.class, DemoCommand.class, BenchDecodeCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit status (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
