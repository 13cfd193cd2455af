package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * The {@code tunnel ...} lines of a Tunnel interface.
 *
 * @param sourceInterface {@code tunnel source <interface>} (canonical name), or {@code null}
 * @param sourceAddress {@code tunnel source <address>}, or {@code null}
 * @param destination {@code tunnel destination} (point-to-point GRE), or {@code null}
 * @param mode {@code tunnel mode ...} words, e.g. {@code "gre multipoint"}; {@code "gre ip"} (the IOS default)
 *     when absent
 * @param key {@code tunnel key}, or {@code null}
 * @param protectionProfile {@code tunnel protection ipsec profile <name>}, or {@code null}
 */
public record TunnelSettings(
    String sourceInterface,
    Ipv4Address sourceAddress,
    Ipv4Address destination,
    String mode,
    Long key,
    String protectionProfile) {

  public static final String MODE_GRE_IP = "gre ip";
  public static final String MODE_GRE_MULTIPOINT = "gre multipoint";

  public boolean multipoint() {
    return MODE_GRE_MULTIPOINT.equals(mode);
  }
}
