package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spoke-side resolution (RFC 2332 5.2.1/5.2.2, IOS phase 2): when traffic for a destination has no usable
 * cache entry, send one Resolution Request to the NHS (one outstanding per destination, retransmitted with the
 * same request ID after 1, 2, 4, ... s), and install the answer as a CACHED entry: the reply CIE's prefix
 * applied to the destination (2.2.2.2 + /24 = 2.2.2.0/24) at the CIE's NBMA address. Unused cached entries can
 * expire early ({@link NhrpOptions#shortcutIdleSeconds()}), which the node sees as a cache-expired event.
 */
public final class ShortcutResolver {
  private final NhrpContext ctx;
  private final Map<Ipv4Address, Pending> byDestination = new HashMap<>();
  private final Map<Long, Pending> byRequestId = new HashMap<>();

  /** One outstanding resolution. */
  private static final class Pending {
    final Ipv4Address destination;
    final long requestId;
    final Backoff backoff;
    int attempts;
    Scheduler.Timer timer;

    Pending(Ipv4Address destination, long requestId, int firstRetrySeconds) {
      this.destination = destination;
      this.requestId = requestId;
      this.backoff = new Backoff(firstRetrySeconds);
    }
  }

  ShortcutResolver(NhrpContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Traffic wants {@code destination}: returns the usable entry (marking it used), or {@code null} after making
   * sure a resolution is under way (none is started while a negative entry covers the destination).
   */
  public NhrpCacheEntry resolve(Ipv4Address destination) {
    NhrpCacheEntry e = ctx.cache.lookup(destination);
    if (e != null && e.usable()) {
      ctx.cache.touch(e);
      NhrpCacheEntry via = ctx.cache.get(NhrpPrefix.host(e.current().nextHop()));
      if (via != null && via != e) {
        ctx.cache.touch(via); // the tunnel next hop carries this traffic too
      }
      return e;
    }
    if ((e != null && e.type() == NhrpCacheType.NEGATIVE) || byDestination.containsKey(destination)) {
      return null;
    }
    if (e != null && e.pending() != null) {
      return null; // answered already, waiting for IPsec to its NBMA address: asking again would not help
    }
    if (ctx.config.nhs().isEmpty()) {
      ctx.log.record(NhrpEventType.RESOLUTION_FAILED, null, destination, -1, "no NHS configured");
      return null;
    }
    start(destination);
    return null;
  }

  /** Whether a resolution for {@code destination} is outstanding. */
  public boolean outstanding(Ipv4Address destination) {
    return byDestination.containsKey(destination);
  }

  /**
   * Starts a resolution. The request itself leaves on the next scheduler turn: IOS's NHRP process sends it, so
   * the packet that asked for it is switched (via the NHS) first (the seed: sv9-4 prints "Sending packet to NHS"
   * before "Send Resolution Request", and sv9-3 sends its own request before the forwarded one reaches it).
   */
  private void start(Ipv4Address destination) {
    Pending p = new Pending(destination, ctx.newRequestId(), ctx.config.options().resolutionRetrySeconds());
    byDestination.put(destination, p);
    byRequestId.put(p.requestId, p);
    ctx.cache.put(NhrpPrefix.host(destination), NhrpCacheType.INCOMPLETE, null, 0, false);
    p.timer = ctx.scheduler.schedule(Duration.ZERO, () -> send(p));
  }

  private void send(Pending p) {
    p.timer = null;
    p.attempts++;
    NhrpNhs nhs = ctx.config.nhs().get(0);
    Ipv4Address nbma = ctx.config.nhsNbma(nhs);
    ctx.send(nbma, ctx.packets.resolutionRequest(p.destination, p.requestId));
    ctx.log.record(NhrpEventType.RESOLUTION_SENT, nbma, p.destination, p.requestId, "attempt " + p.attempts);
    p.timer = ctx.scheduler.schedule(p.backoff.next(), () -> onNoReply(p));
  }

  private void onNoReply(Pending p) {
    p.timer = null;
    if (p.attempts >= ctx.config.options().maxResolutionAttempts()) {
      fail(p, "no reply after " + p.attempts + " attempts");
    } else {
      send(p);
    }
  }

  /** A Resolution Reply whose requester is this node. */
  void onReply(Ipv4Address nbmaSource, NhrpPacket reply) {
    long id = reply.mandatoryPart().requestId();
    Pending p = byRequestId.get(id);
    NhrpCie cie = reply.mandatoryPart().firstCie();
    if (p == null || cie == null) {
      ctx.drop(nbmaSource, reply, p == null ? "no resolution outstanding with id " + id : "reply without CIE");
      return;
    }
    if (cie.code().value() != 0) {
      fail(p, "code " + cie.code().value() + " " + cie.code().name());
      return;
    }
    finish(p);
    install(p, cie);
  }

  private void install(Pending p, NhrpCie cie) {
    NhrpPrefix prefix = NhrpPrefix.of(p.destination, NhrpServer.hostLength(cie.prefixLength()));
    Ipv4Address nbma = cie.clientNbmaIpv4();
    Ipv4Address nextHop = cie.clientProtoIpv4();
    int holdtime = cie.holdTime() == 0 ? ctx.config.holdtimeSeconds() : cie.holdTime();
    NhrpBinding binding = new NhrpBinding(nbma, nextHop);
    ctx.log.record(NhrpEventType.RESOLUTION_ANSWERED, nbma, p.destination, p.requestId,
        prefix + " via " + nextHop);
    watchIdle(ctx.cache.put(prefix, NhrpCacheType.CACHED, binding, holdtime, false));
    if (!prefix.equals(NhrpPrefix.host(nextHop))) {
      // IOS also learns the tunnel next hop itself (192.168.1.2 at 209.168.202.131).
      watchIdle(ctx.cache.put(NhrpPrefix.host(nextHop), NhrpCacheType.CACHED, binding, holdtime, false));
    }
  }

  private void fail(Pending p, String why) {
    finish(p);
    ctx.cache.put(NhrpPrefix.host(p.destination), NhrpCacheType.NEGATIVE, null,
        ctx.config.options().negativeHoldSeconds(), false);
    ctx.log.record(NhrpEventType.RESOLUTION_FAILED, null, p.destination, p.requestId, why);
  }

  private void finish(Pending p) {
    if (p.timer != null) {
      p.timer.cancel();
    }
    byDestination.remove(p.destination);
    byRequestId.remove(p.requestId);
    ctx.cache.discard(NhrpPrefix.host(p.destination));
  }

  /** Expires {@code e} once traffic has not used it for the idle time (re-armed while it is being used). */
  private void watchIdle(NhrpCacheEntry e) {
    int idle = ctx.config.options().shortcutIdleSeconds();
    if (idle > 0 && e.type() == NhrpCacheType.CACHED) {
      scheduleIdleCheck(e, Duration.ofSeconds(idle));
    }
  }

  private void scheduleIdleCheck(NhrpCacheEntry e, Duration after) {
    ctx.scheduler.schedule(after, () -> {
      if (ctx.cache.get(e.prefix()) != e) {
        return;
      }
      long idleNanos = Duration.ofSeconds(ctx.config.options().shortcutIdleSeconds()).toNanos();
      long unused = ctx.cache.now() - e.lastUsedNanos();
      if (unused >= idleNanos) {
        ctx.cache.expire(e, "idle");
      } else {
        scheduleIdleCheck(e, Duration.ofNanos(idleNanos - unused));
      }
    });
  }
}
