package dev.dmvpn.harness.scenario.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The suites a module offers, found through {@link ServiceLoader} ({@code META-INF/services}): the {@code suites}
 * module depends on the harness, so the harness's command line finds the suites at run time, on its classpath,
 * without a compile-time dependency the other way.
 */
public interface SuiteCatalog {
  List<SuiteDefinition> suites();

  /** Every suite of every catalog on the classpath, in catalog order. */
  static List<SuiteDefinition> all() {
    List<SuiteDefinition> out = new ArrayList<>();
    for (SuiteCatalog c : ServiceLoader.load(SuiteCatalog.class)) {
      out.addAll(c.suites());
    }
    return out;
  }
}
