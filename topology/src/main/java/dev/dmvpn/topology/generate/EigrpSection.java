package dev.dmvpn.topology.generate;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.topology.EigrpSpec;
import dev.dmvpn.topology.Ipv4Cidr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code router eigrp}: one {@code network} per advertised subnet, sorted by address as IOS keeps them. IOS
 * prints the wildcard only when it differs from the classful mask ({@code network 192.168.1.0} for a class C /24,
 * {@code network 1.1.1.0 0.0.0.255} for a /24 inside class A 1.0.0.0), which is how the document's lines read.
 */
final class EigrpSection {
  private EigrpSection() {}

  static List<ConfigLine> lines(EigrpSpec eigrp, List<Ipv4Cidr> subnets) {
    List<ConfigLine> out = new ArrayList<>();
    out.add(ConfigLine.plain("router eigrp " + eigrp.asNumber()));
    subnets.stream().map(Ipv4Cidr::subnet).distinct()
        .sorted(Comparator.comparing(Ipv4Cidr::network))
        .forEach(s -> out.add(ConfigLine.plain(" " + network(s))));
    out.add(ConfigLine.plain(" no auto-summary"));
    out.add(ConfigLine.plain("!"));
    return out;
  }

  static String network(Ipv4Cidr subnet) {
    if (subnet.prefixLength() == classfulLength(subnet.network())) {
      return "network " + subnet.network();
    }
    return "network " + subnet.network() + " " + new Ipv4Address(~subnet.maskBits());
  }

  /** 8, 16 or 24 for class A, B, C; 32 otherwise (class D/E are never EIGRP networks). */
  static int classfulLength(Ipv4Address a) {
    int first = (a.bits() >>> 24) & 0xff;
    if (first < 128) {
      return 8;
    }
    if (first < 192) {
      return 16;
    }
    return first < 224 ? 24 : 32;
  }
}
