package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpErrorCode;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import java.util.List;

/**
 * Passing packets on as a transit NHS (IOS "Forwarding Resolution Request via Tunnel0"): next-hop lookup, hop
 * count and loop checks, and the Error Indications for what cannot be forwarded.
 */
final class NhrpRelay {
  private final NhrpContext ctx;

  NhrpRelay(NhrpContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The NBMA address traffic for {@code destination} goes to: the cache entry for it if usable, else the NBMA
   * address of its routed tunnel next hop; {@code null} when unknown.
   */
  Ipv4Address nextHopNbma(Ipv4Address destination) {
    Ipv4Address direct = ctx.cache.nbmaFor(destination);
    if (direct != null) {
      return direct;
    }
    Ipv4Address nextHop = ctx.routing.nextHop(destination);
    if (nextHop == null || nextHop.equals(ctx.self())) {
      return null;
    }
    return ctx.cache.nbmaFor(nextHop);
  }

  /** Whether this node's tunnel address is already in the transit record the packet would be appended to. */
  boolean loops(NhrpPacket p) {
    List<NhrpCie> transit = List.of();
    NhrpExtension.ForwardTransit f = p.extension(NhrpExtension.ForwardTransit.class);
    NhrpExtension.ReverseTransit r = p.extension(NhrpExtension.ReverseTransit.class);
    if (p.type().value() % 2 == 1 && f != null) {
      transit = f.cies();
    } else if (p.type().value() % 2 == 0 && r != null) {
      transit = r.cies();
    }
    byte[] self = ctx.self().toBytes();
    for (NhrpCie c : transit) {
      if (java.util.Arrays.equals(c.clientProto(), self)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Forwards {@code p} toward {@code target} (a protocol address); sends the matching Error Indication to
   * {@code nbmaSource} instead when it loops, has no hops left or has no next hop. Returns whether it was sent.
   */
  boolean forward(Ipv4Address nbmaSource, NhrpPacket p, Ipv4Address target, NhrpEventType event) {
    if (loops(p)) {
      return refuse(nbmaSource, p, NhrpErrorCode.LOOP_DETECTED, 0, "loop: own address in transit record");
    }
    if (p.header().hopCount() <= 1) {
      return refuse(nbmaSource, p, NhrpErrorCode.HOP_COUNT_EXCEEDED, NhrpPacketFactory.HOP_COUNT_OFFSET,
          "hop count " + p.header().hopCount() + " exhausted");
    }
    Ipv4Address nbma = nextHopNbma(target);
    if (nbma == null) {
      return refuse(nbmaSource, p, NhrpErrorCode.PROTOCOL_ADDRESS_UNREACHABLE, 0, "no next hop for " + target);
    }
    NhrpPacket out = ctx.packets.forwarded(p);
    ctx.send(nbma, out);
    ctx.log.record(event, nbma, target, NhrpContext.requestIdOf(p), "hop count " + out.header().hopCount());
    return true;
  }

  /** Drops {@code p} and tells {@code nbmaSource} why with an Error Indication. */
  boolean refuse(Ipv4Address nbmaSource, NhrpPacket p, NhrpErrorCode code, int offset, String why) {
    ctx.drop(nbmaSource, p, why);
    sendError(nbmaSource, p, code, offset);
    return false;
  }

  void sendError(Ipv4Address nbmaSource, NhrpPacket p, NhrpErrorCode code, int offset) {
    ctx.send(nbmaSource, ctx.packets.errorIndication(code, offset, p));
    ctx.log.record(NhrpEventType.ERROR_INDICATION_SENT, nbmaSource, null, NhrpContext.requestIdOf(p),
        "code " + code.value() + " " + code.name());
  }
}
