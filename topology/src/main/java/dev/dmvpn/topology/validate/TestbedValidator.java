package dev.dmvpn.topology.validate;

import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.load.Locations;
import dev.dmvpn.topology.load.TestbedProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a loaded testbed as a whole and returns every problem at once, each at the line of the field it concerns:
 * links and addressing ({@link AddressChecks}), references to devices and interfaces and credentials files
 * ({@link ReferenceChecks}), and the DMVPN roles ({@link DmvpnChecks}).
 */
public final class TestbedValidator {
  private TestbedValidator() {}

  public static List<TestbedProblem> validate(Testbed testbed, Locations where) {
    List<TestbedProblem> problems = new ArrayList<>();
    AddressChecks.check(testbed, where, problems);
    ReferenceChecks.check(testbed, where, problems);
    testbed.dmvpn().ifPresent(d -> DmvpnChecks.check(testbed, d, where, problems));
    return problems;
  }
}
