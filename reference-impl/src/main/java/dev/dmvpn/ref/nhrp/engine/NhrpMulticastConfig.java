package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;

/**
 * {@code ip nhrp map multicast ...} lines.
 *
 * @param staticNbma NBMA addresses from {@code ip nhrp map multicast <nbma>}
 * @param dynamic {@code ip nhrp map multicast dynamic}: replicate to every registered NBMA address
 */
public record NhrpMulticastConfig(List<Ipv4Address> staticNbma, boolean dynamic) {

  public static final NhrpMulticastConfig NONE = new NhrpMulticastConfig(List.of(), false);

  public NhrpMulticastConfig {
    staticNbma = List.copyOf(staticNbma);
  }
}
