package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * {@code ip nhrp nhs <protocol> [nbma <nbma>]}.
 *
 * @param protocol the next hop server's tunnel address
 * @param nbma its public address when the line gives one (later IOS), else {@code null}: IOS 12.3 takes it from the
 *     {@code ip nhrp map} for {@code protocol}
 */
public record NhrpServerEntry(Ipv4Address protocol, Ipv4Address nbma) {}
