package dev.dmvpn.harness.scenario;

import dev.dmvpn.harness.scenario.rack.RackUnderTest;
import java.nio.file.Path;

/**
 * What a scenario tells the outside while it runs: the rack once it is up, phases starting and ending (and a
 * chance to run code around each phase), and artifacts written (transcripts, configurations pushed, show outputs,
 * captures, key files, decoded frames, sequence diagrams). The reports module's adapter
 * ({@code dev.dmvpn.harness.report.ReportScenarioListener}) turns phases into report steps and artifacts into
 * attachments; {@link ConsoleProgress} prints them. Every method has a default, so a listener takes only what it
 * needs. Called on the scenario's thread.
 */
public interface ScenarioListener {
  /**
   * The rack is started: its testbed as the drivers use it and its secrets (a report masks them from here on;
   * on a virtual rack they are the per-run values).
   */
  default void rackStarted(RackUnderTest rack) {}

  default void stepStarted(String step) {}

  /**
   * Runs a phase's body (after {@link #stepStarted}, before {@link #stepFinished}) and returns its value; a
   * listener that needs the phase open while it runs (a report step, so artifacts land in it) wraps the body.
   * Must run the body exactly once and let whatever it throws through. Listeners wrap in the order added (the
   * first added is the outermost).
   */
  default <T> T around(String step, StepRecorder.Body<T> body) throws Exception {
    return body.run();
  }

  default void stepFinished(StepResult result) {}

  /**
   * A file the run wrote under its run directory.
   *
   * @param kind what it is: {@code transcript}, {@code config}, {@code show}, {@code pcap}, {@code keys} (a
   *     directory of Wireshark key files), {@code decoded} (the {@code decode} command's JSON Lines of a
   *     capture), {@code diagram} (an SVG sequence diagram of what a capture saw), {@code debug} (a device's
   *     debug lines)
   * @param device the device it belongs to, or the capture point's name ({@code rack} for the keys)
   */
  default void artifact(String kind, String device, Path file) {}
}
