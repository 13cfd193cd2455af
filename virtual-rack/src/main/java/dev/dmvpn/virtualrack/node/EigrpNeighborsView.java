package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.eigrp.EigrpNeighborSnapshot;
import dev.dmvpn.virtualrack.router.IosTime;
import java.util.List;
import java.util.Locale;

/**
 * {@code show ip eigrp neighbors} in the 12.3 layout: {@code IP-EIGRP neighbors for process 90}, the two heading
 * lines (with 12.x's {@code Type} column, left empty as in the sample), one row per neighbour with the short
 * interface name ({@code Tu0}). Columns as ../shared/docs/ios-12.3-formats.md prints them (H 4, Address 24,
 * Interface 16, Hold right-aligned to column 48, ...). Neighbours still in INIT are left out (IOS lists only
 * adjacencies that came up).
 */
public final class EigrpNeighborsView {
  private EigrpNeighborsView() {}

  public static String render(int as, List<EigrpNeighborSnapshot> neighbors) {
    StringBuilder sb = new StringBuilder("IP-EIGRP neighbors for process ").append(as).append('\n');
    sb.append("H   Address                 Interface       Hold Uptime   SRTT   RTO  Q  Seq Type\n");
    sb.append("                                            (sec)         (ms)       Cnt Num\n");
    neighbors.stream().filter(EigrpNeighborSnapshot::up)
        .sorted((a, b) -> Integer.compare(b.handle(), a.handle()))
        .forEach(n -> sb.append(String.format(Locale.ROOT, "%-4d%-24s%-16s%4d %-8s %4d %5d %2d  %d",
            n.handle(), n.address(), shortName(n.interfaceName()), n.holdSecondsLeft(), IosTime.uptime(n.uptime()),
            n.srttMillis(), n.rtoMillis(), n.queueCount(), n.lastSequence())).append('\n'));
    return sb.toString();
  }

  /** {@code Tunnel0} to {@code Tu0}, {@code FastEthernet0/1} to {@code Fa0/1}: the first two letters and the number. */
  static String shortName(String name) {
    int digit = 0;
    while (digit < name.length() && !Character.isDigit(name.charAt(digit))) {
      digit++;
    }
    return name.length() < 2 || digit < 2 ? name : name.substring(0, 2) + name.substring(digit);
  }
}
