package dev.dmvpn.ref.node;

import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import java.util.Objects;

/**
 * An mGRE tunnel interface ({@code interface Tunnel0 ... tunnel mode gre multipoint}).
 *
 * @param name e.g. {@code Tunnel0}
 * @param sourceInterface {@code tunnel source}: the physical interface whose address is the NBMA address
 * @param key {@code tunnel key}: {@code null} = no key field; 0 = K bit set with key 0 (the document's
 *     {@code tunnel key 0}, as IOS treats any configured key as present; protocol-notes 1)
 * @param ipMtu {@code ip mtu} (1440 in the document)
 * @param nhrp the interface's NHRP lines; its tunnel and NBMA addresses are the interface's
 * @param protection {@code tunnel protection ipsec profile}: the IKE peer configuration, or {@code null} for
 *     plain GRE
 * @param ipsecQueueLimit packets held per NBMA peer while IKE brings its SAs up; beyond it they are dropped
 *     ("need to wait for IPsec SAs"). The default 0 drops every packet until the SAs exist, as IOS 12.3 does: a
 *     packet that finds no SA only triggers IKE (IOS's first ping "." over a new tunnel). With a queue, an NHS
 *     registration retransmitted while IKE retries would leave in a burst once the SAs are up and the hub would
 *     answer each; dropping gives one request and one reply per attempt. The NHRP engine's own delay of a
 *     resolution request ("need to wait for IPsec SAs" in the document's debug) is the {@code ConnectionGate},
 *     independent of this queue.
 */
public record TunnelConfig(String name, String sourceInterface, Long key, int ipMtu, NhrpConfig nhrp,
    IkeConfig protection, int ipsecQueueLimit) {
  /** IOS keeps no packet queue for SAs under negotiation: the triggering packet is dropped. */
  public static final int DEFAULT_QUEUE_LIMIT = 0;

  public TunnelConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sourceInterface, "sourceInterface");
    Objects.requireNonNull(nhrp, "nhrp");
    if (ipMtu < 68 || ipMtu > 9216) {
      throw new IllegalArgumentException("ip mtu must be 68..9216, got " + ipMtu);
    }
    if (key != null && (key < 0 || key > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("tunnel key must be 0..4294967295, got " + key);
    }
    if (ipsecQueueLimit < 0) {
      throw new IllegalArgumentException("ipsecQueueLimit must be >= 0");
    }
    if (protection != null && !protection.localAddress().equals(nhrp.nbmaAddress())) {
      throw new IllegalArgumentException("tunnel protection local address " + protection.localAddress()
          + " is not the tunnel source " + nhrp.nbmaAddress());
    }
  }

  /** A tunnel with the default IPsec queue limit. */
  public static TunnelConfig of(String name, String sourceInterface, Long key, int ipMtu, NhrpConfig nhrp,
      IkeConfig protection) {
    return new TunnelConfig(name, sourceInterface, key, ipMtu, nhrp, protection, DEFAULT_QUEUE_LIMIT);
  }
}
