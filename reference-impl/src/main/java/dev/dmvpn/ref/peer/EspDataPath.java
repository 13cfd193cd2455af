package dev.dmvpn.ref.peer;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.ipsec.EspDataPlane;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.ipsec.IpsecSaDatabase;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.time.Clock;
import dev.dmvpn.ref.wire.ip.HostStack;
import java.util.function.Consumer;

/**
 * The {@link EspDataPlane} of one {@link HostStack}, keyed by IKE's {@link ChildSa}: installs the pairs Quick Mode
 * negotiated into the shared SA database, sends plain ESP (IP protocol 50, outer TTL 64) or ESP-in-UDP through the
 * host, and hands what authenticated inbound ESP carried to the {@link Receiver}. The same data plane (SA database,
 * ESP processing, mode framing in {@link dev.dmvpn.ref.ipsec.GreInEsp}) serves the DMVPN node's tunnel protection.
 *
 * <p>Not thread-safe: call it on the host's scheduler thread.
 */
public final class EspDataPath {
  /** TTL of the outer header of plain ESP packets we originate. */
  private static final int OUTER_TTL = 64;

  /** Receives what an authenticated inbound ESP packet carried. */
  @FunctionalInterface
  public interface Receiver {
    /**
     * @param peer the address the packet came from
     * @param child the SA pair it belongs to
     * @param nextHeader ESP Next Header: 4 (an IPv4 packet, tunnel mode) or the transport protocol (47 = GRE)
     * @param buffer decrypted bytes; the payload is {@code buffer[offset, offset+length)}
     */
    void onPayload(Ipv4Address peer, ChildSa child, int nextHeader, byte[] buffer, int offset, int length);
  }

  private final HostStack host;
  private final EspDataPlane<ChildSa> plane;

  public EspDataPath(HostStack host, EspProcessor processor, Clock clock) {
    this.host = host;
    this.plane = new EspDataPlane<>(processor, clock, new HostOutput(), ChildSa::isPastSoftVolumeLimit);
  }

  /** The shared data plane underneath (SA database, counters). */
  public EspDataPlane<ChildSa> plane() {
    return plane;
  }

  public void onReceive(Receiver r) {
    plane.onReceive((from, entry, nextHeader, buffer, offset, length) ->
        r.onPayload(from, entry.pair(), nextHeader, buffer, offset, length));
  }

  /**
   * Called with a pair one of whose SAs carried {@link ChildSa#softVolumeLimitBytes()} (after every such packet;
   * {@link dev.dmvpn.ref.ike.IkeManager#volumeSoftLimitReached} is cheap and starts the rekey once).
   */
  public void onSoftVolumeLimit(Consumer<ChildSa> listener) {
    plane.onSoftLimit(listener);
  }

  /** Installs a negotiated pair towards {@code peer}; it becomes the peer's outbound SA. */
  public void install(Ipv4Address peer, ChildSa child) {
    plane.sad().install(peer, child, child.inbound(), child.outbound(), child.udpEncapsulation());
  }

  /** Installs only the inbound SA of a pair (Quick Mode responder after QM2); no-op when it is there already. */
  public void installInbound(Ipv4Address peer, ChildSa child) {
    plane.sad().installInbound(peer, child, child.inbound());
  }

  /** Removes a pair (expired or deleted); the peer falls back to its next newest pair, if any. */
  public void remove(ChildSa child) {
    plane.sad().remove(child);
  }

  /** The encapsulation mode of the outbound SA towards {@code peer}, or null when there is none. */
  public EspMode outboundMode(Ipv4Address peer) {
    return plane.outboundMode(peer);
  }

  /** The outbound SA towards {@code peer} (for its counters), or null. */
  public EspSa outboundSa(Ipv4Address peer) {
    IpsecSaDatabase.Entry<ChildSa> e = plane.sad().outbound(peer);
    return e == null ? null : e.outbound();
  }

  /** The inbound SA with our {@code spi} (for its counters), or null. */
  public EspSa inboundSa(int spi) {
    IpsecSaDatabase.Entry<ChildSa> e = plane.sad().inbound(spi);
    return e == null ? null : e.inbound();
  }

  /**
   * Protects {@code payload} with the outbound SA towards {@code peer} and sends it.
   *
   * @return false when there is no SA towards the peer (nothing sent) or the host has no route
   */
  public boolean send(Ipv4Address peer, int nextHeader, byte[] payload) {
    return plane.send(peer, nextHeader, payload, 0) == EspDataPlane.SendResult.SENT;
  }

  /** Frames {@code gre} for the outbound SA's mode (tunnel: inner header us -> peer, TTL 64) and sends it. */
  public boolean sendGre(Ipv4Address peer, byte[] gre) {
    return plane.sendGre(host.address(), peer, gre, 0, OUTER_TTL, host.nextIdentification())
        == EspDataPlane.SendResult.SENT;
  }

  /** Handles one received ESP packet (SPI first), from IP protocol 50 or from a UDP datagram. */
  public void receive(Ipv4Address from, byte[] esp, int offset, int length) {
    plane.receive(from, esp, offset, length);
  }

  /** Inbound packets authenticated and handed on. */
  public long delivered() {
    return plane.delivered();
  }

  /** Inbound packets of a known SA refused (ICV, replay, padding, expiry: see the SA's counters). */
  public long dropped() {
    return plane.dropped();
  }

  /** Inbound packets whose SPI names no installed SA. */
  public long unknownSpi() {
    return plane.unknownSpi();
  }

  /** Outbound packets protected and sent. */
  public long sent() {
    return plane.sent();
  }

  /** Outbound packets not sent for want of an SA. */
  public long noSa() {
    return plane.noSa();
  }

  /** Plain ESP from the host's address for the peer, or UDP through the host's stack. */
  private final class HostOutput implements EspDataPlane.Output {
    @Override
    public boolean sendEsp(Ipv4Address peer, int tos, byte[] esp) {
      return host.send(Ipv4Packet.of(IpProtocol.ESP, host.iface().sourceFor(peer), peer, tos, OUTER_TTL,
          host.nextIdentification(), false, esp));
    }

    @Override
    public boolean sendUdp(int localPort, Ipv4Address peer, int remotePort, int tos, byte[] esp) {
      return host.sendUdp(localPort, peer, remotePort, esp);
    }
  }
}
