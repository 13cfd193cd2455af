package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;

/** {@code ip nhrp map <protocol> <nbma>}: a static tunnel-address to public-address binding. */
public record NhrpStaticMap(Ipv4Address protocol, Ipv4Address nbma) {}
