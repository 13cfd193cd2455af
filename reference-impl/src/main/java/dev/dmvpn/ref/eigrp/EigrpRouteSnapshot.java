package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.time.Duration;

/**
 * An EIGRP route as {@code show ip route} prints it: {@code D    2.2.2.0 [90/297246976] via 192.168.1.2,
 * 00:01:02, Tunnel0} ({@code D EX} and distance 170 for external routes).
 *
 * @param age since the route was installed or last changed its next hop
 */
public record EigrpRouteSnapshot(Ipv4Prefix prefix, boolean external, int administrativeDistance, long metric,
    Ipv4Address nextHop, String interfaceName, Duration age) {
  public static final int INTERNAL_DISTANCE = 90;
  public static final int EXTERNAL_DISTANCE = 170;

  /** {@code D} or {@code D EX}. */
  public String code() {
    return external ? "D EX" : "D";
  }
}
