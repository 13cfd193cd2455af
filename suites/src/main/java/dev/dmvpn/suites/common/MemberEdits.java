package dev.dmvpn.suites.common;

import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.TestbedLoader;
import java.util.List;
import java.util.function.Function;

/**
 * One configuration edit per DMVPN member of the settings' testbed: how a suite configures a short timer on every
 * router (a line a real rack takes as well). The testbed is read here because the edits must be in the settings
 * before the scenario starts.
 */
public final class MemberEdits {
  private MemberEdits() {}

  public static ScenarioSettings forEveryMember(ScenarioSettings s, Function<String, ConfigEdit> edit)
      throws ScenarioException {
    ScenarioSettings out = s;
    for (DmvpnMember m : members(s)) {
      out = out.withConfigEdit(edit.apply(m.device()));
    }
    return out;
  }

  private static List<DmvpnMember> members(ScenarioSettings s) throws ScenarioException {
    Testbed t;
    if (s.testbedFile().isEmpty()) {
      t = ShippedTestbeds.documentRack();
    } else {
      LoadResult r = TestbedLoader.loadAndValidate(s.testbedFile().get());
      if (!r.ok()) {
        throw new ScenarioException("testbed " + s.testbedFile().get() + " has problems:\n" + r.report());
      }
      t = r.testbed().orElseThrow();
    }
    return t.dmvpn().orElseThrow(() -> new ScenarioException("testbed " + t.name() + " has no dmvpn: section"))
        .members();
  }
}
