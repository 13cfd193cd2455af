package dev.dmvpn.harness.scenario.rack;

import dev.dmvpn.harness.scenario.capture.CaptureSession;
import dev.dmvpn.harness.scenario.capture.NicCapture;
import dev.dmvpn.topology.CapturePoint;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A real rack: the testbed as written, secrets from the process environment, and captures on the harness host's
 * own NICs: a capture point's {@code interface} is taken as the name of a local NIC (the harness runs on the
 * testbed's capture device, e.g. the WAN box, or on a host cabled to a SPAN port). Its SA keys are unknown.
 */
public final class LabRack implements RackUnderTest {
  private final Testbed testbed;
  private final SecretResolver secrets;
  public LabRack(Testbed testbed, SecretResolver secrets) {
    this.testbed = testbed;
    this.secrets = secrets;
  }

  @Override
  public Testbed testbed() {
    return testbed;
  }

  @Override
  public SecretResolver secrets() {
    return secrets;
  }

  @Override
  public CaptureSession startCapture(CapturePoint point, Path file) throws IOException {
    return NicCapture.start(point.name(), point.interfaceName(), point.filter().orElse(null), file);
  }

  @Override
  public boolean exportKeys(Path dir) {
    return false;
  }

  @Override
  public String describe() {
    return "lab rack " + testbed.name();
  }

  @Override
  public void close() {
    // a real rack stays up; the scenario's sessions and captures are closed by the scenario
  }
}
