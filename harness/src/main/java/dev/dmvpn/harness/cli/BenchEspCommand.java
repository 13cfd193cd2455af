package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.bench.EspBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness bench-esp}: ESP packet rates per suite (run it through {@code bench/esp-throughput.sh}). */
@Command(name = "bench-esp", hidden = true, mixinStandardHelpOptions = true,
    description = "ESP protect/open packets per second on one thread.")
public final class BenchEspCommand implements Callable<Integer> {
  @Option(names = "--bytes", defaultValue = "1400", description = "payload size (default 1400)")
  int bytes;

  @Option(names = "--seconds", defaultValue = "1.0", description = "seconds per timed pass (default 1)")
  double seconds;

  @Option(names = "--passes", defaultValue = "5", description = "timed passes (median reported)")
  int passes;

  @Option(names = "--suite", paramLabel = "SUITE", description = "only these suites (${COMPLETION-CANDIDATES});"
      + " default all")
  List<EspBenchmark.Suite> suites;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (bytes < 1 || bytes > 65000 || seconds <= 0 || passes < 1) {
      spec.commandLine().getErr().println("bench-esp: --bytes 1..65000, --seconds > 0, --passes >= 1");
      return 2;
    }
    new EspBenchmark(spec.commandLine().getOut(), passes).run(bytes, seconds,
        suites == null || suites.isEmpty() ? List.of(EspBenchmark.Suite.values()) : suites);
    return 0;
  }
}
