package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.ike.IkeSa;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The connection ids IOS's crypto engine gives SAs, which the node does not keep: an ISAKMP SA's {@code (0:N)} in
 * debugs, an IPsec SA's {@code conn_id} in debugs and {@code conn id} in {@code show crypto ipsec sa}. Assigned on
 * first sight in creation order so that a debug line and a later show agree: ISAKMP SAs 1, 2, ...; IPsec SAs in
 * pairs, inbound odd and outbound the next even number, from {@link #FIRST_IPSEC} (the seed shows pairs
 * 5361/5362 and 5547/5548 after long uptimes; the starting value is ours). Keyed by SA identity and inbound SPI.
 */
public final class CryptoIds {
  static final int FIRST_IPSEC = 2001;
  private final Map<IkeSa, Integer> isakmp = new IdentityHashMap<>();
  private final Map<Integer, Integer> ipsecByInboundSpi = new java.util.HashMap<>();
  private int nextIsakmp = 1;
  private int nextIpsec = FIRST_IPSEC;

  public synchronized int isakmp(IkeSa sa) {
    return isakmp.computeIfAbsent(sa, k -> nextIsakmp++);
  }

  /** The inbound SA's conn id of the pair whose inbound SPI is {@code inboundSpi}; outbound is this plus one. */
  public synchronized int ipsecPair(int inboundSpi) {
    Integer id = ipsecByInboundSpi.get(inboundSpi);
    if (id == null) {
      id = nextIpsec;
      nextIpsec += 2;
      ipsecByInboundSpi.put(inboundSpi, id);
    }
    return id;
  }
}
