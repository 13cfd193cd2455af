package dev.dmvpn.ref.ike;

import java.time.Duration;
import java.util.Objects;

/**
 * Periodic dead peer detection (RFC 3706), IOS {@code crypto isakmp keepalive N [R]}: when nothing was heard from
 * the peer (IKE or, as the data plane reports it, ESP) for {@code interval}, send R-U-THERE; while unanswered, send
 * another (new sequence number) every {@code retry}; after {@link #MAX_RETRIES} unanswered retries the peer is
 * declared dead.
 *
 * @param interval N; zero disables periodic DPD (on-demand {@link IkeManager#sendDpd} still works)
 * @param retry R (IOS default 2 s)
 */
public record DpdSettings(Duration interval, Duration retry) {
  /** Retries after the first R-U-THERE before the peer is declared dead (IOS: 5). */
  public static final int MAX_RETRIES = 5;
  /** IOS's default retry interval. */
  public static final Duration DEFAULT_RETRY = Duration.ofSeconds(2);

  public DpdSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(retry, "retry");
    if (interval.isNegative() || retry.isNegative() || (!interval.isZero() && retry.isZero())) {
      throw new IllegalArgumentException("DPD needs interval >= 0 and retry > 0");
    }
  }

  /** No periodic DPD (the document's configuration has no {@code crypto isakmp keepalive}). */
  public static DpdSettings disabled() {
    return new DpdSettings(Duration.ZERO, DEFAULT_RETRY);
  }

  public boolean enabled() {
    return !interval.isZero();
  }
}
