package dev.dmvpn.ref.wire.ip;

/** What a {@link VirtualRouter} did with the packets it received. Read on the scheduler's thread. */
public final class RouterCounters {
  long forwarded;
  long local;
  long echoReplies;
  long ttlExceeded;
  long noRoute;
  long hostUnreachable;
  long notForwarded;
  long icmpErrorsSent;

  /** Packets sent on towards their destination. */
  public long forwarded() {
    return forwarded;
  }

  /** Packets addressed to the router itself. */
  public long local() {
    return local;
  }

  public long echoReplies() {
    return echoReplies;
  }

  /** Packets dropped because their TTL would reach 0. */
  public long ttlExceeded() {
    return ttlExceeded;
  }

  /** Packets dropped for want of a route. */
  public long noRoute() {
    return noRoute;
  }

  /** Packets dropped because ARP for their next hop failed. */
  public long hostUnreachable() {
    return hostUnreachable;
  }

  /** Broadcast or multicast packets, which a router keeps on their link. */
  public long notForwarded() {
    return notForwarded;
  }

  public long icmpErrorsSent() {
    return icmpErrorsSent;
  }

  @Override
  public String toString() {
    return "forwarded " + forwarded + ", local " + local + ", ttl exceeded " + ttlExceeded + ", no route "
        + noRoute + ", host unreachable " + hostUnreachable + ", not forwarded " + notForwarded
        + ", icmp errors " + icmpErrorsSent;
  }
}
