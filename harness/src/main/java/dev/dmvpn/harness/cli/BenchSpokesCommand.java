package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.bench.SpokesBenchmark;
import dev.dmvpn.ref.crypto.OakleyGroup;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness bench-spokes}: spokes one JVM brings up against an in-process hub, and heap per spoke. */
@Command(name = "bench-spokes", hidden = true, mixinStandardHelpOptions = true,
    description = "One hub + N spokes in one JVM: registrations over IPsec per second, heap per idle spoke.")
public final class BenchSpokesCommand implements Callable<Integer> {
  @Option(names = "--spokes", defaultValue = "1000", description = "number of spokes (default ${DEFAULT-VALUE})")
  int spokes;

  @Option(names = "--threads", defaultValue = "2",
      description = "scheduler threads: one for the hub, the rest share the spokes (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--window", defaultValue = "0",
      description = "spokes negotiating at once; the next starts when one registers (0: all at once)")
  int window;

  @Option(names = "--group", defaultValue = "1", description = "ISAKMP DH group 1, 2, 5 or 14 (default 1)")
  int group;

  @Option(names = "--histogram", defaultValue = "15", description = "class-histogram rows to print (0: none)")
  int histogram;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    OakleyGroup g = OakleyGroup.byId(group);
    if (spokes < 1 || threads < 1 || g == null) {
      spec.commandLine().getErr().println("bench-spokes: need --spokes >= 1, --threads >= 1, --group 1|2|5|14");
      return 2;
    }
    boolean allUp = new SpokesBenchmark(spec.commandLine().getOut()).run(spokes, threads, window, g, histogram);
    return allUp ? 0 : 1;
  }
}
