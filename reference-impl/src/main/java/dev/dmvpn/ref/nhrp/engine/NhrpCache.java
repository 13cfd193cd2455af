package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The NHRP cache of one tunnel interface: entries keyed by prefix, longest-prefix lookup, expiry from the
 * holdtime on the {@link Scheduler}, and bindings committed through the {@link ConnectionGate}. Every change is
 * logged (cache-added, -updated, -expired, -purged).
 */
public final class NhrpCache {
  private final Scheduler scheduler;
  private final ConnectionGate gate;
  private final NhrpEventLog log;
  private final Map<NhrpPrefix, NhrpCacheEntry> entries = new LinkedHashMap<>();
  /** How many entries exist per prefix length, so lookups only probe lengths in use. */
  private final int[] lengthsInUse = new int[33];
  private final List<Consumer<NhrpCacheEntry>> expiryListeners = new ArrayList<>();

  public NhrpCache(Scheduler scheduler, ConnectionGate gate, NhrpEventLog log) {
    this.scheduler = scheduler;
    this.gate = gate;
    this.log = log;
  }

  /**
   * Creates or refreshes the entry for {@code prefix}. An entry is never replaced by a less authoritative type
   * (static over dynamic/nhs over cached over incomplete/negative): the existing entry is returned unchanged. A binding equal to the current one just refreshes the expiry; a new
   * binding becomes pending and is committed once the gate reports its NBMA peer ready. {@code binding} null
   * (incomplete, negative) clears both bindings.
   *
   * @param holdtimeSeconds expiry from now; 0 = never
   */
  public NhrpCacheEntry put(
      NhrpPrefix prefix, NhrpCacheType type, NhrpBinding binding, int holdtimeSeconds, boolean unique) {
    NhrpCacheEntry e = entries.get(prefix);
    if (e != null && e.type().outranks(type)) {
      return e;
    }
    boolean created = e == null;
    if (created) {
      e = new NhrpCacheEntry(prefix, type, now());
      entries.put(prefix, e);
      lengthsInUse[prefix.length()]++;
    }
    long expiresAt = holdtimeSeconds == 0 ? Long.MAX_VALUE : now() + Duration.ofSeconds(holdtimeSeconds).toNanos();
    e.update(type, unique, holdtimeSeconds, expiresAt);
    scheduleExpiry(e, holdtimeSeconds);
    if (created) {
      log.record(NhrpEventType.CACHE_ADDED, binding == null ? null : binding.nbma(), prefix.address(), -1,
          prefix + " " + type + (binding == null || gate.isReady(binding.nbma()) ? "" : " pending"));
    }
    bind(e, binding, created);
    return e;
  }

  private void bind(NhrpCacheEntry e, NhrpBinding binding, boolean created) {
    if (binding == null) {
      e.clearBindings();
      return;
    }
    if (binding.equals(e.current())) {
      e.setPending(null);
      return;
    }
    e.setPending(binding);
    if (gate.isReady(binding.nbma())) {
      commit(e, binding, !created);
    } else {
      gate.whenReady(binding.nbma(), () -> commit(e, binding, true));
    }
  }

  private void commit(NhrpCacheEntry e, NhrpBinding binding, boolean announce) {
    if (entries.get(e.prefix()) != e || !binding.equals(e.pending())) {
      return; // purged, expired or superseded while the gate was busy
    }
    e.commit();
    if (announce) {
      log.record(NhrpEventType.CACHE_UPDATED, binding.nbma(), e.prefix().address(), -1,
          e.prefix() + " " + e.type() + " via " + binding.nextHop());
    }
  }

  private void scheduleExpiry(NhrpCacheEntry e, int holdtimeSeconds) {
    if (e.expiryTimer != null) {
      e.expiryTimer.cancel();
      e.expiryTimer = null;
    }
    if (holdtimeSeconds > 0) {
      e.expiryTimer = scheduler.schedule(Duration.ofSeconds(holdtimeSeconds), () -> expire(e, "holdtime"));
    }
  }

  /** Removes {@code e} as expired (holdtime ran out, or idle); no-op when it is no longer in the cache. */
  void expire(NhrpCacheEntry e, String reason) {
    if (remove(e)) {
      log.record(NhrpEventType.CACHE_EXPIRED, lastNbma(e), e.prefix().address(), -1, e.prefix() + " " + reason);
      for (Consumer<NhrpCacheEntry> l : expiryListeners) {
        l.accept(e);
      }
    }
  }

  /**
   * Calls {@code listener} with every entry that expires (holdtime or idle), after it left the cache and the
   * cache-expired event was logged: the node tears down an idle spoke-to-spoke tunnel from here.
   */
  public void onExpired(Consumer<NhrpCacheEntry> listener) {
    expiryListeners.add(listener);
  }

  /** Drops an entry without an event (an incomplete entry replaced by the answer). */
  void discard(NhrpPrefix prefix) {
    NhrpCacheEntry e = entries.get(prefix);
    if (e != null) {
      remove(e);
    }
  }

  /** Removes the entry for {@code prefix} (clear ip nhrp, purge request); returns whether there was one. */
  public boolean purge(NhrpPrefix prefix) {
    NhrpCacheEntry e = entries.get(prefix);
    if (e == null || !remove(e)) {
      return false;
    }
    log.record(NhrpEventType.CACHE_PURGED, lastNbma(e), prefix.address(), -1, prefix + " " + e.type());
    return true;
  }

  /** Purges every non-static entry (clear ip nhrp); returns how many. */
  public int purgeAllLearned() {
    int n = 0;
    for (NhrpCacheEntry e : entries()) {
      if (e.type() != NhrpCacheType.STATIC && purge(e.prefix())) {
        n++;
      }
    }
    return n;
  }

  private boolean remove(NhrpCacheEntry e) {
    if (entries.get(e.prefix()) != e) {
      return false;
    }
    entries.remove(e.prefix());
    lengthsInUse[e.prefix().length()]--;
    if (e.expiryTimer != null) {
      e.expiryTimer.cancel();
    }
    return true;
  }

  private static Ipv4Address lastNbma(NhrpCacheEntry e) {
    if (e.current() != null) {
      return e.current().nbma();
    }
    return e.pending() == null ? null : e.pending().nbma();
  }

  /** The entry with exactly this prefix, or {@code null}. */
  public NhrpCacheEntry get(NhrpPrefix prefix) {
    return entries.get(prefix);
  }

  /** The longest-prefix entry containing {@code address} (any type), or {@code null}. */
  public NhrpCacheEntry lookup(Ipv4Address address) {
    for (int len = 32; len >= 0; len--) {
      if (lengthsInUse[len] > 0) {
        NhrpCacheEntry e = entries.get(NhrpPrefix.of(address, len));
        if (e != null) {
          return e;
        }
      }
    }
    return null;
  }

  /** The current NBMA address for {@code address} (longest usable match), or {@code null}. */
  public Ipv4Address nbmaFor(Ipv4Address address) {
    NhrpCacheEntry e = lookup(address);
    return e != null && e.usable() ? e.nbma() : null;
  }

  /** Marks {@code e} as used by traffic now (idle teardown measures from here). */
  public void touch(NhrpCacheEntry e) {
    e.touch(now());
  }

  /** A snapshot of all entries, in insertion order. */
  public List<NhrpCacheEntry> entries() {
    return new ArrayList<>(entries.values());
  }

  /** A snapshot of the entries of one type. */
  public List<NhrpCacheEntry> entries(NhrpCacheType type) {
    List<NhrpCacheEntry> out = new ArrayList<>();
    for (NhrpCacheEntry e : entries.values()) {
      if (e.type() == type) {
        out.add(e);
      }
    }
    return out;
  }

  /** Entries whose current binding points at {@code nbma} (the node tears these down with the VC). */
  public List<NhrpCacheEntry> entriesVia(Ipv4Address nbma) {
    List<NhrpCacheEntry> out = new ArrayList<>();
    for (NhrpCacheEntry e : entries.values()) {
      if (nbma.equals(e.nbma())) {
        out.add(e);
      }
    }
    return out;
  }

  public int size() {
    return entries.size();
  }

  long now() {
    return scheduler.clock().nanoTime();
  }
}
