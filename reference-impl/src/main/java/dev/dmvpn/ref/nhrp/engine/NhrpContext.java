package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * What every engine component shares: configuration, time, the transport, routing, the cache, the event log,
 * counters, the request-ID counter and the prefixes this node owns. One per tunnel interface.
 */
final class NhrpContext {
  final NhrpConfig config;
  final Scheduler scheduler;
  final NhrpTransport transport;
  final NhrpRouting routing;
  final ConnectionGate gate;
  final NhrpEventLog log;
  final NhrpCounters counters = new NhrpCounters();
  final NhrpCache cache;
  final NhrpPacketFactory packets;
  private final List<NhrpPrefix> localPrefixes = new ArrayList<>();
  private long nextRequestId = 1;

  NhrpContext(
      NhrpConfig config, Scheduler scheduler, NhrpTransport transport, NhrpRouting routing,
      ConnectionGate gate) {
    this.config = config;
    this.scheduler = scheduler;
    this.transport = transport;
    this.routing = routing;
    this.gate = gate;
    this.log = new NhrpEventLog(scheduler.clock());
    this.cache = new NhrpCache(scheduler, gate, log);
    this.packets = new NhrpPacketFactory(config);
  }

  /** A fresh request ID (32-bit, wraps, skips 0). */
  long newRequestId() {
    long id = nextRequestId;
    nextRequestId = nextRequestId == 0xFFFF_FFFFL ? 1 : nextRequestId + 1;
    return id;
  }

  void send(Ipv4Address nbma, NhrpPacket p) {
    counters.countSent(p.type());
    transport.send(nbma, p);
  }

  Ipv4Address self() {
    return config.tunnelAddress();
  }

  /** The owned prefix containing {@code a} (own tunnel address as /32 first), or {@code null}. */
  NhrpPrefix ownPrefixFor(Ipv4Address a) {
    if (a.equals(config.tunnelAddress())) {
      return NhrpPrefix.host(a);
    }
    NhrpPrefix best = null;
    for (NhrpPrefix p : localPrefixes) {
      if (p.contains(a) && (best == null || p.length() > best.length())) {
        best = p;
      }
    }
    return best;
  }

  void addLocalPrefix(NhrpPrefix p) {
    if (!localPrefixes.contains(p)) {
      localPrefixes.add(p);
    }
  }

  boolean removeLocalPrefix(NhrpPrefix p) {
    return localPrefixes.remove(p);
  }

  List<NhrpPrefix> localPrefixes() {
    return List.copyOf(localPrefixes);
  }

  void drop(Ipv4Address nbma, NhrpPacket p, String why) {
    counters.countDropped();
    log.record(NhrpEventType.PACKET_DROPPED, nbma, null, requestIdOf(p), p.type() + ": " + why);
  }

  static long requestIdOf(NhrpPacket p) {
    return p.type().hasMandatoryPart() && p.body() instanceof dev.dmvpn.ref.nhrp.NhrpMandatoryPart m
        ? m.requestId()
        : -1;
  }
}
