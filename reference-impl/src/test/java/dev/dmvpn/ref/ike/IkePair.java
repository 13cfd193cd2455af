package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Two {@link IkeManager}s joined by an in-memory wire on one {@link SimulatedScheduler} (the strongSwan
 * exchange_test_helper idea): every datagram takes 1 ms, is recorded with its UDP ports, and may be dropped by
 * {@link #drop}. Randomness is seeded, so every run produces the same cookies, nonces, DH values and SPIs.
 *
 * <p>{@link #behindNat} puts the initiator behind a NAPT: its datagrams leave with source {@link #NAT_PUBLIC} and
 * port 500 -> {@link #NAT_PORT_500}, 4500 -> {@link #NAT_PORT_4500}; the responder's answers to those are mapped
 * back. The wire records the public side (what a capture between NAT and responder shows).
 */
final class IkePair {
  static final Ipv4Address INITIATOR = Ipv4Address.parse("209.168.202.131");
  static final Ipv4Address RESPONDER = Ipv4Address.parse("209.168.202.130");
  static final Duration LATENCY = Duration.ofMillis(1);
  /** The initiator's own address when it sits behind the NAT. */
  static final Ipv4Address PRIVATE_INITIATOR = Ipv4Address.parse("10.0.0.11");
  static final Ipv4Address NAT_PUBLIC = Ipv4Address.parse("198.51.100.7");
  static final int NAT_PORT_500 = 1024;
  static final int NAT_PORT_4500 = 1025;

  /** One datagram on the wire: the UDP payload with its addresses and ports. */
  record Datagram(long nanos, Ipv4Address source, int sourcePort, Ipv4Address destination, int destinationPort,
      byte[] bytes, boolean dropped) {
    /** The ISAKMP message, decoded after the non-ESP marker on 4500. */
    IsakmpMessage message() {
      return IsakmpCodec.decode(isakmp()).value();
    }

    /** The ISAKMP bytes: the payload itself on 500, after the 4-byte marker on 4500. */
    byte[] isakmp() {
      boolean natT = sourcePort == IkeConfig.NAT_T_PORT || destinationPort == IkeConfig.NAT_T_PORT;
      return natT ? Arrays.copyOfRange(bytes, 4, bytes.length) : bytes;
    }

    boolean keepalive() {
      return bytes.length == 1 && bytes[0] == (byte) 0xFF;
    }
  }

  /** The document's configuration at {@code a} with {@code mode transport} (DMVPN over NAT: UDP-Transport + NAT-OA). */
  static IkeConfig transportMode(Ipv4Address a) {
    IpsecProfile p = IpsecProfile.document();
    return IkeConfig.document(a).withProfile(new IpsecProfile(p.name(),
        List.of(TransformSet.document().withMode(dev.dmvpn.ref.ipsec.EspMode.TRANSPORT)), p.lifetimeSeconds(),
        p.lifetimeKilobytes()));
  }

  final SimulatedScheduler clock = new SimulatedScheduler();
  final List<Datagram> wire = new ArrayList<>();
  final Events initiatorEvents = new Events();
  final Events responderEvents = new Events();
  final IkeManager initiator;
  final IkeManager responder;
  /** Decides which datagrams get lost (the Datagram passed has dropped = false). */
  Predicate<Datagram> drop = d -> false;
  private final Ipv4Address initiatorAddress;
  private final Ipv4Address nat;

  IkePair() {
    this(IkeConfig.document(INITIATOR), IkeConfig.document(RESPONDER));
  }

  IkePair(IkeConfig initiatorConfig, IkeConfig responderConfig) {
    this(initiatorConfig, responderConfig, null);
  }

  private IkePair(IkeConfig initiatorConfig, IkeConfig responderConfig, Ipv4Address nat) {
    this.initiatorAddress = initiatorConfig.localAddress();
    this.nat = nat;
    initiator = new IkeManager(initiatorConfig, transport(initiatorAddress), clock,
        RandomSource.of(new SplittableRandom(131)), initiatorEvents);
    responder = new IkeManager(responderConfig, transport(RESPONDER), clock,
        RandomSource.of(new SplittableRandom(130)), responderEvents);
  }

  /** The initiator at {@link #PRIVATE_INITIATOR} behind a NAT with public address {@link #NAT_PUBLIC}. */
  static IkePair behindNat(IkeConfig initiatorConfig, IkeConfig responderConfig) {
    return new IkePair(initiatorConfig, responderConfig, NAT_PUBLIC);
  }

  private IkeTransport transport(Ipv4Address self) {
    return new IkeTransport() {
      @Override
      public void send(Ipv4Address peer, int port, byte[] message) {
        throw new AssertionError("IkeManager must send through sendFrom");
      }

      @Override
      public void sendFrom(int localPort, Ipv4Address peer, int peerPort, byte[] udpPayload) {
        IkePair.this.send(self, localPort, peer, peerPort, udpPayload);
      }
    };
  }

  private void send(Ipv4Address from, int fromPort, Ipv4Address to, int toPort, byte[] bytes) {
    if (nat != null && from.equals(initiatorAddress)) { // NAPT: rewrite the source on the way out
      from = nat;
      fromPort = fromPort == IkeConfig.IKE_PORT ? NAT_PORT_500 : NAT_PORT_4500;
    }
    Datagram d = new Datagram(clock.nanoTime(), from, fromPort, to, toPort, bytes, false);
    boolean lost = drop.test(d);
    wire.add(new Datagram(d.nanos(), from, fromPort, to, toPort, bytes, lost));
    if (!lost) {
      clock.schedule(LATENCY, () -> deliver(d));
    }
  }

  private void deliver(Datagram d) {
    if (d.destination().equals(RESPONDER)) {
      responder.receive(d.source(), d.sourcePort(), d.destinationPort(), d.bytes());
      return;
    }
    int port = d.destinationPort();
    if (nat != null) { // NAPT: map the public port back; anything else has no mapping and is lost
      if (!d.destination().equals(nat) || (port != NAT_PORT_500 && port != NAT_PORT_4500)) {
        return;
      }
      port = port == NAT_PORT_500 ? IkeConfig.IKE_PORT : IkeConfig.NAT_T_PORT;
    }
    initiator.receive(d.source(), d.sourcePort(), port, d.bytes());
  }

  /** Starts Phase 1 + Phase 2 from the initiator and lets {@code time} pass. */
  IkeSa connect(Duration time) {
    IkeSa sa = initiator.connect(RESPONDER);
    clock.advance(time);
    return sa;
  }

  /** Lets {@code time} pass. */
  void advance(Duration time) {
    clock.advance(time);
  }

  /** The datagrams that were delivered, in order. */
  List<Datagram> delivered() {
    return wire.stream().filter(d -> !d.dropped()).toList();
  }

  /** Everything the listener of one side heard. */
  static final class Events implements IkeListener {
    final List<IkeSa> phase1Up = new ArrayList<>();
    final List<String> phase1Failed = new ArrayList<>();
    final List<String> badMessages = new ArrayList<>();
    final List<ChildSa> inboundReady = new ArrayList<>();
    final List<ChildSa> phase2Up = new ArrayList<>();
    final List<String> phase2Failed = new ArrayList<>();
    final List<String> childDeleted = new ArrayList<>();
    final List<String> ikeDeleted = new ArrayList<>();
    final List<IkeSa> peerDead = new ArrayList<>();

    @Override
    public void phase1Up(IkeSa sa) {
      phase1Up.add(sa);
    }

    @Override
    public void phase1Failed(Ipv4Address peer, String reason) {
      phase1Failed.add(reason);
    }

    @Override
    public void phase1BadMessage(Ipv4Address peer, String reason) {
      badMessages.add(reason);
    }

    @Override
    public void inboundSaReady(IkeSa sa, ChildSa child) {
      inboundReady.add(child);
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

    @Override
    public void peerDead(IkeSa sa) {
      peerDead.add(sa);
    }
  }
}
