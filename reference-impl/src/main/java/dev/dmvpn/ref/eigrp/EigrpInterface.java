package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One interface of the EIGRP process at run time: its settings, its neighbours, the hello timer, what was last
 * advertised on it, and the reliable multicast of updates with conditional receive (RFC 7868 section 5.3.3):
 * when every neighbour is caught up, one multicast copy serves all; when some are still owed earlier packets
 * (or not yet up), a hello with a Sequence TLV naming them and a Next Multicast Sequence TLV goes first and the
 * multicast carries the CR flag, so only the others accept it; the named ones get it by unicast in turn.
 */
final class EigrpInterface {
  final EigrpInterfaceSettings settings;
  final EigrpLink link;
  final Map<Ipv4Address, EigrpNeighbor> neighbors = new LinkedHashMap<>();
  /** Route TLVs last flooded here, by advertised prefix (a summary or the destination itself). */
  final Map<Ipv4Prefix, RouteTlv> advertised = new HashMap<>();
  Scheduler.Timer helloTimer;
  boolean up = true;
  long multicastsSent;
  long conditionalReceiveSent;

  EigrpInterface(EigrpInterfaceSettings settings, EigrpLink link) {
    this.settings = settings;
    this.link = link;
  }

  String name() {
    return settings.name();
  }

  Ipv4Prefix subnet() {
    return settings.address().subnet();
  }

  boolean active() {
    return up && !settings.passive();
  }

  List<EigrpNeighbor> upNeighbors() {
    return neighbors.values().stream().filter(EigrpNeighbor::isUp).toList();
  }

  /** The hello we send: K-values and hold time, IOS 12.3's software version, optional CR TLVs. */
  EigrpPacket hello(int as, KValues k, List<EigrpTlv> extra) {
    List<EigrpTlv> tlvs = new ArrayList<>();
    tlvs.add(new ParameterTlv(k, 0, (int) settings.timers().hold().toSeconds()));
    tlvs.add(SoftwareVersionTlv.IOS_12_3);
    tlvs.addAll(extra);
    return EigrpPacket.of(EigrpOpcode.HELLO, 0, 0, 0, as, tlvs);
  }

  /** Floods {@code p} (sequence set) reliably to every neighbour that is up. */
  void flood(EigrpPacket p, int as, KValues k) {
    List<EigrpNeighbor> upNow = upNeighbors();
    if (upNow.isEmpty()) {
      return;
    }
    // a set: a hub floods to every spoke, list lookups would make each flood quadratic
    java.util.Set<EigrpNeighbor> ready = new java.util.HashSet<>();
    upNow.stream().filter(n -> n.queue.isEmpty()).forEach(ready::add);
    if (ready.isEmpty()) {
      upNow.forEach(n -> n.queue.enqueue(p));
      return;
    }
    List<Ipv4Address> lagging = neighbors.values().stream().filter(n -> !ready.contains(n))
        .map(n -> n.id.address()).toList();
    EigrpPacket multicast = p;
    if (!lagging.isEmpty()) {
      link.sendMulticast(EigrpCodec.encode(hello(as, k, List.of(new SequenceTlv(lagging),
          new NextMulticastSequenceTlv(p.sequence())))));
      multicast = new EigrpPacket(p.version(), p.opcode(), 0, p.flags() | EigrpPacket.FLAG_CR, p.sequence(), 0,
          p.virtualRouterId(), p.asNumber(), p.tlvs());
      conditionalReceiveSent++;
    }
    link.sendMulticast(EigrpCodec.encode(multicast));
    multicastsSent++;
    for (EigrpNeighbor n : upNow) {
      if (ready.contains(n)) {
        n.queue.enqueueSent(p);
      } else {
        n.queue.enqueue(p);
      }
    }
  }
}
