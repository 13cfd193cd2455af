package dev.dmvpn.ref.ipsec;

/** ESP encapsulation mode (IPsec DOI Encapsulation Mode attribute: 1 tunnel, 2 transport). */
public enum EspMode {
  /** DMVPN: the protected payload is the GRE packet, next header 47. */
  TRANSPORT,
  /** The protected payload is a whole inner IP packet, next header 4 (IPv4). */
  TUNNEL
}
