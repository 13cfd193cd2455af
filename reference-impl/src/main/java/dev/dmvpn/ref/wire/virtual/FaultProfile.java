package dev.dmvpn.ref.wire.virtual;

import java.time.Duration;

/**
 * Impairments a {@link VirtualSegment} applies to each transmission, like netem on the sender's egress: the
 * frame is lost, or appears on the wire after {@code delay} plus a uniform {@code [0, jitter]}, held back a
 * further {@code reorderHold} with probability {@code reorderProbability} (so later frames overtake it), and
 * appears a second time right after itself with probability {@code duplicateProbability}.
 *
 * @param lossProbability 0..1
 * @param delay fixed latency before the frame appears on the wire
 * @param jitter maximum extra random latency (uniform)
 * @param duplicateProbability 0..1
 * @param reorderProbability 0..1
 * @param reorderHold extra latency of a held-back frame
 */
public record FaultProfile(
    double lossProbability,
    Duration delay,
    Duration jitter,
    double duplicateProbability,
    double reorderProbability,
    Duration reorderHold) {

  /** A perfect wire: nothing lost, no latency. */
  public static final FaultProfile NONE =
      new FaultProfile(0, Duration.ZERO, Duration.ZERO, 0, 0, Duration.ZERO);

  public FaultProfile {
    checkProbability("loss", lossProbability);
    checkProbability("duplication", duplicateProbability);
    checkProbability("reordering", reorderProbability);
    if (delay.isNegative() || jitter.isNegative() || reorderHold.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
  }

  private static void checkProbability(String what, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " probability must be within 0..1, got " + p);
    }
  }

  public FaultProfile withLoss(double probability) {
    return new FaultProfile(probability, delay, jitter, duplicateProbability, reorderProbability, reorderHold);
  }

  public FaultProfile withDelay(Duration fixed, Duration maxJitter) {
    return new FaultProfile(lossProbability, fixed, maxJitter, duplicateProbability, reorderProbability,
        reorderHold);
  }

  public FaultProfile withDuplication(double probability) {
    return new FaultProfile(lossProbability, delay, jitter, probability, reorderProbability, reorderHold);
  }

  public FaultProfile withReordering(double probability, Duration hold) {
    return new FaultProfile(lossProbability, delay, jitter, duplicateProbability, probability, hold);
  }
}
