package dev.dmvpn.harness.scenario.peer;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.eigrp.EigrpNeighborSnapshot;
import dev.dmvpn.virtualrack.node.IsakmpSaRow;
import dev.dmvpn.virtualrack.node.NhrpRow;
import dev.dmvpn.virtualrack.node.RouteRow;
import java.util.List;
import java.util.Optional;

/**
 * What the reference peer knows at one moment, read on its node's thread: the rows an IOS router would print for
 * {@code show ip nhrp}, {@code show ip eigrp neighbors}, {@code show ip route} and {@code show crypto isakmp sa}
 * (the virtual rack's view rows: the peer has no command line, its state is read through the node's API), and the
 * NBMA addresses it holds IPsec SAs with. A copy: later changes of the node do not show here.
 *
 * @param eigrpNeighbors adjacencies that came up and those still in INIT ({@link EigrpNeighborSnapshot#up})
 * @param ipsecPeers NBMA addresses with an outbound IPsec SA, in ISAKMP SA order
 */
public record PeerState(List<NhrpRow> nhrp, List<EigrpNeighborSnapshot> eigrpNeighbors, List<RouteRow> routes,
    List<IsakmpSaRow> isakmp, List<Ipv4Address> ipsecPeers) {

  public PeerState {
    nhrp = List.copyOf(nhrp);
    eigrpNeighbors = List.copyOf(eigrpNeighbors);
    routes = List.copyOf(routes);
    isakmp = List.copyOf(isakmp);
    ipsecPeers = List.copyOf(ipsecPeers);
  }

  /** The route to {@code prefix} ({@code 2.2.2.0/24}) with code {@code code} ({@code D}, {@code C}, {@code S}). */
  public Optional<RouteRow> route(String prefix, String code) {
    return routes.stream().filter(r -> r.prefix().toString().equals(prefix) && r.code().equals(code)).findFirst();
  }

  /** The adjacency (up) with {@code address} on {@code interfaceName}. */
  public Optional<EigrpNeighborSnapshot> eigrpNeighbor(Ipv4Address address, String interfaceName) {
    return eigrpNeighbors.stream().filter(n -> n.up() && n.address().equals(address)
        && n.interfaceName().equals(interfaceName)).findFirst();
  }

  /** The ISAKMP SA with {@code peer} (either direction) in {@code state} ({@code QM_IDLE}). */
  public Optional<IsakmpSaRow> isakmpWith(Ipv4Address peer, String state) {
    return isakmp.stream().filter(r -> (r.dst().equals(peer) || r.src().equals(peer)) && r.state().equals(state))
        .findFirst();
  }

  /** The NHRP entry whose NBMA address is {@code nbma}. */
  public Optional<NhrpRow> nhrpWithNbma(Ipv4Address nbma) {
    return nhrp.stream().filter(r -> nbma.equals(r.nbma())).findFirst();
  }

  /** The complete NHRP entry (an NBMA address known) whose prefix covers {@code destination}. */
  public Optional<NhrpRow> nhrpFor(Ipv4Address destination) {
    return nhrp.stream().filter(r -> r.nbma() != null && r.prefix().contains(destination)).findFirst();
  }
}
