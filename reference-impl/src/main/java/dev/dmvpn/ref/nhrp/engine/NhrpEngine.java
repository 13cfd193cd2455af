package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpErrorCode;
import dev.dmvpn.ref.nhrp.NhrpErrorIndication;
import dev.dmvpn.ref.nhrp.NhrpFixedHeader;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The NHRP protocol engine of one DMVPN tunnel interface, independent of IP forwarding and IPsec: the node feeds
 * it received packets ({@link #receive}), asks it to resolve destinations ({@link #resolve}), and implements
 * {@link NhrpTransport}, {@link NhrpRouting} and {@link ConnectionGate} for it. Everything runs on the
 * {@link Scheduler}'s thread; nothing here is thread-safe.
 */
public final class NhrpEngine {
  private final NhrpContext ctx;
  private final NhrpAuthenticator auth;
  private final NhrpRelay relay;
  private final NhrpServer server;
  private final ShortcutResolver resolver;
  private final NhrpMulticast multicast;
  private final List<NhsRegistrar> registrars = new ArrayList<>();

  public NhrpEngine(
      NhrpConfig config, Scheduler scheduler, NhrpTransport transport, NhrpRouting routing,
      ConnectionGate gate) {
    this.ctx = new NhrpContext(config, scheduler, transport, routing, gate);
    this.auth = new NhrpAuthenticator(config.authentication());
    this.relay = new NhrpRelay(ctx);
    this.server = new NhrpServer(ctx, relay);
    this.resolver = new ShortcutResolver(ctx);
    this.multicast = new NhrpMulticast(ctx);
    for (NhrpNhs n : config.nhs()) {
      registrars.add(new NhsRegistrar(ctx, n));
    }
  }

  /** Without IPsec: every NBMA peer is ready at once. */
  public NhrpEngine(NhrpConfig config, Scheduler scheduler, NhrpTransport transport, NhrpRouting routing) {
    this(config, scheduler, transport, routing, ConnectionGate.ALWAYS_READY);
  }

  /** Installs the static maps (and NHS NBMA bindings) and starts registering with every NHS. */
  public void start() {
    for (Map.Entry<Ipv4Address, Ipv4Address> m : ctx.config.staticMaps().entrySet()) {
      ctx.cache.put(NhrpPrefix.host(m.getKey()), NhrpCacheType.STATIC,
          new NhrpBinding(m.getValue(), m.getKey()), 0, false);
    }
    for (NhrpNhs n : ctx.config.nhs()) {
      if (n.nbma() != null) {
        ctx.cache.put(NhrpPrefix.host(n.protocol()), NhrpCacheType.NHS,
            new NhrpBinding(n.nbma(), n.protocol()), 0, false);
      }
    }
    for (NhsRegistrar r : registrars) {
      r.start();
    }
  }

  /** Stops registering (timers cancelled); the cache stays. */
  public void stop() {
    for (NhsRegistrar r : registrars) {
      r.stop();
    }
  }

  /** A packet received from the NBMA address {@code nbmaSource} (already decoded from GRE). */
  public void receive(Ipv4Address nbmaSource, NhrpPacket p) {
    ctx.counters.countReceived(p.type());
    try {
      if (acceptable(nbmaSource, p)) {
        dispatch(nbmaSource, p);
      }
    } catch (IllegalStateException e) {
      ctx.drop(nbmaSource, p, "malformed: " + e.getMessage()); // non-IPv4 address lengths, missing body
    }
  }

  private boolean acceptable(Ipv4Address nbmaSource, NhrpPacket p) {
    NhrpFixedHeader h = p.header();
    if (h.afn() != NhrpFixedHeader.AFN_IPV4 || h.protocolType() != NhrpFixedHeader.PROTOCOL_IPV4) {
      ctx.drop(nbmaSource, p, "not IPv4 over IPv4 (afn " + h.afn() + ", protocol " + h.protocolType() + ")");
      return false;
    }
    if (!p.checksumValid()) {
      ctx.drop(nbmaSource, p, "bad checksum");
      return false;
    }
    if (p.type().equals(NhrpPacketType.ERROR_INDICATION)) {
      return true; // no extensions, so no authentication (RFC 2332 5.2.7)
    }
    String why = auth.reject(p);
    if (why == null) {
      return true;
    }
    ctx.counters.countAuthFailure();
    ctx.log.record(NhrpEventType.AUTH_FAILURE, nbmaSource, null, NhrpContext.requestIdOf(p), why);
    ctx.drop(nbmaSource, p, why);
    if (ctx.config.options().errorIndicationOnAuthFailure()) {
      relay.sendError(nbmaSource, p, NhrpErrorCode.AUTHENTICATION_FAILURE, 0);
    }
    return false;
  }

  private void dispatch(Ipv4Address nbmaSource, NhrpPacket p) {
    switch (p.type().value()) {
      case 1 -> server.onResolutionRequest(nbmaSource, p);
      case 2 -> onResolutionReply(nbmaSource, p);
      case 3 -> server.onRegistrationRequest(nbmaSource, p);
      case 4 -> onRegistrationReply(nbmaSource, p);
      case 5 -> server.onPurgeRequest(nbmaSource, p);
      case 7 -> ctx.log.record(NhrpEventType.ERROR_INDICATION_RECEIVED, nbmaSource, null, -1,
          ((NhrpErrorIndication) p.body()).errorCode().toString());
      default -> ctx.drop(nbmaSource, p, "not handled by this engine");
    }
  }

  private void onResolutionReply(Ipv4Address nbmaSource, NhrpPacket p) {
    if (NhrpServer.isReplyToUs(ctx, p)) {
      resolver.onReply(nbmaSource, p);
    } else {
      server.onForeignResolutionReply(nbmaSource, p);
    }
  }

  private void onRegistrationReply(Ipv4Address nbmaSource, NhrpPacket p) {
    Ipv4Address nhs = p.mandatoryPart().dstProtoIpv4();
    NhsRegistrar r = registrar(nhs);
    if (r == null) {
      ctx.drop(nbmaSource, p, "registration reply from " + nhs + ", which is not an NHS of ours");
    } else {
      r.onReply(nbmaSource, p);
    }
  }

  /** Traffic for {@code destination}: the usable cache entry, or {@code null} while a resolution runs. */
  public NhrpCacheEntry resolve(Ipv4Address destination) {
    return resolver.resolve(destination);
  }

  /** This node owns {@code prefix} (a LAN): it answers resolution requests for it authoritatively. */
  public void addLocalPrefix(NhrpPrefix prefix) {
    ctx.addLocalPrefix(prefix);
  }

  public boolean removeLocalPrefix(NhrpPrefix prefix) {
    return ctx.removeLocalPrefix(prefix);
  }

  public List<NhrpPrefix> localPrefixes() {
    return ctx.localPrefixes();
  }

  /** The registrar for the NHS with tunnel address {@code nhs}, or {@code null}. */
  public NhsRegistrar registrar(Ipv4Address nhs) {
    for (NhsRegistrar r : registrars) {
      if (r.nhs().protocol().equals(nhs)) {
        return r;
      }
    }
    return null;
  }

  public List<NhsRegistrar> registrars() {
    return List.copyOf(registrars);
  }

  public NhrpConfig config() {
    return ctx.config;
  }

  public NhrpCache cache() {
    return ctx.cache;
  }

  public NhrpEventLog events() {
    return ctx.log;
  }

  public NhrpCounters counters() {
    return ctx.counters;
  }

  public NhrpMulticast multicast() {
    return multicast;
  }

  public ShortcutResolver resolver() {
    return resolver;
  }
}
