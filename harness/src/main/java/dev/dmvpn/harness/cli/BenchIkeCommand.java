package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.bench.IkeSetupBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness bench-ike}: IKEv1 set-ups per second per DH group, next to the modPow floor. */
@Command(name = "bench-ike", hidden = true, mixinStandardHelpOptions = true,
    description = "IKEv1 Main Mode + Quick Mode set-ups per second.")
public final class BenchIkeCommand implements Callable<Integer> {
  @Option(names = "--setups", defaultValue = "200", description = "set-ups per group (group 14: a tenth)")
  int setups;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (setups < 1) {
      spec.commandLine().getErr().println("bench-ike: --setups must be positive");
      return 2;
    }
    new IkeSetupBenchmark(spec.commandLine().getOut()).run(setups);
    return 0;
  }
}
