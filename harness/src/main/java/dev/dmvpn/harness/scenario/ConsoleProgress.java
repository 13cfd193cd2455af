package dev.dmvpn.harness.scenario;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Prints each phase as it ends ({@code   [scenario] push configs  412 ms}), with its failure if any. */
public final class ConsoleProgress implements ScenarioListener {
  private final PrintWriter out;

  public ConsoleProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void stepFinished(StepResult r) {
    out.printf("  [scenario] %-40s %6d ms%s%n", r.name(), r.elapsed().toMillis(),
        r.failure().map(f -> "  FAILED: " + f).orElse(""));
    out.flush();
  }

  @Override
  public void artifact(String kind, String device, Path file) {
    // the run directory is printed once at the end; one line per file would drown the phases
  }
}
