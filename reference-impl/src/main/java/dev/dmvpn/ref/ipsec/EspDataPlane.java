package dev.dmvpn.ref.ipsec;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.time.Clock;
import java.util.function.Consumer;

/**
 * The ESP data plane of one IPsec endpoint, shared by the DMVPN node's {@code tunnel protection} and the
 * stand-alone IPsec host: an {@link IpsecSaDatabase}, an {@link EspProcessor}, and the outer transport (plain ESP,
 * IP protocol 50, or ESP-in-UDP when the pair is UDP-encapsulated, RFC 3948). Outbound: protect with the peer's
 * current outbound SA, optionally framing GRE for the SA's mode ({@link GreInEsp}). Inbound: SPI lookup, source
 * check, then {@link EspProcessor#open} (ICV, replay, padding); what fails is reported to the drop listener with
 * a reason and never delivered. An SA that carried 90 % of its kilobyte lifetime is reported to the soft-limit
 * listener after every packet so IKE rekeys before the volume runs out.
 *
 * <p>Not thread-safe: one thread (the endpoint's scheduler) does everything.
 *
 * @param <P> the pair handle (IKE's {@code ChildSa}); {@link #softLimit} decides when a pair nears its volume
 */
public final class EspDataPlane<P> {
  /** Where protected packets leave. */
  public interface Output {
    /** An ESP packet (SPI..ICV) to send as IP protocol 50 to {@code peer}. */
    boolean sendEsp(Ipv4Address peer, int tos, byte[] esp);

    /** An ESP packet to send inside UDP from {@code localPort} to {@code peer:remotePort} (no marker). */
    boolean sendUdp(int localPort, Ipv4Address peer, int remotePort, int tos, byte[] esp);
  }

  /** Receives what an authenticated inbound ESP packet carried. */
  @FunctionalInterface
  public interface Receiver<P> {
    /**
     * @param from the outer source address (the SA's peer)
     * @param entry the pair the packet arrived on (its mode tells how to read the payload)
     * @param nextHeader ESP next header
     * @param buffer decrypted bytes; the payload is {@code buffer[offset, offset+length)}
     */
    void onPayload(Ipv4Address from, IpsecSaDatabase.Entry<P> entry, int nextHeader, byte[] buffer, int offset,
        int length);
  }

  /** Told about every packet refused, with a short reason and details naming the packet. */
  @FunctionalInterface
  public interface DropListener {
    void dropped(String reason, String detail);
  }

  /** Whether a pair's SA has carried enough bytes to rekey (90 % of its kilobyte lifetime). */
  @FunctionalInterface
  public interface SoftLimit<P> {
    boolean reached(P pair, long bytes);
  }

  /** How {@link #send} went. */
  public enum SendResult {
    /** Protected and handed to the output. */
    SENT,
    /** No usable outbound SA towards the peer: nothing sent. */
    NO_SA,
    /** Protected, but the output could not send it (no route, ...). */
    NOT_SENT
  }

  private final IpsecSaDatabase<P> sad;
  private final EspProcessor processor;
  private final Output output;
  private final SoftLimit<P> softLimit;
  private Receiver<P> receiver = (from, entry, nextHeader, buffer, offset, length) -> {};
  private DropListener drops = (reason, detail) -> {};
  private Consumer<P> softLimitReached = pair -> {};
  private long delivered;
  private long dropped;
  private long unknownSpi;
  private long sent;
  private long noSa;

  public EspDataPlane(EspProcessor processor, Clock clock, Output output, SoftLimit<P> softLimit) {
    this.sad = new IpsecSaDatabase<>(clock);
    this.processor = processor;
    this.output = output;
    this.softLimit = softLimit;
  }

  public IpsecSaDatabase<P> sad() {
    return sad;
  }

  public void onReceive(Receiver<P> r) {
    this.receiver = r;
  }

  public void onDrop(DropListener l) {
    this.drops = l;
  }

  /** Called with a pair one of whose SAs reached its soft volume limit (after every such packet). */
  public void onSoftLimit(Consumer<P> l) {
    this.softLimitReached = l;
  }

  /** The mode of the outbound SA towards {@code peer}, or null when there is none. */
  public EspMode outboundMode(Ipv4Address peer) {
    IpsecSaDatabase.Entry<P> e = sad.outbound(peer);
    return e == null ? null : e.mode();
  }

  /**
   * Frames {@code gre} for the mode of the outbound SA towards {@code peer} (tunnel mode: inner header {@code local
   * -> peer} with {@code tos}, {@code innerTtl}, {@code identification}) and sends it.
   */
  public SendResult sendGre(Ipv4Address local, Ipv4Address peer, byte[] gre, int tos, int innerTtl,
      int identification) {
    IpsecSaDatabase.Entry<P> e = sad.outbound(peer);
    if (e == null) {
      noSa++;
      return SendResult.NO_SA;
    }
    GreInEsp.Framed f = GreInEsp.frame(e.mode(), local, peer, gre, tos, innerTtl, identification);
    return protectAndSend(e, peer, f.nextHeader(), f.payload(), tos);
  }

  /** Protects {@code payload} (already framed for the SA's mode) with the outbound SA towards {@code peer}. */
  public SendResult send(Ipv4Address peer, int nextHeader, byte[] payload, int tos) {
    IpsecSaDatabase.Entry<P> e = sad.outbound(peer);
    if (e == null) {
      noSa++;
      return SendResult.NO_SA;
    }
    return protectAndSend(e, peer, nextHeader, payload, tos);
  }

  private SendResult protectAndSend(IpsecSaDatabase.Entry<P> e, Ipv4Address peer, int nextHeader, byte[] payload,
      int tos) {
    byte[] esp = processor.protect(e.outbound(), nextHeader, payload);
    UdpEncapsulation udp = e.udp();
    boolean ok = udp == null ? output.sendEsp(peer, tos, esp)
        : output.sendUdp(udp.localPort(), peer, udp.remotePort(), tos, esp);
    if (ok) {
      sent++;
    }
    if (softLimit.reached(e.pair(), e.outbound().bytes())) {
      softLimitReached.accept(e.pair());
    }
    return ok ? SendResult.SENT : SendResult.NOT_SENT;
  }

  /** Handles one received ESP packet {@code esp[off, off+len)} from {@code from} (protocol 50 or UDP 4500). */
  public void receive(Ipv4Address from, byte[] esp, int off, int len) {
    if (len < 8) {
      unknownSpi++;
      drops.dropped("ipsec: ESP too short", len + " bytes from " + from);
      return;
    }
    int spi = ((esp[off] & 0xFF) << 24) | ((esp[off + 1] & 0xFF) << 16) | ((esp[off + 2] & 0xFF) << 8)
        | (esp[off + 3] & 0xFF);
    IpsecSaDatabase.Entry<P> e = sad.inbound(spi);
    if (e == null || !e.peer().equals(from)) {
      unknownSpi++;
      drops.dropped("ipsec: no SA for SPI", "ESP SPI 0x" + Integer.toHexString(spi) + " from " + from);
      return;
    }
    EspOpenResult r = processor.open(e.inbound(), esp, off, len);
    if (!r.isDelivered()) {
      dropped++;
      drops.dropped("ipsec: " + r.dropReason(), "ESP from " + from + " SPI 0x" + Integer.toHexString(spi));
      return;
    }
    delivered++;
    if (softLimit.reached(e.pair(), e.inbound().bytes())) {
      softLimitReached.accept(e.pair());
    }
    receiver.onPayload(from, e, r.nextHeader(), r.buffer(), r.payloadOffset(), r.payloadLength());
  }

  /** Inbound packets authenticated and handed on. */
  public long delivered() {
    return delivered;
  }

  /** Inbound packets of a known SA refused (ICV, replay, padding, expiry: see the SA's counters). */
  public long dropped() {
    return dropped;
  }

  /** Inbound packets whose SPI names no installed SA (or an SA of another peer), or too short for an SPI. */
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
}
