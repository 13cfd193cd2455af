package dev.dmvpn.ref.peer;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.ipsec.EspOpenResult;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.ipsec.UdpEncapsulation;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.time.Clock;
import dev.dmvpn.ref.wire.ip.HostStack;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ESP data plane of one {@link HostStack}: the IPsec SA pairs Quick Mode installed, inbound SAs found by SPI,
 * one outbound SA per peer (the newest pair wins, so a rekey switches outbound traffic at once while the older
 * inbound SA keeps working until it is deleted). Outbound packets go as plain ESP (IP protocol 50) or inside UDP
 * when the pair is UDP-encapsulated (RFC 3948, {@link ChildSa#udpEncapsulation()}). Inbound packets that fail the
 * ICV, replay or padding checks are counted in their {@link EspSa} and never delivered. An SA that carried 90 % of
 * its kilobyte lifetime is reported through {@link #onSoftVolumeLimit} so IKE rekeys before the volume runs out.
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

  private record Inbound(Ipv4Address peer, ChildSa child, EspSa sa) {}

  private record Outbound(ChildSa child, EspSa sa) {}

  private final HostStack host;
  private final EspProcessor processor;
  private final Clock clock;
  private final Map<Integer, Inbound> inbound = new HashMap<>();
  private final Map<Ipv4Address, Outbound> outbound = new HashMap<>();
  private Receiver receiver = (peer, child, nextHeader, buffer, offset, length) -> {};
  private Consumer<ChildSa> softVolumeLimit = child -> {};
  private long delivered;
  private long dropped;
  private long unknownSpi;
  private long sent;
  private long noSa;

  public EspDataPath(HostStack host, EspProcessor processor, Clock clock) {
    this.host = host;
    this.processor = processor;
    this.clock = clock;
  }

  public void onReceive(Receiver r) {
    this.receiver = r;
  }

  /**
   * Called with a pair one of whose SAs carried {@link ChildSa#softVolumeLimitBytes()} (after every such packet;
   * {@link dev.dmvpn.ref.ike.IkeManager#volumeSoftLimitReached} is cheap and starts the rekey once).
   */
  public void onSoftVolumeLimit(Consumer<ChildSa> listener) {
    this.softVolumeLimit = listener;
  }

  /** Installs a negotiated pair towards {@code peer}; it becomes the peer's outbound SA. */
  public void install(Ipv4Address peer, ChildSa child) {
    installInbound(peer, child);
    outbound.put(peer, new Outbound(child, new EspSa(child.outbound(), clock)));
  }

  /** Installs only the inbound SA of a pair (Quick Mode responder after QM2); no-op when it is there already. */
  public void installInbound(Ipv4Address peer, ChildSa child) {
    inbound.computeIfAbsent(child.inbound().spi(), spi -> new Inbound(peer, child, new EspSa(child.inbound(), clock)));
  }

  /** Removes a pair (expired or deleted); the peer has no outbound SA until another pair is installed. */
  public void remove(ChildSa child) {
    inbound.remove(child.inbound().spi());
    outbound.values().removeIf(o -> o.child() == child);
  }

  /** The encapsulation mode of the outbound SA towards {@code peer}, or null when there is none. */
  public EspMode outboundMode(Ipv4Address peer) {
    Outbound o = outbound.get(peer);
    return o == null ? null : o.sa().parameters().mode();
  }

  /** The outbound SA towards {@code peer} (for its counters), or null. */
  public EspSa outboundSa(Ipv4Address peer) {
    Outbound o = outbound.get(peer);
    return o == null ? null : o.sa();
  }

  /** The inbound SA with our {@code spi} (for its counters), or null. */
  public EspSa inboundSa(int spi) {
    Inbound i = inbound.get(spi);
    return i == null ? null : i.sa();
  }

  /**
   * Protects {@code payload} with the outbound SA towards {@code peer} and sends it.
   *
   * @return false when there is no SA towards the peer (nothing sent) or the host has no route
   */
  public boolean send(Ipv4Address peer, int nextHeader, byte[] payload) {
    Outbound o = outbound.get(peer);
    if (o == null || o.sa().isExpired()) {
      noSa++;
      return false;
    }
    byte[] esp = processor.protect(o.sa(), nextHeader, payload);
    UdpEncapsulation udp = o.child().udpEncapsulation();
    boolean ok = udp != null
        ? host.sendUdp(udp.localPort(), peer, udp.remotePort(), esp)
        : host.send(Ipv4Packet.of(IpProtocol.ESP, host.iface().sourceFor(peer), peer, 0, OUTER_TTL,
            host.nextIdentification(), false, esp));
    if (ok) {
      sent++;
    }
    if (o.child().isPastSoftVolumeLimit(o.sa().bytes())) {
      softVolumeLimit.accept(o.child());
    }
    return ok;
  }

  /** Handles one received ESP packet (SPI first), from IP protocol 50 or from a UDP datagram. */
  public void receive(Ipv4Address from, byte[] esp, int offset, int length) {
    if (length < 8) {
      unknownSpi++;
      return;
    }
    Inbound in = inbound.get(readInt(esp, offset));
    if (in == null) {
      unknownSpi++;
      return;
    }
    EspOpenResult r = processor.open(in.sa(), esp, offset, length);
    if (!r.isDelivered()) {
      dropped++;
      return;
    }
    delivered++;
    if (in.child().isPastSoftVolumeLimit(in.sa().bytes())) {
      softVolumeLimit.accept(in.child());
    }
    receiver.onPayload(from, in.child(), r.nextHeader(), r.buffer(), r.payloadOffset(), r.payloadLength());
  }

  /** Inbound packets authenticated and handed on. */
  public long delivered() {
    return delivered;
  }

  /** Inbound packets of a known SA refused (ICV, replay, padding, expiry: see the SA's counters). */
  public long dropped() {
    return dropped;
  }

  /** Inbound packets whose SPI names no installed SA. */
  public long unknownSpi() {
    return unknownSpi;
  }

  /** Outbound packets protected and sent. */
  public long sent() {
    return sent;
  }

  /** Outbound packets not sent for want of an SA. */
  public long noSa() {
    return noSa;
  }

  private static int readInt(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
  }
}
