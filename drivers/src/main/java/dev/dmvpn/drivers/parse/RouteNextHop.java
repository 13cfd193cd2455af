package dev.dmvpn.drivers.parse;

/**
 * One path of a route in {@code show ip route}.
 *
 * @param address the next hop, or null for a directly connected route or a summary
 * @param age as printed ({@code 00:02:11}, {@code 3w6d}), or null (static and connected routes have none)
 * @param iface the outgoing interface, or null when not printed (a recursive static, a BGP route)
 */
public record RouteNextHop(String address, String age, String iface) {}
