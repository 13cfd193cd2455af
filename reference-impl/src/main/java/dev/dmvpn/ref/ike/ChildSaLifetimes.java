package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Lifetimes of the SAs one {@link IkeManager} owns: ISAKMP SA expiry, IPsec SA soft lifetime (rekey) and hard
 * lifetime (expiry), and the local SPI space.
 *
 * <p>Rekey: the side that ran Quick Mode as initiator starts a new Quick Mode at
 * {@code max(L/2, min(0.9 L, L - 30 s))} (90 s for the document's 120 s). When the new pair is up the old one
 * becomes {@link ChildSa.State#REKEYED}: the data plane sends on the new outbound SA at once but keeps the old
 * inbound SA until its hard lifetime, so packets already in flight still open and no traffic is lost.
 *
 * <p>Volume: the data plane reports when an SA of a pair carried {@link ChildSa#softVolumeLimitBytes()} (90 % of
 * the kilobyte lifetime at the Quick Mode initiator, 95 % at the responder as a fallback); then a new Quick Mode
 * starts at once. No second rekey starts while a Quick Mode of the ISAKMP SA is running: the peer's rekey
 * replaces the pair as well.
 */
final class ChildSaLifetimes {
  private final IkeManager manager;
  private final Scheduler scheduler;
  private final RandomSource random;
  private final IkeListener listener;
  private final Set<Integer> localSpis = new HashSet<>();

  ChildSaLifetimes(IkeManager manager, Scheduler scheduler, RandomSource random, IkeListener listener) {
    this.manager = manager;
    this.scheduler = scheduler;
    this.random = random;
    this.listener = listener;
  }

  /** A fresh inbound SPI: random, above the reserved range 0..255 (RFC 4303 section 2.1), not in use here. */
  int allocateSpi() {
    int spi;
    do {
      spi = Phase2Proposals.spi(random.bytes(4));
    } while (Integer.compareUnsigned(spi, 256) < 0 || !localSpis.add(spi));
    return spi;
  }

  /** Seconds after installation at which an IPsec SA of lifetime {@code seconds} is rekeyed. */
  static long rekeyAfter(long seconds) {
    return Math.max(seconds / 2, Math.min(seconds * 9 / 10, seconds - 30));
  }

  void scheduleIkeSaExpiry(IkeSa sa) {
    sa.expiryTimer = scheduler.schedule(Duration.ofSeconds(sa.policy().lifetimeSeconds()),
        () -> manager.expireIkeSa(sa));
  }

  /** A new pair is up: older pairs of the SA stop sending, the new one gets its rekey and expiry timers. */
  void install(IkeSa sa, ChildSa child) {
    for (ChildSa old : sa.children) {
      if (old.state() == ChildSa.State.INSTALLED) {
        old.state(ChildSa.State.REKEYED);
        if (old.rekeyTimer != null) {
          old.rekeyTimer.cancel();
        }
      }
    }
    child.owner = sa;
    sa.children.add(child);
    long life = child.inbound().lifetimeSeconds();
    child.expiryTimer = scheduler.schedule(Duration.ofSeconds(life), () -> remove(sa, child, "lifetime expired"));
    if (child.isInitiator()) {
      child.rekeyTimer = scheduler.schedule(Duration.ofSeconds(rekeyAfter(life)), () -> rekey(sa, child));
    }
    listener.phase2Up(sa, child);
  }

  private void rekey(IkeSa sa, ChildSa child) {
    child.rekeyTimer = null;
    if (child.state() != ChildSa.State.INSTALLED) {
      return;
    }
    if (sa.state() == IkeSa.State.ESTABLISHED) {
      manager.startQuickMode(sa);
    } else {
      manager.connect(sa.peerAddress()); // the ISAKMP SA is gone: a new Main Mode first, as IOS does
    }
  }

  /** The data plane saw {@code child} carry its soft volume: rekey it now, once, unless a Quick Mode runs. */
  void volumeSoftLimitReached(ChildSa child) {
    IkeSa sa = child.owner;
    if (sa == null || child.state() != ChildSa.State.INSTALLED || child.volumeRekeyStarted) {
      return;
    }
    if (sa.state() == IkeSa.State.ESTABLISHED && quickModeRunning(sa)) {
      return; // asked again with the next packet if that Quick Mode fails
    }
    child.volumeRekeyStarted = true;
    if (child.rekeyTimer != null) {
      child.rekeyTimer.cancel();
    }
    rekey(sa, child);
  }

  private static boolean quickModeRunning(IkeSa sa) {
    for (Exchange ex : sa.exchanges.values()) {
      if (!ex.complete && ex.task instanceof QuickModeTask) {
        return true;
      }
    }
    return false;
  }

  void remove(IkeSa sa, ChildSa child, String reason) {
    if (child.state() == ChildSa.State.DELETED) {
      return;
    }
    child.state(ChildSa.State.DELETED);
    child.cancelTimers();
    sa.children.remove(child);
    localSpis.remove(child.inbound().spi());
    listener.childSaDeleted(sa, child, reason);
  }

  /** A pair whose inbound SA was handed out early never came up: it goes from the data plane, SPI freed. */
  void abandon(IkeSa sa, ChildSa child, String reason) {
    child.state(ChildSa.State.DELETED);
    localSpis.remove(child.inbound().spi());
    listener.childSaDeleted(sa, child, reason);
  }

  /** The peer deleted its inbound SA {@code spi}, which is our outbound one: the whole pair goes. */
  void removeByOutboundSpi(IkeSa sa, int spi, String reason) {
    for (ChildSa c : sa.childSasInternal()) {
      if (c.outbound().spi() == spi) {
        remove(sa, c, reason);
      }
    }
  }
}
