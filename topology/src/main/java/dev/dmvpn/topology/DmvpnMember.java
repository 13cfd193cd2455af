package dev.dmvpn.topology;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;

/**
 * A hub or spoke.
 *
 * @param device a device name under {@code devices:}
 * @param tunnelAddress its address on the tunnel subnet
 * @param nbmaAddress its public address (the tunnel source interface's address)
 * @param lanInterfaces the interfaces whose subnets it advertises over the tunnel (EIGRP {@code network})
 */
public record DmvpnMember(String device, Ipv4Address tunnelAddress, Ipv4Address nbmaAddress, List<String> lanInterfaces) {
  public DmvpnMember {
    lanInterfaces = List.copyOf(lanInterfaces);
  }
}
