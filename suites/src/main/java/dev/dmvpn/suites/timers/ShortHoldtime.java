package dev.dmvpn.suites.timers;

import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.TestbedLoader;
import dev.dmvpn.topology.DmvpnMember;
import java.time.Duration;
import java.util.List;

/**
 * A short {@code ip nhrp holdtime} on every member's tunnel, added after its {@code ip nhrp network-id} line: how a
 * timer suite keeps NHRP's 7200 s default (the document sets none) out of a CI run, on a virtual or a real rack
 * alike (a configuration line, not a faster clock). The holdtime is what each router advertises in its
 * registrations and resolution replies, so the hub's entries and the spokes' shortcuts all live for it.
 */
final class ShortHoldtime {
  /** 60 s: registrations every 20 s (a third), a shortcut gone within a minute of idleness. */
  static final Duration HOLDTIME = Duration.ofSeconds(60);

  private ShortHoldtime() {}

  /** {@code s} with the edit for every DMVPN member of its testbed (read here: the edits precede the start). */
  static ScenarioSettings apply(ScenarioSettings s) throws ScenarioException {
    ScenarioSettings out = s;
    for (DmvpnMember m : members(s)) {
      out = out.withConfigEdit(ConfigEdit.of(m.device(), "^ ip nhrp network-id \\d+$",
          "$0\n ip nhrp holdtime " + HOLDTIME.toSeconds()));
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
