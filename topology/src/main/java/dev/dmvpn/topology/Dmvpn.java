package dev.dmvpn.topology;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The DMVPN section: one hub, its spokes, and the parameters every member shares.
 *
 * @param eigrp the routing over the tunnel, when the cloud runs EIGRP (the document's does)
 */
public record Dmvpn(
    TunnelSpec tunnel, DmvpnMember hub, List<DmvpnMember> spokes, NhrpSpec nhrp, IpsecSpec ipsec,
    Optional<EigrpSpec> eigrp) {

  public Dmvpn {
    spokes = List.copyOf(spokes);
  }

  /** The hub then the spokes. */
  public List<DmvpnMember> members() {
    return Stream.concat(Stream.of(hub), spokes.stream()).toList();
  }
}
