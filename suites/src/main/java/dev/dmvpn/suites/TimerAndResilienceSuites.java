package dev.dmvpn.suites;

import dev.dmvpn.suites.resilience.HubReloadSuite;
import dev.dmvpn.suites.resilience.PublicInterfaceFlapSuite;
import dev.dmvpn.suites.resilience.WanLossSuite;
import dev.dmvpn.suites.timers.IdleSpokeToSpokeTeardownSuite;
import dev.dmvpn.suites.timers.NhrpReRegistrationSuite;
import dev.dmvpn.suites.timers.SaLifetimeRekeySuite;
import java.util.List;

/** The timer and resilience suite classes, in the order {@code run --suite timers|resilience} runs them. */
final class TimerAndResilienceSuites {
  static final String TIMERS_DESCRIPTION = "timers: the 120 s SA lifetime rekeys spoke to spoke without losing a"
      + " ping, NHRP registers again every third of a short configured holdtime, an idle spoke-to-spoke entry"
      + " expires and its SAs are deleted";
  static final List<Class<?>> TIMERS = List.of(SaLifetimeRekeySuite.class,
      NhrpReRegistrationSuite.class, IdleSpokeToSpokeTeardownSuite.class);
  static final String RESILIENCE_DESCRIPTION = "resilience: the hub reloads, a spoke's public interface flaps, the"
      + " WAN loses frames: registrations, EIGRP and spoke to spoke come back";
  static final List<Class<?>> RESILIENCE = List.of(HubReloadSuite.class,
      PublicInterfaceFlapSuite.class, WanLossSuite.class);

  private TimerAndResilienceSuites() {}
}
