package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpCieCode;
import dev.dmvpn.ref.nhrp.NhrpErrorCode;
import dev.dmvpn.ref.nhrp.NhrpFlags;
import dev.dmvpn.ref.nhrp.NhrpMandatoryPart;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import java.util.HashSet;
import java.util.Set;

/**
 * Serving requests: Registration Requests (NHS side, RFC 2332 5.2.3), Resolution Requests (answered when this
 * node is authoritative, forwarded toward the destination otherwise, 5.2.1), Resolution Replies for other
 * nodes (forwarded back toward the requester), and Purge Requests (5.2.5).
 */
public final class NhrpServer {
  private final NhrpContext ctx;
  private final NhrpRelay relay;
  /** Requests whose reply waits for the gate, by requester and request ID (IOS queues each only once). */
  private final Set<String> delayed = new HashSet<>();

  NhrpServer(NhrpContext ctx, NhrpRelay relay) {
    this.ctx = ctx;
    this.relay = relay;
  }

  /**
   * Caches the registering client as DYNAMIC (binding = the NBMA address the request came from) unless another
   * NBMA address holds the address with the unique flag, which is answered with CIE code 14 and left in place.
   */
  void onRegistrationRequest(Ipv4Address nbmaSource, NhrpPacket p) {
    NhrpMandatoryPart m = p.mandatoryPart();
    NhrpCie cie = m.firstCie();
    if (cie == null) {
      ctx.drop(nbmaSource, p, "registration request without CIE");
      return;
    }
    Ipv4Address client = cie.clientProtoLength() == 4 ? cie.clientProtoIpv4() : m.srcProtoIpv4();
    NhrpPrefix prefix = NhrpPrefix.of(client, hostLength(cie.prefixLength()));
    NhrpCieCode code = conflicts(prefix, nbmaSource) ? NhrpCieCode.UNIQUE_ADDRESS_REGISTERED : NhrpCieCode.SUCCESS;
    if (code.value() == 0) {
      int holdtime = cie.holdTime() == 0 ? ctx.config.holdtimeSeconds() : cie.holdTime();
      boolean unique = NhrpFlags.isUnique(p.type(), m.flags());
      ctx.cache.put(prefix, NhrpCacheType.DYNAMIC, new NhrpBinding(nbmaSource, client), holdtime, unique);
    }
    ctx.send(nbmaSource, ctx.packets.registrationReply(p, code));
    ctx.log.record(NhrpEventType.REGISTRATION_RECEIVED, nbmaSource, client, m.requestId(),
        "code " + code.value() + (code.value() == 0 ? "" : " " + code.name()));
  }

  private boolean conflicts(NhrpPrefix prefix, Ipv4Address nbma) {
    NhrpCacheEntry e = ctx.cache.get(prefix);
    if (e == null || e.type() != NhrpCacheType.DYNAMIC || !e.unique()) {
      return false;
    }
    NhrpBinding held = e.current() != null ? e.current() : e.pending();
    return held != null && !held.nbma().equals(nbma);
  }

  /**
   * Answers for own addresses and prefixes, and (NHS) for authoritative cache entries; forwards everything else
   * toward the destination's next hop.
   */
  void onResolutionRequest(Ipv4Address nbmaSource, NhrpPacket p) {
    NhrpMandatoryPart m = p.mandatoryPart();
    Ipv4Address dst = m.dstProtoIpv4();
    if (relay.loops(p)) {
      relay.refuse(nbmaSource, p, NhrpErrorCode.LOOP_DETECTED, 0,
          "loop: own address in forward transit record");
      return;
    }
    NhrpPrefix own = ctx.ownPrefixFor(dst);
    if (own != null) {
      answer(nbmaSource, p, ownAnswer(own), true);
      return;
    }
    NhrpCacheEntry e = ctx.cache.lookup(dst);
    if (e != null && e.usable() && mayAnswerFrom(e, m.flags())
        && ctx.config.options().answerFromRegistrations()) {
      answer(nbmaSource, p, cacheAnswer(e), false);
      return;
    }
    relay.forward(nbmaSource, p, dst, NhrpEventType.REQUEST_FORWARDED);
  }

  /** A Resolution Reply whose requester is another node: pass it back with the reverse transit record. */
  void onForeignResolutionReply(Ipv4Address nbmaSource, NhrpPacket p) {
    relay.forward(nbmaSource, p, p.mandatoryPart().srcProtoIpv4(), NhrpEventType.REPLY_FORWARDED);
  }

  /** Removes the learned entries a Purge Request names and replies unless its N flag is set. */
  void onPurgeRequest(Ipv4Address nbmaSource, NhrpPacket p) {
    NhrpMandatoryPart m = p.mandatoryPart();
    int purged = 0;
    for (NhrpCie c : m.cies()) {
      Ipv4Address a = c.clientProtoLength() == 4 ? c.clientProtoIpv4() : m.srcProtoIpv4();
      NhrpPrefix prefix = NhrpPrefix.of(a, hostLength(c.prefixLength()));
      NhrpCacheEntry e = ctx.cache.get(prefix);
      if (e != null && e.type() != NhrpCacheType.STATIC && ctx.cache.purge(prefix)) {
        purged++;
      }
    }
    ctx.log.record(NhrpEventType.PURGE_RECEIVED, nbmaSource, m.srcProtoIpv4(), m.requestId(),
        purged + " entries purged");
    if ((m.flags() & NhrpFlags.PURGE_N) == 0) {
      ctx.send(nbmaSource, ctx.packets.purgeReply(p));
    }
  }

  /** With the A flag only authoritative entries (registered, static) may answer; without it cached ones too. */
  private static boolean mayAnswerFrom(NhrpCacheEntry e, int flags) {
    NhrpCacheType t = e.type();
    if (t == NhrpCacheType.DYNAMIC || t == NhrpCacheType.STATIC) {
      return true;
    }
    return t == NhrpCacheType.CACHED && (flags & NhrpFlags.RESOLUTION_A) == 0;
  }

  private NhrpCie ownAnswer(NhrpPrefix own) {
    return ctx.packets.selfCie(own.length());
  }

  private NhrpCie cacheAnswer(NhrpCacheEntry e) {
    long left = (e.expiresAtNanos() - ctx.cache.now()) / 1_000_000_000L;
    int holdtime = e.holdtimeSeconds() == 0 ? ctx.config.holdtimeSeconds() : (int) Math.max(0, left);
    return NhrpCie.ipv4(NhrpCieCode.SUCCESS, e.prefix().length(), ctx.config.mtu(), holdtime,
        e.current().nbma(), e.current().nextHop());
  }

  /**
   * Sends the Resolution Reply. An authoritative answer for ourselves also caches the requester, and goes
   * directly to the requester's NBMA address once the gate allows it ("Delaying resolution request ... need to
   * wait for IPsec SAs"), or back to the forwarding NHS when {@link NhrpOptions#repliesViaNhs()}.
   */
  private void answer(Ipv4Address nbmaSource, NhrpPacket p, NhrpCie answer, boolean ownAddress) {
    NhrpMandatoryPart m = p.mandatoryPart();
    Ipv4Address requester = m.srcProtoIpv4();
    Ipv4Address requesterNbma = m.srcNbmaIpv4();
    NhrpPacket reply = ctx.packets.resolutionReply(p, answer);
    if (ownAddress && !requester.equals(ctx.self())) {
      NhrpCie rc = m.firstCie();
      int holdtime = rc == null || rc.holdTime() == 0 ? ctx.config.holdtimeSeconds() : rc.holdTime();
      ctx.cache.put(NhrpPrefix.host(requester), NhrpCacheType.CACHED,
          new NhrpBinding(requesterNbma, requester), holdtime, false);
    }
    Ipv4Address to = ctx.config.options().repliesViaNhs() || !ownAddress ? nbmaSource : requesterNbma;
    String key = requester + "#" + m.requestId();
    boolean waiting = delayed.contains(key);
    if (ctx.gate.isReady(to) && !(waiting && !ctx.config.options().delayedReplyOnRetransmission())) {
      if (waiting) {
        delayed.remove(key);
        ctx.log.record(NhrpEventType.RESOLUTION_DELAY_OVER, to, requester, m.requestId(), "retransmission");
      }
      sendReply(to, reply, requester);
      return;
    }
    if (waiting) {
      ctx.drop(nbmaSource, p, "already being processed (delayed)");
      return;
    }
    delayed.add(key);
    ctx.log.record(NhrpEventType.RESOLUTION_DELAYED, to, requester, m.requestId(),
        "need to wait for the connection to " + to);
    ctx.gate.whenReady(to, () -> {
      if (!ctx.config.options().delayedReplyOnRetransmission() && delayed.remove(key)) {
        sendReply(to, reply, requester);
      }
    });
  }

  private void sendReply(Ipv4Address to, NhrpPacket reply, Ipv4Address requester) {
    ctx.send(to, reply);
    NhrpCie a = reply.mandatoryPart().firstCie();
    ctx.log.record(NhrpEventType.RESOLUTION_REPLIED, to, requester, reply.mandatoryPart().requestId(),
        a.clientProtoIpv4() + "/" + a.prefixLength() + " nbma " + a.clientNbmaIpv4());
  }

  /** CIE prefix length 0 and 255 both mean a host (protocol-notes 2.3). */
  static int hostLength(int cieLength) {
    return cieLength == 0 || cieLength > 32 ? 32 : cieLength;
  }

  static boolean isReplyToUs(NhrpContext ctx, NhrpPacket p) {
    return p.type().equals(NhrpPacketType.RESOLUTION_REPLY)
        && p.mandatoryPart().srcProtoIpv4().equals(ctx.self());
  }
}
