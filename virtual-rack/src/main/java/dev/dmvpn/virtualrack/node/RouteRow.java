package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.time.Duration;

/**
 * One route as {@code show ip route} prints it.
 *
 * @param code {@code C}, {@code S}, {@code D}, {@code D EX} ({@code *} is added for the default route)
 * @param nextHop {@code null} for a connected route
 * @param iface the outgoing interface, {@code null} for a static route printed without one
 * @param age {@code null} when IOS prints none (static, connected)
 */
public record RouteRow(Ipv4Prefix prefix, String code, int distance, long metric, Ipv4Address nextHop, String iface,
    Duration age) {}
