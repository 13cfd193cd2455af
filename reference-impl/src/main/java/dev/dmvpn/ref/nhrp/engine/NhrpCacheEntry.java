package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.time.Scheduler;

/**
 * One NHRP cache entry. Like FRR's {@code nhrp_cache} it holds a current binding (in use) and a pending one
 * (learned, waiting for the {@link ConnectionGate}); the pending binding replaces the current one only once the
 * NBMA peer is ready. Mutated only by {@link NhrpCache} on the scheduler thread.
 */
public final class NhrpCacheEntry {
  private final NhrpPrefix prefix;
  private NhrpCacheType type;
  private NhrpBinding current;
  private NhrpBinding pending;
  private boolean unique;
  private int holdtimeSeconds;
  private long expiresAtNanos = Long.MAX_VALUE;
  private long lastUsedNanos;
  Scheduler.Timer expiryTimer;

  NhrpCacheEntry(NhrpPrefix prefix, NhrpCacheType type, long nowNanos) {
    this.prefix = prefix;
    this.type = type;
    this.lastUsedNanos = nowNanos;
  }

  public NhrpPrefix prefix() {
    return prefix;
  }

  public NhrpCacheType type() {
    return type;
  }

  /** The binding in use, or {@code null} (incomplete, negative, or waiting for the gate). */
  public NhrpBinding current() {
    return current;
  }

  /** A learned binding waiting for the gate, or {@code null}. */
  public NhrpBinding pending() {
    return pending;
  }

  /** The current NBMA address, or {@code null}. */
  public Ipv4Address nbma() {
    return current == null ? null : current.nbma();
  }

  /** Registered with the unique flag: another NBMA address may not take it over (CIE code 14). */
  public boolean unique() {
    return unique;
  }

  /** The holdtime this entry was installed with; 0 = never expires. */
  public int holdtimeSeconds() {
    return holdtimeSeconds;
  }

  /** Monotonic expiry time, {@link Long#MAX_VALUE} when it never expires. */
  public long expiresAtNanos() {
    return expiresAtNanos;
  }

  /** Monotonic time traffic last used this entry (or it was installed). */
  public long lastUsedNanos() {
    return lastUsedNanos;
  }

  /** Has a current binding and is not incomplete/negative: traffic can use it. */
  public boolean usable() {
    return current != null && type != NhrpCacheType.INCOMPLETE && type != NhrpCacheType.NEGATIVE;
  }

  void update(NhrpCacheType newType, boolean newUnique, int holdtime, long expiresAt) {
    this.type = newType;
    this.unique = newUnique;
    this.holdtimeSeconds = holdtime;
    this.expiresAtNanos = expiresAt;
  }

  void setPending(NhrpBinding b) {
    this.pending = b;
  }

  void commit() {
    this.current = pending;
    this.pending = null;
  }

  void clearBindings() {
    this.current = null;
    this.pending = null;
  }

  void touch(long nowNanos) {
    this.lastUsedNanos = nowNanos;
  }

  @Override
  public String toString() {
    return prefix + " " + type + (current == null ? "" : " via " + current.nextHop() + " nbma " + current.nbma())
        + (pending == null ? "" : " pending nbma " + pending.nbma());
  }
}
