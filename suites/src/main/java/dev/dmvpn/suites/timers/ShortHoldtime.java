package dev.dmvpn.suites.timers;

import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.ScenarioSettings;
import dev.dmvpn.suites.common.MemberEdits;
import java.time.Duration;

/**
 * A short {@code ip nhrp holdtime} on every member's tunnel, added after its {@code ip nhrp network-id} line: how a
 * timer suite keeps NHRP's 7200 s default (the document sets none) out of a CI run, on a virtual or a real rack
 * alike (a configuration line, not a faster clock). The holdtime is what each router advertises in its
 * registrations and resolution replies, so the hub's entries and the spokes' shortcuts all live for it.
 */
public final class ShortHoldtime {
  /** 60 s: registrations every 20 s (a third), a shortcut gone within a minute of idleness. */
  public static final Duration HOLDTIME = Duration.ofSeconds(60);

  private ShortHoldtime() {}

  /** {@code s} with the edit for every DMVPN member of its testbed. */
  public static ScenarioSettings apply(ScenarioSettings s) throws ScenarioException {
    return MemberEdits.forEveryMember(s, device -> ConfigEdit.of(device, "^ ip nhrp network-id \\d+$",
        "$0\n ip nhrp holdtime " + HOLDTIME.toSeconds()));
  }
}
