package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpPacket;

/**
 * Where the engine's packets leave: the node implements it (GRE over the NBMA network, later inside IPsec).
 * The engine never blocks on it; a send that cannot be delivered is the node's business (NHRP retries cover
 * losses).
 */
public interface NhrpTransport {

  /** Sends {@code p} to the NBMA (public) address {@code nbmaDestination}. */
  void send(Ipv4Address nbmaDestination, NhrpPacket p);
}
