package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Periodic dead peer detection (RFC 3706 "worry metric", IOS {@code crypto isakmp keepalive N R}) for the ISAKMP
 * SAs of one {@link IkeManager}. Runs only when configured and when the peer advertised the DPD vendor ID.
 *
 * <pre>
 *   idle N s (no authenticated IKE, no reported traffic)  INFO* HASH, N(R-U-THERE, seq)     -->
 *     answered                                             <--  INFO* HASH, N(R-U-THERE-ACK, seq)   idle again
 *     unanswered: every R s a new R-U-THERE (seq + 1); R s after the 5th retry the peer is dead
 * </pre>
 *
 * The first sequence number is random (RFC 3706 section 7), later ones count up. Any authenticated message from the
 * peer counts as an answer, as do packets the data plane reports with {@link #trafficReceived}.
 */
final class DeadPeerDetection {
  private final IkeManager manager;
  private final Scheduler scheduler;
  private final RandomSource random;
  private final DpdSettings settings;
  /** Last time the data plane reported traffic from each peer (cheap per packet: one map write). */
  private final Map<Ipv4Address, Long> traffic = new HashMap<>();

  DeadPeerDetection(IkeManager manager, Scheduler scheduler, RandomSource random, DpdSettings settings) {
    this.manager = manager;
    this.scheduler = scheduler;
    this.random = random;
    this.settings = settings;
  }

  /** Phase 1 is up: start watching the peer. */
  void start(IkeSa sa) {
    sa.lastHeardNanos = now();
    if (settings.enabled() && sa.peerSupportsDpd) {
      schedule(sa, settings.interval());
    }
  }

  void stop(IkeSa sa) {
    if (sa.dpdTimer != null) {
      sa.dpdTimer.cancel();
      sa.dpdTimer = null;
    }
  }

  /** An authenticated IKE message from the peer of {@code sa} arrived. */
  void heard(IkeSa sa) {
    sa.lastHeardNanos = now();
  }

  void trafficReceived(Ipv4Address peer) {
    traffic.put(peer, now());
  }

  private void check(IkeSa sa) {
    sa.dpdTimer = null;
    if (sa.state() != IkeSa.State.ESTABLISHED) {
      return;
    }
    long heard = Math.max(sa.lastHeardNanos, traffic.getOrDefault(sa.peerAddress(), Long.MIN_VALUE));
    if (sa.dpdUnanswered > 0 && heard > sa.dpdSentNanos) {
      sa.dpdUnanswered = 0; // answered (ACK or anything else authenticated): back to watching
    }
    if (sa.dpdUnanswered == 0) {
      long idle = now() - heard;
      long interval = settings.interval().toNanos();
      if (idle < interval) {
        schedule(sa, Duration.ofNanos(interval - idle));
        return;
      }
    } else if (sa.dpdUnanswered > DpdSettings.MAX_RETRIES) {
      manager.peerDead(sa);
      return;
    }
    sendRuThere(sa);
    schedule(sa, settings.retry());
  }

  private void sendRuThere(IkeSa sa) {
    sa.dpdSequence = sa.dpdSequence == 0 ? firstSequence() : sa.dpdSequence + 1;
    sa.dpdUnanswered++;
    sa.dpdRequestsSent++;
    sa.dpdSentNanos = now();
    manager.sendDpd(sa, sa.dpdSequence);
  }

  private int firstSequence() {
    int s = Phase2Proposals.spi(random.bytes(4)) & 0x7FFF_FFFF; // room to count up without wrapping
    return s == 0 ? 1 : s;
  }

  private void schedule(IkeSa sa, Duration delay) {
    sa.dpdTimer = scheduler.schedule(delay, () -> check(sa));
  }

  private long now() {
    return scheduler.clock().nanoTime();
  }
}
