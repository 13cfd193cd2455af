package dev.dmvpn.drivers.parse;

import java.util.List;

/**
 * One peer / proxy pair of {@code show crypto ipsec sa}.
 *
 * @param localIdent the local proxy identity
 * @param remoteIdent the remote proxy identity
 * @param peer the {@code current_peer} address
 * @param peerPort its port (500, or 4500 behind NAT)
 * @param pktsEncaps {@code #pkts encaps}
 * @param pktsEncrypt {@code #pkts encrypt}
 * @param pktsDecaps {@code #pkts decaps}
 * @param pktsDecrypt {@code #pkts decrypt}
 * @param sendErrors {@code #send errors}
 * @param recvErrors {@code #recv errors}
 * @param localEndpoint {@code local crypto endpt.}
 * @param remoteEndpoint {@code remote crypto endpt.}
 * @param currentOutboundSpi {@code current outbound spi}, 0 when none
 * @param sas the SAs listed under the inbound and outbound headings, in printed order
 */
public record IpsecFlow(ProxyIdent localIdent, ProxyIdent remoteIdent, String peer, int peerPort, long pktsEncaps,
    long pktsEncrypt, long pktsDecaps, long pktsDecrypt, long sendErrors, long recvErrors, String localEndpoint,
    String remoteEndpoint, long currentOutboundSpi, List<IpsecSpi> sas) {

  public IpsecFlow {
    sas = List.copyOf(sas);
  }

  /** The SAs under {@code inbound ... sas:}. */
  public List<IpsecSpi> inbound() {
    return sas.stream().filter(IpsecSpi::inbound).toList();
  }

  /** The SAs under {@code outbound ... sas:}. */
  public List<IpsecSpi> outbound() {
    return sas.stream().filter(s -> !s.inbound()).toList();
  }
}
