package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Ipv4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Neighbour discovery and the reliable transport's receive side (RFC 7868 sections 5.2 and 5.3). A hello from an
 * unknown address on the interface's subnet makes a PENDING neighbour and we send it an INIT update; its INIT is
 * acknowledged; the acknowledgment of ours brings it UP and it gets our table. A neighbour whose K-values differ
 * is refused, a goodbye (all K-values 255) drops it, an INIT from an UP neighbour means it restarted. Reliable
 * packets are acknowledged (a hello with the ACK number, no TLVs) and accepted once, in sequence; a packet with
 * the CR flag only when the last Sequence TLV did not name us and its sequence is the announced one.
 */
final class Adjacencies {
  private final EigrpRouter router;
  private int nextHandle;

  Adjacencies(EigrpRouter router) {
    this.router = router;
  }

  void receive(EigrpInterface i, Ipv4Address source, byte[] bytes) {
    if (!EigrpCodec.checksumValid(bytes)) {
      drop(i, source, "bad checksum");
      return;
    }
    DecodeResult<EigrpPacket> r = EigrpCodec.decode(ByteReader.of(bytes));
    if (!r.isOk()) {
      drop(i, source, "malformed: " + r.error());
      return;
    }
    EigrpPacket p = r.value();
    if (p.asNumber() != router.asNumber() || p.version() != EigrpPacket.VERSION) {
      drop(i, source, "AS " + p.asNumber() + " version " + p.version() + " (ours AS " + router.asNumber() + ")");
    } else if (i.settings.address().address().equals(source)) {
      return; // our own multicast, looped back
    } else if (!i.subnet().contains(source)) {
      drop(i, source, "not on common subnet for " + i.name());
    } else if (p.opcode().equals(EigrpOpcode.HELLO)) {
      hello(i, source, p);
    } else if (p.opcode().reliable()) {
      reliable(i, source, p);
    } else {
      drop(i, source, "opcode " + p.opcode() + " not handled");
    }
  }

  private void hello(EigrpInterface i, Ipv4Address source, EigrpPacket p) {
    EigrpNeighbor n = i.neighbors.get(source);
    if (p.isAck()) {
      if (n != null) {
        acknowledged(n, p.ack());
      }
      return;
    }
    List<ParameterTlv> params = p.tlvs(ParameterTlv.class);
    if (params.isEmpty()) {
      drop(i, source, "hello without parameters");
      return;
    }
    ParameterTlv param = params.get(0);
    if (param.isGoodbye()) {
      if (n != null) {
        down(n, "Interface Goodbye received");
      }
      return;
    }
    if (!param.kValues().equals(router.kValues())) {
      router.events().log("%DUAL-5-NBRCHANGE: IP-EIGRP(0) " + router.asNumber() + ": Neighbor " + source + " ("
          + i.name() + ") is down: K-value mismatch");
      if (n != null) {
        down(n, "K-value mismatch");
      }
      return;
    }
    if (n == null) {
      n = create(i, source);
    }
    n.holdSeconds = param.holdTimeSeconds();
    restartHold(n);
    p.tlvs(SoftwareVersionTlv.class).stream().findFirst().ifPresent(v -> i.neighbors.get(source).version = v);
    conditionalReceive(i, n, p);
    acknowledged(n, p.ack());
  }

  private static void conditionalReceive(EigrpInterface i, EigrpNeighbor n, EigrpPacket p) {
    List<SequenceTlv> seq = p.tlvs(SequenceTlv.class);
    List<NextMulticastSequenceTlv> next = p.tlvs(NextMulticastSequenceTlv.class);
    if (seq.isEmpty() && next.isEmpty()) {
      return;
    }
    boolean named = seq.stream().anyMatch(s -> s.addresses().contains(i.settings.address().address()));
    n.conditionalReceive = !named && !next.isEmpty();
    n.conditionalSequence = next.isEmpty() ? 0 : next.get(0).sequence();
  }

  private void reliable(EigrpInterface i, Ipv4Address source, EigrpPacket p) {
    EigrpNeighbor n = i.neighbors.get(source);
    boolean init = p.hasFlag(EigrpPacket.FLAG_INIT);
    if (init && n != null && n.initReceived && p.sequence() == n.peerInitSequence) {
      // the INIT we already took, sent again because our ACK was late or lost: acknowledge it, no restart (a
      // restarted peer starts over with a new INIT and a new sequence number)
      sendAck(n, p.sequence());
      acknowledged(n, p.ack());
      return;
    }
    if (init && n != null && n.isUp()) {
      down(n, "peer restarted");
      n = null;
    }
    if (n == null) {
      if (!init) {
        drop(i, source, p.opcode() + " from an unknown neighbour");
        return;
      }
      n = create(i, source);
    }
    if (p.hasFlag(EigrpPacket.FLAG_CR)) {
      if (!n.conditionalReceive || n.conditionalSequence != p.sequence()) {
        return; // not for us: the sender unicasts it to us later
      }
      n.conditionalReceive = false;
    }
    if (init) {
      n.initReceived = true;
      n.peerInitSequence = p.sequence();
    } else if (!n.initReceived) {
      drop(i, source, p.opcode() + " before the neighbour's INIT");
      return;
    } else if (p.sequence() <= n.lastSequence && n.lastSequence - p.sequence() < 0x8000_0000L) {
      sendAck(n, p.sequence()); // a retransmission: our ACK was lost
      acknowledged(n, p.ack());
      return;
    }
    n.lastSequence = p.sequence();
    sendAck(n, p.sequence());
    acknowledged(n, p.ack());
    routes(n, p);
  }

  private void routes(EigrpNeighbor n, EigrpPacket p) {
    Dual.Input kind = p.opcode().equals(EigrpOpcode.QUERY) || p.opcode().value() == 10 ? Dual.Input.QUERY
        : p.opcode().equals(EigrpOpcode.REPLY) || p.opcode().value() == 11 ? Dual.Input.REPLY : Dual.Input.UPDATE;
    VectorMetric link = n.iface.settings.metrics().connected();
    for (RouteTlv t : p.routes()) {
      Ipv4Address nh = t.nextHop();
      Ipv4Address nextHop = nh.bits() != 0 && n.iface.subnet().contains(nh) ? nh : n.id.address();
      router.dual().received(kind, n.id, t, nextHop, link);
    }
  }

  private void sendAck(EigrpNeighbor n, long sequence) {
    EigrpPacket ack = EigrpPacket.of(EigrpOpcode.HELLO, 0, 0, sequence, router.asNumber(), List.of());
    n.iface.link.sendUnicast(n.id.address(), EigrpCodec.encode(ack));
  }

  private void acknowledged(EigrpNeighbor n, long ack) {
    if (n.queue.acknowledged(ack) && n.state == EigrpNeighbor.State.PENDING && ack == n.ourInitSequence) {
      n.state = EigrpNeighbor.State.UP;
      n.upNanos = router.scheduler().clock().nanoTime();
      router.events().log("%DUAL-5-NBRCHANGE: IP-EIGRP(0) " + router.asNumber() + ": Neighbor " + n.id.address()
          + " (" + n.iface.name() + ") is up: new adjacency");
      router.sendTable(n);
    }
  }

  private EigrpNeighbor create(EigrpInterface i, Ipv4Address source) {
    NeighborId id = new NeighborId(i.name(), source);
    EigrpNeighbor[] self = new EigrpNeighbor[1];
    self[0] = new EigrpNeighbor(id, i, nextHandle++, router.scheduler(), new ReliableQueue.Sender() {
      @Override
      public void unicast(EigrpPacket p) {
        EigrpPacket out = new EigrpPacket(p.version(), p.opcode(), 0, p.flags() & ~EigrpPacket.FLAG_CR,
            p.sequence(), self[0].lastSequence, p.virtualRouterId(), p.asNumber(), p.tlvs());
        i.link.sendUnicast(source, EigrpCodec.encode(out));
      }

      @Override
      public void gaveUp() {
        router.afterTimer(() -> down(self[0], "retry limit exceeded"));
      }
    });
    EigrpNeighbor n = self[0];
    n.holdSeconds = (int) i.settings.timers().hold().toSeconds();
    i.neighbors.put(source, n);
    restartHold(n);
    n.ourInitSequence = router.nextSequence();
    n.queue.enqueue(EigrpPacket.of(EigrpOpcode.UPDATE, EigrpPacket.FLAG_INIT, n.ourInitSequence, 0,
        router.asNumber(), List.of()));
    return n;
  }

  private void restartHold(EigrpNeighbor n) {
    if (n.holdTimer != null) {
      n.holdTimer.cancel();
    }
    n.lastHeardNanos = router.scheduler().clock().nanoTime();
    n.holdTimer = router.scheduler().schedule(Duration.ofSeconds(n.holdSeconds),
        () -> router.afterTimer(() -> down(n, "holding time expired")));
  }

  void down(EigrpNeighbor n, String reason) {
    if (n.iface.neighbors.get(n.id.address()) != n) {
      return;
    }
    n.cancelTimers();
    n.iface.neighbors.remove(n.id.address());
    if (n.isUp()) {
      router.events().log("%DUAL-5-NBRCHANGE: IP-EIGRP(0) " + router.asNumber() + ": Neighbor " + n.id.address()
          + " (" + n.iface.name() + ") is down: " + reason);
    }
    router.dual().neighborDown(n.id);
  }

  EigrpNeighbor find(NeighborId id) {
    return router.interfaceNamed(id.interfaceName()) == null ? null
        : router.interfaceNamed(id.interfaceName()).neighbors.get(id.address());
  }

  List<EigrpNeighborSnapshot> snapshots(Collection<EigrpInterface> interfaces) {
    long now = router.scheduler().clock().nanoTime();
    List<EigrpNeighborSnapshot> out = new ArrayList<>();
    for (EigrpInterface i : interfaces) {
      for (EigrpNeighbor n : i.neighbors.values()) {
        long left = n.holdSeconds - (now - n.lastHeardNanos) / 1_000_000_000L;
        long since = n.isUp() ? n.upNanos : n.createdNanos;
        out.add(new EigrpNeighborSnapshot(n.handle, n.id.address(), i.name(), (int) Math.max(0, left),
            Duration.ofNanos(now - since), n.queue.srttMillis(), n.queue.rto().toMillis(), n.queue.size(),
            n.lastSequence, n.isUp()));
      }
    }
    out.sort(Comparator.comparingInt(EigrpNeighborSnapshot::handle));
    return out;
  }

  private void drop(EigrpInterface i, Ipv4Address source, String why) {
    router.events().log("EIGRP: dropped packet from " + source + " on " + i.name() + ": " + why);
  }
}
