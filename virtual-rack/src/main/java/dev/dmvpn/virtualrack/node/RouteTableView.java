package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import dev.dmvpn.virtualrack.router.IosTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code show ip route} as IOS 12.3 prints it: the 12.3 codes block (no {@code L - local}, {@code E - EGP} still
 * listed), the gateway of last resort, then the routes grouped by classful network: a route whose mask is the
 * classful one on its own line with a 5-column code field ({@code C    192.168.1.0/24 is directly connected,
 * Tunnel0}); subnets under a {@code      2.0.0.0/24 is subnetted, 1 subnets} head with an 8-column code field and
 * no mask ({@code D       2.2.2.0 [90/297372416] via 192.168.1.2, 00:02:11, Tunnel0}), with the mask when the
 * network is {@code variably subnetted}. Networks ascend; the default route comes last. Sources:
 * ../shared/docs/ios-12.3-formats.md "show ip route"; 12.3's codes lines are best knowledge [unconfirmed]; the
 * 15.x fixtures in ../shared/fixtures/ios-outputs/show_ip_route differ by the {@code L} code and 6/9 columns.
 */
public final class RouteTableView {
  static final List<String> CODES = List.of(
      "Codes: C - connected, S - static, R - RIP, M - mobile, B - BGP",
      "       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area ",
      "       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2",
      "       E1 - OSPF external type 1, E2 - OSPF external type 2, E - EGP",
      "       i - IS-IS, L1 - IS-IS level-1, L2 - IS-IS level-2, ia - IS-IS inter area",
      "       * - candidate default, U - per-user static route, o - ODR",
      "       P - periodic downloaded static route");

  private RouteTableView() {}

  public static String render(List<RouteRow> routes) {
    List<String> out = new ArrayList<>(CODES);
    out.add("");
    RouteRow def = routes.stream().filter(r -> r.prefix().length() == 0).findFirst().orElse(null);
    out.add(def == null || def.nextHop() == null ? "Gateway of last resort is not set"
        : "Gateway of last resort is " + def.nextHop() + " to network 0.0.0.0");
    out.add("");
    Map<Long, List<RouteRow>> byNetwork = new LinkedHashMap<>();
    routes.stream().filter(r -> r.prefix().length() > 0)
        .sorted(Comparator.comparingLong((RouteRow r) -> unsigned(r.prefix())).thenComparingInt(r -> r.prefix().length()))
        .forEach(r -> byNetwork.computeIfAbsent(classfulNetwork(r.prefix()), k -> new ArrayList<>()).add(r));
    for (Map.Entry<Long, List<RouteRow>> e : byNetwork.entrySet()) {
      List<RouteRow> rows = e.getValue();
      int classful = classfulLength(rows.get(0).prefix());
      boolean allClassful = rows.stream().allMatch(r -> r.prefix().length() == classful);
      if (allClassful) {
        rows.forEach(r -> out.add(line(r, 5, true)));
        continue;
      }
      TreeSet<Integer> masks = new TreeSet<>();
      rows.forEach(r -> masks.add(r.prefix().length()));
      String network = dotted(e.getKey());
      if (masks.size() == 1) {
        out.add("     " + network + "/" + masks.first() + " is subnetted, " + rows.size() + " subnets");
      } else {
        out.add("     " + network + "/" + classful + " is variably subnetted, " + rows.size() + " subnets, "
            + masks.size() + " masks");
      }
      rows.forEach(r -> out.add(line(r, 8, masks.size() > 1)));
    }
    if (def != null) {
      out.add(line(new RouteRow(def.prefix(), def.code() + "*", def.distance(), def.metric(), def.nextHop(),
          def.iface(), def.age()), 5, true));
    }
    return String.join("\n", out) + "\n";
  }

  private static String line(RouteRow r, int codeWidth, boolean withMask) {
    StringBuilder sb = new StringBuilder(pad(r.code(), codeWidth));
    sb.append(r.prefix().network());
    if (withMask) {
      sb.append('/').append(r.prefix().length());
    }
    if (r.nextHop() == null) {
      return sb.append(" is directly connected, ").append(r.iface()).toString();
    }
    sb.append(" [").append(r.distance()).append('/').append(r.metric()).append("] via ").append(r.nextHop());
    if (r.age() != null) {
      sb.append(", ").append(IosTime.uptime(r.age()));
    }
    if (r.iface() != null) {
      sb.append(", ").append(r.iface());
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static long unsigned(Ipv4Prefix p) {
    return Integer.toUnsignedLong(p.network().bits());
  }

  /** Class A /8, B /16, C /24 (D and E: the host length, never grouped). */
  static int classfulLength(Ipv4Prefix p) {
    long a = unsigned(p);
    if (a < 0x80000000L) {
      return 8;
    }
    if (a < 0xC0000000L) {
      return 16;
    }
    if (a < 0xE0000000L) {
      return 24;
    }
    return 32;
  }

  private static long classfulNetwork(Ipv4Prefix p) {
    int len = classfulLength(p);
    return unsigned(p) & (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
  }

  private static String dotted(long a) {
    return (a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
  }
}
