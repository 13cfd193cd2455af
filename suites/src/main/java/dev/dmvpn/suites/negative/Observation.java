package dev.dmvpn.suites.negative;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How a negative suite establishes that something never happens without sleeping: it polls the devices' parsed
 * state until an observable end point is reached (the changed spoke retried its registration N times, the
 * router's clock advanced past the retransmission schedule) and fails at the first poll that sees the forbidden
 * state. The absence is thus bounded by what was observed, and the report says what that was.
 */
final class Observation {
  /** A forbidden state: a description of what was seen when it holds, empty otherwise. */
  @FunctionalInterface
  interface Probe {
    Optional<String> violation() throws Exception;
  }

  /** The observable end of the observation. */
  @FunctionalInterface
  interface EndPoint {
    boolean reached() throws Exception;
  }

  private static final Duration POLL = Duration.ofMillis(250);

  private Observation() {}

  /**
   * Polls {@code never} and then {@code end} until {@code end} is reached (returns the number of polls) or
   * {@code atMost} passes (the end point was not reached: {@link AssertionError} naming it).
   *
   * @throws AssertionError at the first poll where a probe of {@code never} sees its forbidden state
   */
  static int watch(String endPoint, Duration atMost, EndPoint end, List<Probe> never) {
    AtomicInteger polls = new AtomicInteger();
    try {
      Awaitility.await(endPoint).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL).atMost(atMost)
          .until(() -> {
            polls.incrementAndGet();
            for (Probe p : never) {
              Optional<String> seen = p.violation();
              if (seen.isPresent()) {
                throw new AssertionError(seen.get() + " (poll " + polls.get() + " of the observation until "
                    + endPoint + ")");
              }
            }
            return end.reached();
          });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("the observation's end point was not reached within " + atMost.toSeconds()
          + " s: " + endPoint + " (" + polls.get() + " polls)", e);
    }
    return polls.get();
  }
}
