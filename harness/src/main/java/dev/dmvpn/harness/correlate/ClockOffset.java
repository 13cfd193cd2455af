package dev.dmvpn.harness.correlate;

/**
 * How far a router's debug clock is from the capture clock: capture time = router time + {@link #nanos}.
 *
 * @param method how it was found: {@code received anchors} / {@code anchors} (median of the unambiguous
 *     pairs, of the received ones when there are any), {@code vote} (the offset most
 *     candidate pairs agree on, when no pair was unambiguous) or {@code given}
 * @param support the pairs it rests on (anchors within the window of the median, or votes)
 * @param candidates the pairs considered (anchors, or every candidate pair for a vote)
 * @param spreadNanos largest minus smallest offset among the supporting pairs: the residual disagreement (a drift or
 *     a jitter larger than the stamps' resolution shows here)
 */
public record ClockOffset(long nanos, String method, int support, int candidates, long spreadNanos) {
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%+.3f s (%s: %d of %d pairs, spread %.3f ms)", nanos / 1e9, method,
        support, candidates, spreadNanos / 1e6);
  }
}
