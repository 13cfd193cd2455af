package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.bench.EigrpBenchmark;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness bench-eigrp}: EIGRP convergence of the document and of a hub with N spokes. */
@Command(name = "bench-eigrp", hidden = true, mixinStandardHelpOptions = true,
    description = "EIGRP convergence on the simulated clock: the document's 3 routers, and 1 hub + N spokes.")
public final class BenchEigrpCommand implements Callable<Integer> {
  @Option(names = "--spokes", defaultValue = "1000", description = "number of spokes (default ${DEFAULT-VALUE})")
  int spokes;

  @Option(names = "--limit", defaultValue = "600", description = "simulated seconds allowed (default ${DEFAULT-VALUE})")
  int limitSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (spokes < 1 || limitSeconds < 1) {
      spec.commandLine().getErr().println("bench-eigrp: need --spokes >= 1 and --limit >= 1");
      return 2;
    }
    return new EigrpBenchmark(spec.commandLine().getOut()).run(spokes, Duration.ofSeconds(limitSeconds)) ? 0 : 1;
  }
}
