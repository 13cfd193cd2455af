package dev.dmvpn.ref.nhrp.engine;

/** Where a cache entry came from; {@link #display()} is the name {@code show ip nhrp} / FRR print. */
public enum NhrpCacheType {
  /** {@code ip nhrp map}: configured, never expires, never overwritten by learned entries. */
  STATIC("static", 0),
  /** Learned from a Registration Request (NHS side); this node is authoritative for it. */
  DYNAMIC("dynamic", 1),
  /** The NBMA binding of a next-hop server from {@code ip nhrp nhs ... nbma ...}. */
  NHS("nhs", 1),
  /** Learned from a Resolution Reply or from a request's source (not authoritative). */
  CACHED("cached", 2),
  /** A resolution is in progress, no binding yet. */
  INCOMPLETE("incomplete", 3),
  /** A resolution failed; traffic is not retried until the entry expires. */
  NEGATIVE("negative", 3);

  private final String display;
  /** Lower is more authoritative. */
  private final int rank;

  NhrpCacheType(String display, int rank) {
    this.display = display;
    this.rank = rank;
  }

  /** Whether an entry of this type must not be replaced by one of type {@code other}. */
  public boolean outranks(NhrpCacheType other) {
    return rank < other.rank;
  }

  public String display() {
    return display;
  }

  @Override
  public String toString() {
    return display;
  }
}
