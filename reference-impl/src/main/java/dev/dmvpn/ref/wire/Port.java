package dev.dmvpn.ref.wire;

import dev.dmvpn.ref.l2l3.MacAddress;
import java.util.function.Consumer;

/**
 * An Ethernet port a node sits on, whatever the wire: a {@code VirtualPort} on an in-process segment, or a real
 * NIC through {@link NicPortAdapter}. Frames are whole Ethernet frames from the destination MAC, without FCS.
 *
 * <p>Like a promiscuous NIC, a port may hand its receiver frames addressed to other MACs (a segment floods
 * unknown unicast, a capture sees everything): consumers filter on the destination MAC themselves. A port never
 * hands back the frames it sent itself.
 *
 * <p>Frames given to {@link #send} and to the receiver must not be mutated afterwards (they are passed on
 * without copying).
 */
public interface Port extends AutoCloseable {

  /** A name for logs and captures, e.g. {@code sv9-4/Fa0/0} or {@code dmvh0a1b2ca}. */
  String name();

  /** The MAC address this port's owner uses as source (and accepts as destination). */
  MacAddress mac();

  /**
   * Transmits one Ethernet frame. Never blocks on delivery: a virtual segment schedules it, a NIC injects it.
   *
   * @throws IllegalStateException when the port is closed
   */
  void send(byte[] ethernetFrame);

  /**
   * Installs the receiver of every later frame ({@code null} discards frames). On a virtual segment it runs as a
   * task of the segment's scheduler; on a NIC adapter, on the executor the adapter was given.
   */
  void onReceive(Consumer<byte[]> receiver);

  /** Detaches the port from its wire. Idempotent. */
  @Override
  void close();
}
