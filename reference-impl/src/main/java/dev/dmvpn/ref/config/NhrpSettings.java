package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;

/**
 * The {@code ip nhrp ...} lines of one interface. Absent values are {@code null}; IOS defaults are applied by
 * consumers (see {@link NhrpConfigMapper}).
 *
 * @param networkId {@code ip nhrp network-id}; NHRP is off on the interface without it
 * @param authentication {@code ip nhrp authentication}
 * @param maps {@code ip nhrp map <proto> <nbma>} in order
 * @param multicastMaps {@code ip nhrp map multicast <nbma>} in order
 * @param multicastDynamic {@code ip nhrp map multicast dynamic}
 * @param servers {@code ip nhrp nhs} in order
 * @param holdtimeSeconds {@code ip nhrp holdtime}
 * @param registrationTimeoutSeconds {@code ip nhrp registration timeout}
 * @param registrationNoUnique {@code ip nhrp registration no-unique}
 */
public record NhrpSettings(
    Long networkId,
    Secret authentication,
    List<NhrpStaticMap> maps,
    List<Ipv4Address> multicastMaps,
    boolean multicastDynamic,
    List<NhrpServerEntry> servers,
    Integer holdtimeSeconds,
    Integer registrationTimeoutSeconds,
    boolean registrationNoUnique) {

  /** An interface without any {@code ip nhrp} line. */
  public static final NhrpSettings NONE =
      new NhrpSettings(null, null, List.of(), List.of(), false, List.of(), null, null, false);

  public NhrpSettings {
    maps = List.copyOf(maps);
    multicastMaps = List.copyOf(multicastMaps);
    servers = List.copyOf(servers);
  }

  /** True when any {@code ip nhrp} line was given. */
  public boolean configured() {
    return !equals(NONE);
  }

  /** The static map's NBMA address for {@code protocol}, or {@code null}. */
  public Ipv4Address mappedNbma(Ipv4Address protocol) {
    for (NhrpStaticMap m : maps) {
      if (m.protocol().equals(protocol)) {
        return m.nbma();
      }
    }
    return null;
  }
}
