package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.nhrp.engine.NhrpEvent;
import dev.dmvpn.ref.nhrp.engine.NhrpEventType;
import dev.dmvpn.ref.nhrp.engine.NhrpNhs;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.ref.node.TunnelTrace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code debug nhrp} for one tunnel, printed from what the tunnel and its engine do (packets in and out with their
 * sizes, the engine's events), in the order and words of the document's debugs (seed, "NHRP Debugs"):
 * <ul>
 *   <li>a received resolution packet: {@code Receive ... packet size: N}, {@code netid_in = X, to_us = Y}, then
 *       the decision ({@code Delaying resolution request ...}, {@code No need to delay processing ...}), for a
 *       transit request the lookup lines ({@code nhrp_rtlookup yielded}, {@code netid_out}, {@code
 *       nhrp_cache_lookup_comp returned}, {@code calling nhrp_forward}), then what the engine sent meanwhile;</li>
 *   <li>a sent packet: {@code Encapsulation succeeded. Tunnel IP addr X}, {@code Send|Forwarding ... packet size:
 *       N}, {@code src: A, dst: B}, {@code N bytes out Tunnel0};</li>
 *   <li>data: {@code Sending packet to NHS X on Tunnel0} (via the hub while resolving), {@code Forwarding packet
 *       within same fabric Tunnel0 -> Tunnel0} (the hub between spokes).</li>
 * </ul>
 * Sends and events that happen while a received packet is processed are held until its decision lines are out,
 * because IOS prints the decision before the packet it leads to. Runs on the node's scheduler.
 */
final class NhrpDebug implements TunnelTrace, Consumer<NhrpEvent> {
  private final TunnelInterface tunnel;
  private final DebugSwitches switches;
  private final Consumer<String> out;
  /** Requester NBMA addresses whose resolution request waits for IPsec (between DELAYED and DELAY_OVER). */
  private final Set<Ipv4Address> delayedFor = new HashSet<>();
  private Handling handling;

  /** A received packet being processed: what happened meanwhile. */
  private static final class Handling {
    final List<Sent> sent = new ArrayList<>();
    final List<NhrpEvent> events = new ArrayList<>();
  }

  private record Sent(Ipv4Address nbma, NhrpPacket packet, int size) {}

  NhrpDebug(TunnelInterface tunnel, DebugSwitches switches, Consumer<String> out) {
    this.tunnel = tunnel;
    this.switches = switches;
    this.out = out;
  }

  private boolean on() {
    return switches.isOn(DebugFlag.NHRP) || switches.isOn(DebugFlag.NHRP_PACKET);
  }

  private NhrpConfig config() {
    return tunnel.nhrp().config();
  }

  // ------------------------------------------------------------------ engine events

  @Override
  public void accept(NhrpEvent e) {
    if (e.type() == NhrpEventType.RESOLUTION_DELAYED) {
      delayedFor.add(e.nbma());
    } else if (e.type() == NhrpEventType.RESOLUTION_DELAY_OVER) {
      delayedFor.remove(e.nbma());
    }
    if (handling != null) {
      handling.events.add(e);
    }
  }

  // ------------------------------------------------------------------ tunnel trace

  @Override
  public void nhrpReceived(TunnelInterface t, Ipv4Address nbma, NhrpPacket p, int size) {
    handling = new Handling();
    if (on()) {
      out.accept("NHRP: Receive " + typeName(p.type()) + " via " + t.name() + ", packet size: " + size);
    }
  }

  @Override
  public void nhrpHandled(TunnelInterface t, Ipv4Address nbma, NhrpPacket p) {
    Handling h = handling;
    handling = null;
    if (h == null || !on()) {
      return;
    }
    boolean request = p.type().equals(NhrpPacketType.RESOLUTION_REQUEST);
    boolean reply = p.type().equals(NhrpPacketType.RESOLUTION_REPLY);
    boolean forwarded = has(h, NhrpEventType.REQUEST_FORWARDED) || has(h, NhrpEventType.REPLY_FORWARDED);
    if (request || reply) {
      resolutionDecision(t, p, h, request);
    }
    if (request && transit(h)) {
      out.accept("NHRP: nhrp_rtlookup yielded " + t.name());
      out.accept("NHRP: netid_out " + config().networkId() + ", netid_in " + config().networkId());
      out.accept("NHRP: nhrp_cache_lookup_comp returned " + (forwarded ? "0x0" : cacheHandle(p)));
      if (forwarded) {
        out.accept("NHRP: calling nhrp_forward");
      }
    }
    for (Sent s : h.sent) {
      printSent(s, forwarded);
    }
  }

  private void resolutionDecision(TunnelInterface t, NhrpPacket p, Handling h, boolean request) {
    Ipv4Address self = config().tunnelAddress();
    Ipv4Address own = config().nbmaAddress();
    boolean toUs = request ? self.equals(p.mandatoryPart().dstProtoIpv4()) : self.equals(p.mandatoryPart()
        .srcProtoIpv4());
    out.accept("NHRP: netid_in = " + (toUs ? 0 : config().networkId()) + ", to_us = " + (toUs ? 1 : 0));
    NhrpEvent delayed = first(h, NhrpEventType.RESOLUTION_DELAYED);
    NhrpEvent over = first(h, NhrpEventType.RESOLUTION_DELAY_OVER);
    Ipv4Address peer = request ? p.mandatoryPart().srcNbmaIpv4() : responderNbma(p);
    if (delayed != null) {
      out.accept("NHRP: Delaying resolution request nbma src:" + own + " nbma dst:" + delayed.nbma()
          + " reason:IPSEC-IFC: need to wait for IPsec SAs.");
      return;
    }
    if (request && first(h, NhrpEventType.PACKET_DROPPED) != null && delayedFor.contains(peer)) {
      out.accept("NHRP: Resolution request is already being processed (delayed).");
      return;
    }
    if (!request && toUs && peer != null && delayedFor.contains(peer)) {
      // our own resolution towards a peer whose request to us waits for the same SAs (sv9-3 in the seed)
      out.accept("NHRP: Resolution request is already being processed (delayed).");
      out.accept("NHRP: Resolution Request not queued. Already being processed (delayed).");
      return;
    }
    if (over != null) {
      out.accept("NHRP: Process delayed resolution request src:" + p.mandatoryPart().srcProtoIpv4() + " dst:"
          + p.mandatoryPart().dstProtoIpv4());
    }
    out.accept("NHRP: No need to delay processing of resolution event nbma src:" + own + " nbma dst:" + peer);
  }

  /** A request neither for one of our addresses (no own answer): forwarded, or answered from the cache. */
  private boolean transit(Handling h) {
    if (has(h, NhrpEventType.REQUEST_FORWARDED)) {
      return true;
    }
    for (Sent s : h.sent) {
      if (s.packet().type().equals(NhrpPacketType.RESOLUTION_REPLY)) {
        NhrpCie c = s.packet().mandatoryPart().firstCie();
        return c != null && c.clientNbmaLength() == 4 && !c.clientNbmaIpv4().equals(config().nbmaAddress());
      }
    }
    return false;
  }

  /**
   * IOS prints the address of the cache entry it found (seed: {@code 0x63DE9498}); the emulation has no such
   * address, so it prints a stable stand-in of the same shape derived from the destination (never 0x0, which
   * means "not found").
   */
  private static String cacheHandle(NhrpPacket p) {
    int h = 0x60000000 | (p.mandatoryPart().dstProtoIpv4().hashCode() & 0x0FFFFFF8);
    return "0x" + String.format(Locale.ROOT, "%08X", h);
  }

  @Override
  public void nhrpSent(TunnelInterface t, Ipv4Address nbma, NhrpPacket p, int size) {
    Sent s = new Sent(nbma, p, size);
    if (handling != null) {
      handling.sent.add(s);
    } else if (on()) {
      printSent(s, false);
    }
  }

  private void printSent(Sent s, boolean forwarded) {
    NhrpPacket p = s.packet();
    out.accept("NHRP: Encapsulation succeeded. Tunnel IP addr " + s.nbma());
    out.accept("NHRP: " + (forwarded ? "Forwarding " : "Send ") + typeName(p.type()) + " via " + tunnel.name()
        + ", packet size: " + s.size());
    out.accept("src: " + config().tunnelAddress() + ", dst: " + destinationOf(s, forwarded));
    out.accept("NHRP: " + s.size() + " bytes out " + tunnel.name());
  }

  /**
   * The protocol address IOS names as the destination: the NHS for a request we originate (seed: sv9-4 "src:
   * 192.168.1.3, dst: 192.168.1.1"), the requested address for one we forward (hub "dst: 2.2.2.2"), the requester
   * for a reply (hub "dst: 192.168.1.2").
   */
  private Ipv4Address destinationOf(Sent s, boolean forwarded) {
    NhrpPacket p = s.packet();
    boolean isRequest = p.type().equals(NhrpPacketType.RESOLUTION_REQUEST)
        || p.type().equals(NhrpPacketType.REGISTRATION_REQUEST) || p.type().equals(NhrpPacketType.PURGE_REQUEST);
    if (!isRequest) {
      return p.mandatoryPart().srcProtoIpv4();
    }
    if (!forwarded) {
      for (NhrpNhs n : config().nhs()) {
        if (s.nbma().equals(config().nhsNbma(n))) {
          return n.protocol();
        }
      }
    }
    return p.mandatoryPart().dstProtoIpv4();
  }

  @Override
  public void dataViaNhs(TunnelInterface t, Ipv4Address nhs) {
    if (on()) {
      out.accept("NHRP: Sending packet to NHS " + nhs + " on " + t.name());
    }
  }

  @Override
  public void forwardedWithinTunnel(TunnelInterface t) {
    if (on()) {
      out.accept("NHRP: Forwarding packet within same fabric " + t.name() + " -> " + t.name());
    }
  }

  // ------------------------------------------------------------------ helpers

  private static Ipv4Address responderNbma(NhrpPacket p) {
    NhrpCie c = p.mandatoryPart().firstCie();
    return c != null && c.clientNbmaLength() == 4 ? c.clientNbmaIpv4() : null;
  }

  private static boolean has(Handling h, NhrpEventType type) {
    return first(h, type) != null;
  }

  private static NhrpEvent first(Handling h, NhrpEventType type) {
    for (NhrpEvent e : h.events) {
      if (e.type() == type) {
        return e;
      }
    }
    return null;
  }

  /** {@code Resolution Request}, {@code Registration Reply}, ... as IOS names the packet types. */
  static String typeName(NhrpPacketType t) {
    if (t.equals(NhrpPacketType.RESOLUTION_REQUEST)) {
      return "Resolution Request";
    } else if (t.equals(NhrpPacketType.RESOLUTION_REPLY)) {
      return "Resolution Reply";
    } else if (t.equals(NhrpPacketType.REGISTRATION_REQUEST)) {
      return "Registration Request";
    } else if (t.equals(NhrpPacketType.REGISTRATION_REPLY)) {
      return "Registration Reply";
    } else if (t.equals(NhrpPacketType.PURGE_REQUEST)) {
      return "Purge Request";
    } else if (t.equals(NhrpPacketType.PURGE_REPLY)) {
      return "Purge Reply";
    } else if (t.equals(NhrpPacketType.ERROR_INDICATION)) {
      return "Error Indication";
    }
    return "packet type " + t.value();
  }
}
