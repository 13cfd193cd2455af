package dev.dmvpn.harness.scenario.peer;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.topology.Ipv4Cidr;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference peer a scenario adds to the testbed's DMVPN as one more spoke: its addresses and, on a real rack,
 * the harness host's NIC it sends on. Its IOS configuration is generated like the routers' ({@link PeerConfig}),
 * so only what differs from a spoke is said here.
 *
 * @param hostname its IOS {@code hostname} (a name no testbed device has)
 * @param tunnelAddress its address on the tunnel subnet (free among the members)
 * @param nbma its public address with the prefix of the segment it joins (the tunnel source's {@code ip address})
 * @param lanInterface the interface holding its LAN, advertised by EIGRP ({@code FastEthernet0/1}, {@code Loopback0})
 * @param lan its LAN address (a subnet no device has)
 * @param gateway the next hop of its default route; empty: the default gateway of a spoke on the same segment
 * @param nic on a real rack, the harness host's interface cabled to that segment (ignored on a virtual rack)
 * @param mac its source MAC; empty: {@code 02:00} followed by the NBMA address ({@code PeerRun.defaultMac})
 */
public record PeerSpec(String hostname, Ipv4Address tunnelAddress, Ipv4Cidr nbma, String lanInterface, Ipv4Cidr lan,
    Optional<Ipv4Address> gateway, Optional<String> nic, Optional<MacAddress> mac) {

  public PeerSpec {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(tunnelAddress, "tunnelAddress");
    Objects.requireNonNull(nbma, "nbma");
    Objects.requireNonNull(lanInterface, "lanInterface");
    Objects.requireNonNull(lan, "lan");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(nic, "nic");
    Objects.requireNonNull(mac, "mac");
  }

  /**
   * A third spoke for the document's rack: sv9-5, Tunnel0 192.168.1.4, NBMA 209.168.202.132/27 on the spokes'
   * segment (sv9-4 is .130, sv9-3 .131, the WAN router .158), LAN 4.4.4.4/24 on FastEthernet0/1 (1.1.1.0, 2.2.2.0
   * and 3.3.3.0 are the hub's and the spokes' LANs; 4.4.4.4 continues the document's numbering).
   */
  public static PeerSpec documentThirdSpoke() {
    return new PeerSpec("sv9-5", Ipv4Address.parse("192.168.1.4"), Ipv4Cidr.parse("209.168.202.132/27"),
        "FastEthernet0/1", Ipv4Cidr.parse("4.4.4.4/24"), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same peer sending on {@code nicName} (a real rack). */
  public PeerSpec onNic(String nicName) {
    return new PeerSpec(hostname, tunnelAddress, nbma, lanInterface, lan, gateway, Optional.of(nicName), mac);
  }
}
