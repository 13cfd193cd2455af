package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.bench.RackBenchmark;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness bench-rack}: the virtual rack's start time, show latency, paste-to-ping, 1 hub + N spokes. */
@Command(name = "bench-rack", hidden = true, mixinStandardHelpOptions = true,
    description = "Virtual rack: lab up to prompts, show latency over a VTY, paste to ping, 1 hub + N spokes.")
public final class BenchRackCommand implements Callable<Integer> {
  @Option(names = "--part", defaultValue = "all", description = "start|paste|spokes|all (default ${DEFAULT-VALUE})")
  String part;

  @Option(names = "--commands", defaultValue = "200", description = "timed runs per show command")
  int commands;

  @Option(names = "--paste-time-scale", defaultValue = "1", description = "time scale of the paste-to-ping run")
  double pasteScale;

  @Option(names = "--spokes", defaultValue = "100", description = "spokes of the generated testbed")
  int spokes;

  @Option(names = "--spokes-time-scale", defaultValue = "1", description = "time scale of the spokes run")
  double spokesScale;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RackBenchmark b = new RackBenchmark(out);
    if (part.equals("start") || part.equals("all")) {
      b.startAndShowLatency(commands);
      out.flush();
    }
    if (part.equals("paste") || part.equals("all")) {
      b.pasteToPing(pasteScale);
      out.flush();
    }
    if (part.equals("spokes") || part.equals("all")) {
      b.hubAndSpokes(spokes, spokesScale);
      out.flush();
    }
    return 0;
  }
}
