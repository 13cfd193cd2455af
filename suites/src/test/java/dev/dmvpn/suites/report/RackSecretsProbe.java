package dev.dmvpn.suites.report;

import dev.dmvpn.harness.scenario.ScenarioListener;
import dev.dmvpn.harness.scenario.rack.RackUnderTest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps, in this test JVM's memory only, the secrets of every rack the command line starts (a virtual rack's are
 * random per run), so {@link DemoReportTest} can look for them in the report. Joins the command's runs through
 * {@code META-INF/services} of the test class path.
 */
public final class RackSecretsProbe implements ScenarioListener {
  static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  @Override
  public void rackStarted(RackUnderTest rack) {
    SEEN.addAll(rack.secretValues());
  }
}
