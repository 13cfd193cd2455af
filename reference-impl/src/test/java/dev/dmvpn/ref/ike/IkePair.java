package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Two {@link IkeManager}s joined by an in-memory wire on one {@link SimulatedScheduler} (the strongSwan
 * exchange_test_helper idea): every datagram takes 1 ms, is recorded, and may be dropped by {@link #drop}.
 * Randomness is seeded, so every run produces the same cookies, nonces, DH values and SPIs.
 */
final class IkePair {
  static final Ipv4Address INITIATOR = Ipv4Address.parse("209.168.202.131");
  static final Ipv4Address RESPONDER = Ipv4Address.parse("209.168.202.130");
  static final Duration LATENCY = Duration.ofMillis(1);

  /** One datagram on the wire. */
  record Datagram(long nanos, Ipv4Address source, Ipv4Address destination, byte[] bytes, boolean dropped) {
    IsakmpMessage message() {
      return IsakmpCodec.decode(bytes).value();
    }
  }

  final SimulatedScheduler clock = new SimulatedScheduler();
  final List<Datagram> wire = new ArrayList<>();
  final Events initiatorEvents = new Events();
  final Events responderEvents = new Events();
  final IkeManager initiator;
  final IkeManager responder;
  /** Decides which datagrams get lost (the Datagram passed has dropped = false). */
  Predicate<Datagram> drop = d -> false;

  IkePair() {
    this(IkeConfig.document(INITIATOR), IkeConfig.document(RESPONDER));
  }

  IkePair(IkeConfig initiatorConfig, IkeConfig responderConfig) {
    initiator = new IkeManager(initiatorConfig, (peer, port, bytes) -> send(INITIATOR, peer, bytes), clock,
        RandomSource.of(new SplittableRandom(131)), initiatorEvents);
    responder = new IkeManager(responderConfig, (peer, port, bytes) -> send(RESPONDER, peer, bytes), clock,
        RandomSource.of(new SplittableRandom(130)), responderEvents);
  }

  private void send(Ipv4Address from, Ipv4Address to, byte[] bytes) {
    Datagram d = new Datagram(clock.nanoTime(), from, to, bytes, false);
    boolean lost = drop.test(d);
    wire.add(new Datagram(d.nanos(), from, to, bytes, lost));
    if (!lost) {
      IkeManager target = to.equals(RESPONDER) ? responder : initiator;
      clock.schedule(LATENCY, () -> target.receive(from, IkeConfig.IKE_PORT, bytes));
    }
  }

  /** Starts Phase 1 + Phase 2 from the initiator and lets {@code time} pass. */
  IkeSa connect(Duration time) {
    IkeSa sa = initiator.connect(RESPONDER);
    clock.advance(time);
    return sa;
  }

  /** The datagrams that were delivered, in order. */
  List<Datagram> delivered() {
    return wire.stream().filter(d -> !d.dropped()).toList();
  }

  /** Everything the listener of one side heard. */
  static final class Events implements IkeListener {
    final List<IkeSa> phase1Up = new ArrayList<>();
    final List<String> phase1Failed = new ArrayList<>();
    final List<ChildSa> phase2Up = new ArrayList<>();
    final List<String> phase2Failed = new ArrayList<>();
    final List<String> childDeleted = new ArrayList<>();
    final List<String> ikeDeleted = new ArrayList<>();

    @Override
    public void phase1Up(IkeSa sa) {
      phase1Up.add(sa);
    }

    @Override
    public void phase1Failed(Ipv4Address peer, String reason) {
      phase1Failed.add(reason);
    }

    @Override
    public void phase2Up(IkeSa sa, ChildSa child) {
      phase2Up.add(child);
    }

    @Override
    public void phase2Failed(IkeSa sa, String reason) {
      phase2Failed.add(reason);
    }

    @Override
    public void childSaDeleted(IkeSa sa, ChildSa child, String reason) {
      childDeleted.add(child + ": " + reason);
    }

    @Override
    public void ikeSaDeleted(IkeSa sa, String reason) {
      ikeDeleted.add(reason);
    }
  }
}
