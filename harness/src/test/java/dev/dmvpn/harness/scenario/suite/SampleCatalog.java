package dev.dmvpn.harness.scenario.suite;

import java.util.List;

/** The sample suites, registered for the harness's tests in {@code META-INF/services}. */
public class SampleCatalog implements SuiteCatalog {
  @Override
  public List<SuiteDefinition> suites() {
    return List.of(new SuiteDefinition("sample", "known verdicts", List.of(SampleSuite.class)),
        new SuiteDefinition("green", "one passing test", List.of(GreenSampleSuite.class)));
  }
}
