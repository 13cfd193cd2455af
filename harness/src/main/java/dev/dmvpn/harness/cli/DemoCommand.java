package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.demo.DemoRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness demo}: the document's scenario, as far as the project has come. */
@Command(
    name = "demo",
    description = "Run the document's scenario on the embedded default and print what crossed the wire.")
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR",
      description = "where the capture is written (default: build-output/demo under the project root)")
  Path outDir;

  @Option(names = "--shared", paramLabel = "DIR",
      description = "real captures to decode as well, if the folder exists (default: ../shared/captures"
          + " next to the project root)")
  Path shared;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      Path root = Path.of(System.getProperty("dmvpn.root", "."));
      int problems = new DemoRun(out).run(
          outDir != null ? outDir : root.resolve("build-output/demo"),
          shared != null ? shared : root.resolve("../shared/captures").normalize());
      out.flush();
      return problems == 0 ? 0 : 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("demo: " + e.getMessage());
      return 2;
    }
  }
}
