package dev.dmvpn.topology;

import java.util.Optional;

/**
 * The mGRE tunnel interface every member configures.
 *
 * @param interfaceName e.g. {@code Tunnel0}
 * @param network the tunnel subnet (every member's tunnel address must be inside)
 * @param source the physical interface whose address is the NBMA address ({@code tunnel source})
 * @param key the GRE key ({@code tunnel key 0} in the document; absent means no key)
 * @param ipMtu {@code ip mtu} (1440 in the document)
 */
public record TunnelSpec(String interfaceName, Ipv4Cidr network, String source, Optional<Long> key, Optional<Integer> ipMtu) {}
