package dev.dmvpn.harness.scenario;

import java.nio.file.Path;

/**
 * What a scenario tells the outside while it runs: phases starting and ending, and artifacts written (transcripts,
 * configurations pushed, show outputs, captures, key files). The reports module implements it to turn phases into
 * report steps and artifacts into attachments; {@link ConsoleProgress} prints them. Every method has an empty
 * default, so a listener takes only what it needs. Called on the scenario's thread.
 */
public interface ScenarioListener {
  default void stepStarted(String step) {}

  default void stepFinished(StepResult result) {}

  /**
   * A file the run wrote under its run directory.
   *
   * @param kind what it is: {@code transcript}, {@code config}, {@code show}, {@code pcap}, {@code keys},
   *     {@code decoded}, {@code debug} (a device's debug lines)
   * @param device the device it belongs to, or the capture point's name
   */
  default void artifact(String kind, String device, Path file) {}
}
