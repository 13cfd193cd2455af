package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;

/** What {@link TunnelProtection} needs of its tunnel: a name for logs, the NBMA source, and where opened GRE goes. */
interface ProtectedTunnel {
  String name();

  /** The tunnel source (NBMA) address: ESP and IKE leave from it. */
  Ipv4Address sourceAddress();

  /** GRE that arrived inside ESP from {@code nbmaSource}. */
  void receiveGre(Ipv4Address nbmaSource, byte[] gre);
}
