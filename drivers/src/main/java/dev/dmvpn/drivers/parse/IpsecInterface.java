package dev.dmvpn.drivers.parse;

import java.util.List;

/**
 * One {@code interface:} block of {@code show crypto ipsec sa}.
 *
 * @param name the interface ({@code Tunnel0})
 * @param cryptoMapTag the crypto map ({@code Tunnel0-head-0} under tunnel protection)
 * @param localAddress the {@code local addr}
 * @param flows the peer / proxy pairs
 */
public record IpsecInterface(String name, String cryptoMapTag, String localAddress, List<IpsecFlow> flows) {

  public IpsecInterface {
    flows = List.copyOf(flows);
  }
}
