package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * EIGRP routers on in-memory links, on a simulated clock: each interface belongs to a named segment; multicast
 * reaches the interfaces listed as its multicast peers (every other one on a LAN; on an mGRE "segment" the hub
 * reaches every spoke and a spoke only the hub, as NHRP multicast maps do); unicast reaches the owner of the
 * address. Every packet is kept (decoded) for assertions; a drop filter simulates loss or a cut.
 */
final class EigrpTestNet {
  /** One packet on a segment. */
  record Sent(String from, String segment, Ipv4Address source, Ipv4Address destination, EigrpPacket packet,
      long nanos) {}

  final SimulatedScheduler scheduler = new SimulatedScheduler();
  final Map<String, EigrpRouter> routers = new LinkedHashMap<>();
  final Map<String, Map<Ipv4Prefix, String>> ribs = new LinkedHashMap<>();
  final List<String> log = new ArrayList<>();
  final List<Sent> sent = new ArrayList<>();
  private final List<Port> ports = new ArrayList<>();
  Predicate<Sent> drop = s -> false;
  Duration delay = Duration.ofMillis(1);

  private record Port(String router, String segment, String ifName, Ipv4Address address, List<String> multicastTo) {}

  EigrpRouter router(String name, EigrpRouterConfig config) {
    Map<Ipv4Prefix, String> rib = new LinkedHashMap<>();
    ribs.put(name, rib);
    EigrpRouter r = new EigrpRouter(config, scheduler, new EigrpRouteSink() {
      @Override
      public void install(Ipv4Prefix prefix, Ipv4Address nextHop, String interfaceName, boolean external,
          long metric) {
        rib.put(prefix, (external ? "D EX " : "D ") + prefix + " [" + (external ? 170 : 90) + "/" + metric + "] via "
            + nextHop + ", " + interfaceName);
      }

      @Override
      public void remove(Ipv4Prefix prefix) {
        rib.remove(prefix);
      }
    }, line -> log.add(name + ": " + line));
    routers.put(name, r);
    return r;
  }

  /**
   * Attaches {@code router}'s interface to {@code segment}; {@code multicastTo} names the routers its multicast
   * reaches ({@code null}: every other router on the segment).
   */
  void attach(String router, String segment, EigrpInterfaceSettings settings, List<String> multicastTo) {
    Port port = new Port(router, segment, settings.name(), settings.address().address(), multicastTo);
    ports.add(port);
    routers.get(router).addInterface(settings, new EigrpLink() {
      @Override
      public void sendMulticast(byte[] eigrpPacket) {
        boolean delivered = false;
        for (Port p : ports) {
          if (p != port && p.segment.equals(segment) && (multicastTo == null || multicastTo.contains(p.router))) {
            deliver(port, p, EigrpLink.ALL_EIGRP_ROUTERS, eigrpPacket);
            delivered = true;
          }
        }
        if (!delivered) { // nobody else on the segment: recorded only
          sent.add(new Sent(router, segment, port.address, EigrpLink.ALL_EIGRP_ROUTERS,
              EigrpCodec.decode(ByteReader.of(eigrpPacket)).value(), scheduler.nanoTime()));
        }
      }

      @Override
      public void sendUnicast(Ipv4Address neighbor, byte[] eigrpPacket) {
        boolean delivered = false;
        for (Port p : ports) {
          if (p.segment.equals(segment) && p.address.equals(neighbor)) {
            deliver(port, p, neighbor, eigrpPacket);
            delivered = true;
          }
        }
        if (!delivered) { // to a scripted peer outside the net: recorded only
          sent.add(new Sent(router, segment, port.address, neighbor,
              EigrpCodec.decode(ByteReader.of(eigrpPacket)).value(), scheduler.nanoTime()));
        }
      }
    });
  }

  private void deliver(Port from, Port to, Ipv4Address destination, byte[] bytes) {
    Sent s = new Sent(from.router, from.segment, from.address, destination,
        EigrpCodec.decode(ByteReader.of(bytes)).value(), scheduler.nanoTime());
    sent.add(s);
    if (drop.test(s)) {
      return;
    }
    scheduler.schedule(delay, () -> routers.get(to.router).receive(to.ifName, from.address, bytes));
  }

  static EigrpInterfaceSettings lan(String name, String cidr) {
    return EigrpInterfaceSettings.defaults(name, InterfaceAddress.parse(cidr), false);
  }

  static EigrpInterfaceSettings mgre(String name, String cidr) {
    return EigrpInterfaceSettings.defaults(name, InterfaceAddress.parse(cidr), true);
  }

  void startAll() {
    routers.values().forEach(EigrpRouter::start);
  }

  void run(Duration d) {
    scheduler.advance(d);
  }

  String route(String router, String prefix) {
    return ribs.get(router).get(Ipv4Prefix.parse(prefix));
  }
}
