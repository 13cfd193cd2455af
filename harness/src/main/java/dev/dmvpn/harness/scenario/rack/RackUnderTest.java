package dev.dmvpn.harness.scenario.rack;

import dev.dmvpn.harness.scenario.capture.CaptureSession;
import dev.dmvpn.topology.CapturePoint;
import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The rack a scenario runs on, real or virtual. The scenario reaches its devices only through the drivers, by
 * {@link #testbed()}'s connections and {@link #secrets()}: for a virtual rack those are its loopback endpoints
 * and per-run secrets, for a real rack the testbed file as written and the process environment. What differs
 * stays here: where captures come from and whether the SA keys can be known.
 */
public interface RackUnderTest extends AutoCloseable {
  /** The testbed as the drivers must use it (connections that reach this rack). */
  Testbed testbed();

  SecretResolver secrets();

  /** The values of every secret {@link #testbed()} references, as {@link #secrets()} resolves them (to mask them). */
  default java.util.Set<String> secretValues() {
    return TestbedSecrets.values(testbed(), secrets());
  }

  /**
   * Which connection of {@code device} the scenario uses: its console when it has one (a router that was just
   * erased and reloaded has no VTY login yet), otherwise its VTY.
   */
  default String access(Device device) {
    return device.connections().values().stream().anyMatch(c -> c instanceof Connection.Console) ? "console" : "vty";
  }

  /** Starts capturing at {@code point} into {@code file}. */
  CaptureSession startCapture(CapturePoint point, Path file) throws IOException;

  /**
   * Writes Wireshark's key files ({@code esp_sa}, {@code ikev1_decryption_table}, {@code preferences}) for every
   * SA the devices negotiated into {@code dir}; false when this rack cannot know them (a real router does not
   * give its keys away), in which case nothing is written.
   */
  boolean exportKeys(Path dir) throws IOException;

  /** A short description for progress lines: {@code virtual rack x20} or {@code lab rack}. */
  String describe();

  @Override
  void close() throws IOException;
}
