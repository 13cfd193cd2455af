package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;

/** Which virtual segment a router's public interface plugs into, chosen by its address (the cabling of a rack). */
@FunctionalInterface
public interface WanAttachment {
  /** The segment whose subnet holds {@code address}, or {@code null} when no segment of the rack does. */
  VirtualSegment segmentFor(InterfaceAddress address);

  /** The document's WAN: the hub's /27 and the spokes' /27, routed to each other by the WAN router. */
  static WanAttachment of(DocumentWan wan) {
    return a -> {
      if (DocumentWan.HUB.subnet().contains(a.address())) {
        return wan.hubSegment();
      }
      if (DocumentWan.SPOKE_SV9_4.subnet().contains(a.address())) {
        return wan.spokeSegment();
      }
      return null;
    };
  }
}
