package dev.dmvpn.topology;

import java.util.Optional;

/**
 * NHRP settings shared by the cloud.
 *
 * @param authentication {@code ip nhrp authentication} key (a reference; the document's is cisco123)
 * @param holdtime {@code ip nhrp holdtime} seconds when set
 * @param spokesMapMulticastDynamic the document also prints {@code ip nhrp map multicast dynamic} on its spokes
 */
public record NhrpSpec(long networkId, Optional<SecretRef> authentication, Optional<Integer> holdtime,
    boolean spokesMapMulticastDynamic) {}
