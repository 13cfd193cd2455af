package dev.dmvpn.harness.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to run a scenario.
 *
 * @param testbedFile the testbed; empty: the shipped document rack ({@code document-rack.yaml})
 * @param rack a virtual rack started by the harness, or the real rack the testbed describes
 * @param timeScale router seconds per real second on a virtual rack (10: EIGRP's 60 s tunnel hello in 6 s; at
 *     20 the ping's 2 s timeout is 100 ms real, too short on a busy host: echoes of the first ping were lost)
 * @param seed the virtual WAN's and routers' randomness
 * @param runDir where transcripts, configs, show outputs, captures and keys go (created)
 * @param awaitTimeout real time a wait on device state may take before the check fails
 * @param configEdits changes to the generated configurations before the push, in order (negative and timer suites)
 */
public record ScenarioSettings(Optional<Path> testbedFile, RackKind rack, double timeScale, long seed, Path runDir,
    Duration awaitTimeout, List<ConfigEdit> configEdits) {

  /** Virtual or real. */
  public enum RackKind {
    /** Emulated routers started by the harness for the run, reached through the drivers on loopback. */
    VIRTUAL,
    /** The routers the testbed file describes. */
    LAB
  }

  public static final double DEFAULT_TIME_SCALE = 10;

  public ScenarioSettings {
    if (!(timeScale > 0 && timeScale <= 1000)) {
      throw new IllegalArgumentException("time scale must be in (0, 1000], got " + timeScale);
    }
    configEdits = List.copyOf(configEdits);
  }

  /** Settings without configuration edits. */
  public ScenarioSettings(Optional<Path> testbedFile, RackKind rack, double timeScale, long seed, Path runDir,
      Duration awaitTimeout) {
    this(testbedFile, rack, timeScale, seed, runDir, awaitTimeout, List.of());
  }

  /** The same settings with one more configuration edit (applied after the ones already there). */
  public ScenarioSettings withConfigEdit(ConfigEdit edit) {
    List<ConfigEdit> edits = new ArrayList<>(configEdits);
    edits.add(edit);
    return new ScenarioSettings(testbedFile, rack, timeScale, seed, runDir, awaitTimeout, edits);
  }

  /** The same settings writing to another run directory. */
  public ScenarioSettings withRunDir(Path dir) {
    return new ScenarioSettings(testbedFile, rack, timeScale, seed, dir, awaitTimeout, configEdits);
  }

  /** The document rack on the virtual rack at x10, waits up to 60 s. */
  public static ScenarioSettings virtualDocumentRack(Path runDir) {
    return new ScenarioSettings(Optional.empty(), RackKind.VIRTUAL, DEFAULT_TIME_SCALE, 1, runDir,
        Duration.ofSeconds(60));
  }
}
