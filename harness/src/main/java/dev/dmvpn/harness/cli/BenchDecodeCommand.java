package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.bench.DecodeBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness bench-decode}: the decode benchmark (run it through {@code bench/decode-throughput.sh}). */
@Command(name = "bench-decode", hidden = true, mixinStandardHelpOptions = true,
    description = "Generate a mixed DMVPN capture (if missing) and measure decode throughput on one thread.")
public final class BenchDecodeCommand implements Callable<Integer> {
  @Option(names = "--frames", defaultValue = "1000000", description = "frames to generate (default 1000000)")
  long frames;

  @Option(names = "--capture", required = true, paramLabel = "FILE", description = "capture to use or create")
  Path capture;

  @Option(names = "--passes", defaultValue = "5", description = "timed passes (median reported)")
  int passes;

  @Option(names = "--generate-only", description = "only write the capture (for the end-to-end run)")
  boolean generateOnly;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (frames < 1 || passes < 1) {
      spec.commandLine().getErr().println("bench-decode: --frames and --passes must be positive");
      return 2;
    }
    DecodeBenchmark bench = new DecodeBenchmark(spec.commandLine().getOut(), passes);
    if (generateOnly) {
      bench.generateIfMissing(capture, frames);
    } else {
      bench.run(capture, frames);
    }
    return 0;
  }
}
