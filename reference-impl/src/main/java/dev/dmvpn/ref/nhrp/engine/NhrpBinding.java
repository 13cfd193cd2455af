package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * Where a cache entry's traffic goes: the NBMA address and the tunnel protocol address of the peer (which
 * differs from the entry's prefix for a LAN prefix, e.g. 2.2.2.0/24 via 192.168.1.2 at 209.168.202.131).
 */
public record NhrpBinding(Ipv4Address nbma, Ipv4Address nextHop) {

  public NhrpBinding {
    if (nbma == null || nextHop == null) {
      throw new IllegalArgumentException("binding needs an NBMA and a next-hop address");
    }
  }
}
