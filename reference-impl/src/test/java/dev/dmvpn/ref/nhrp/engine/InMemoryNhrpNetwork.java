package dev.dmvpn.ref.nhrp.engine;

import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpCodec;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * TEST-ONLY NBMA network: every sent packet is encoded to bytes, recorded, and delivered (decoded again, so the
 * codec is in the loop) to the engine owning the destination NBMA address after {@link #LATENCY} of simulated
 * time, unless the drop filter says it is lost.
 */
final class InMemoryNhrpNetwork {
  static final Duration LATENCY = Duration.ofMillis(1);

  /** One packet on the wire. */
  record Sent(long nanos, Ipv4Address from, Ipv4Address to, NhrpPacket packet, byte[] bytes) {
    NhrpPacketType type() {
      return packet.type();
    }
  }

  final SimulatedScheduler scheduler = new SimulatedScheduler();
  private final Map<Ipv4Address, NhrpEngine> nodes = new HashMap<>();
  final List<Sent> wire = new ArrayList<>();
  Predicate<Sent> lose = s -> false;

  NhrpTransport transportOf(Ipv4Address self) {
    return (to, p) -> {
      byte[] bytes = NhrpCodec.encode(p);
      Sent s = new Sent(scheduler.nanoTime(), self, to, p, bytes);
      wire.add(s);
      if (!lose.test(s)) {
        scheduler.schedule(LATENCY, () -> deliver(s));
      }
    };
  }

  NhrpEngine add(NhrpConfig config, NhrpRouting routing, ConnectionGate gate) {
    NhrpEngine e = new NhrpEngine(config, scheduler, transportOf(config.nbmaAddress()), routing, gate);
    nodes.put(config.nbmaAddress(), e);
    return e;
  }

  private void deliver(Sent s) {
    DecodeResult<NhrpPacket> r = NhrpCodec.decode(ByteReader.of(s.bytes()));
    assertTrue(r.isOk(), "our own packet must decode: " + r);
    NhrpEngine dst = nodes.get(s.to());
    if (dst != null) {
      dst.receive(s.from(), r.value());
    }
  }

  /** Runs every task due within {@code d}. */
  void run(Duration d) {
    scheduler.advance(d);
  }

  /** The packets of one type on the wire, in order. */
  List<Sent> sent(NhrpPacketType type) {
    List<Sent> out = new ArrayList<>();
    for (Sent s : wire) {
      if (s.type().equals(type)) {
        out.add(s);
      }
    }
    return out;
  }

  /** The packets of one type sent by {@code from}. */
  List<Sent> sent(NhrpPacketType type, Ipv4Address from) {
    List<Sent> out = new ArrayList<>();
    for (Sent s : sent(type)) {
      if (s.from().equals(from)) {
        out.add(s);
      }
    }
    return out;
  }
}
