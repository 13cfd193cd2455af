package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpPacket;

/**
 * What a tunnel does with NHRP packets and data packets, for IOS-style {@code debug nhrp} output (the virtual
 * rack's printer). Read-only observation: a trace never changes what the tunnel does. Every method has an empty
 * default; all are called on the node's scheduler thread.
 */
public interface TunnelTrace {

  /** An NHRP packet of {@code size} bytes (NHRP header to the end) arrived from {@code nbma}, before processing. */
  default void nhrpReceived(TunnelInterface tunnel, Ipv4Address nbma, NhrpPacket packet, int size) {}

  /** The engine finished with the packet {@link #nhrpReceived} announced (its sends and events came between). */
  default void nhrpHandled(TunnelInterface tunnel, Ipv4Address nbma, NhrpPacket packet) {}

  /** An NHRP packet of {@code size} bytes leaves for {@code nbma}. */
  default void nhrpSent(TunnelInterface tunnel, Ipv4Address nbma, NhrpPacket packet, int size) {}

  /** A data packet goes to the NHS {@code nhs} because no shortcut to its destination is usable yet. */
  default void dataViaNhs(TunnelInterface tunnel, Ipv4Address nhs) {}

  /** A data packet that arrived on this tunnel is forwarded out of it again (the hub between two spokes). */
  default void forwardedWithinTunnel(TunnelInterface tunnel) {}
}
