package dev.dmvpn.drivers.parse;

/**
 * One {@code via} line: {@code via 192.168.1.2 (297246976/28160), Tunnel0}, {@code via Connected, Tunnel0},
 * {@code via Summary (281600/0), Null0}, {@code via Rstatic (...)}, {@code via Redistributed (...)}.
 *
 * @param via the next hop's address or IOS's word ({@code Connected}, {@code Summary}, {@code Rstatic},
 *     {@code Redistributed})
 * @param distance the path's composite metric, or null when not printed ({@code Connected})
 * @param reportedDistance the neighbour's reported distance, or null
 * @param iface the outgoing interface, or null when not printed
 */
public record EigrpPath(String via, Long distance, Long reportedDistance, String iface) {}
