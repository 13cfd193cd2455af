package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.engine.NhrpPrefix;
import java.time.Duration;

/**
 * One {@code show ip nhrp} entry.
 *
 * @param via the tunnel next hop ({@code null} for an incomplete entry)
 * @param expiresIn {@code null}: never expires
 * @param nbma {@code null} for an incomplete entry
 */
public record NhrpRow(NhrpPrefix prefix, Ipv4Address via, String iface, Duration created, Duration expiresIn,
    String type, String flags, Ipv4Address nbma) {}
