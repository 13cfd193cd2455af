package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.ipsec.EspSaParameters;
import dev.dmvpn.ref.ipsec.UdpEncapsulation;
import dev.dmvpn.ref.time.Scheduler;

/**
 * One IPsec SA pair negotiated by Quick Mode: the inbound SA (our SPI, the peer protects with it) and the
 * outbound SA (the peer's SPI). Immutable apart from the life-cycle state the manager moves on.
 */
public final class ChildSa {
  /** Life cycle of the pair. */
  public enum State {
    /** Carrying traffic; waiting for the soft lifetime (rekey) or hard lifetime (expiry). */
    INSTALLED,
    /** A newer pair replaced it for outbound traffic; kept for inbound packets until the hard lifetime. */
    REKEYED,
    /** Expired or deleted: remove it from the data plane. */
    DELETED
  }

  private final EspSaParameters inbound;
  private final EspSaParameters outbound;
  private final boolean initiator;
  private final long createdNanos;
  private final UdpEncapsulation udpEncapsulation;
  private final long softVolumeBytes;
  private State state = State.INSTALLED;
  Scheduler.Timer rekeyTimer;
  Scheduler.Timer expiryTimer;
  /** The ISAKMP SA whose Quick Mode made the pair (set when it is installed). */
  IkeSa owner;
  /** True once the soft volume limit started a rekey of this pair (it is started once only). */
  boolean volumeRekeyStarted;

  ChildSa(EspSaParameters inbound, EspSaParameters outbound, boolean initiator, long createdNanos) {
    this(inbound, outbound, initiator, createdNanos, null);
  }

  ChildSa(EspSaParameters inbound, EspSaParameters outbound, boolean initiator, long createdNanos,
      UdpEncapsulation udpEncapsulation) {
    this.inbound = inbound;
    this.outbound = outbound;
    this.initiator = initiator;
    this.createdNanos = createdNanos;
    this.udpEncapsulation = udpEncapsulation;
    this.softVolumeBytes = softVolumeLimit(inbound.lifetimeKilobytes(), initiator);
  }

  /**
   * Bytes after which an SA with a kilobyte lifetime of {@code kilobytes} is rekeyed: 90 % of the volume for the
   * side that ran Quick Mode as initiator (Cisco: a new SA is negotiated when "approximately 10% of the lifetime in
   * bytes remain"; strongSwan's swanctl.conf default {@code life_bytes} = {@code rekey_bytes} + 10 %), 95 % for the
   * responder. Both sides count the same bytes, so the responder acts only when the initiator's rekey did not
   * come (lost traffic, a peer that does not rekey on volume): two rekeys at once would make two new pairs, as
   * the time-based rule (initiator only) avoids too. 0 for no limit.
   */
  public static long softVolumeLimit(long kilobytes, boolean initiator) {
    return kilobytes <= 0 ? 0 : kilobytes * 1024 / 100 * (initiator ? 90 : 95);
  }

  /**
   * Payload bytes (as {@link dev.dmvpn.ref.ipsec.EspSa#bytes()} counts them) after which either SA of this pair
   * is due for a rekey ({@link #softVolumeLimit}); 0 when the pair has no kilobyte lifetime. Data planes compare
   * after each packet and call {@link IkeManager#volumeSoftLimitReached} once it is reached.
   */
  public long softVolumeLimitBytes() {
    return softVolumeBytes;
  }

  /** True when {@code bytes} carried by one of this pair's SAs reached {@link #softVolumeLimitBytes()}. */
  public boolean isPastSoftVolumeLimit(long bytes) {
    return softVolumeBytes > 0 && bytes >= softVolumeBytes;
  }

  /**
   * How ESP of this pair travels in UDP (RFC 3948; the ports as of Quick Mode), or null for plain ESP (IP protocol
   * 50). When present, send {@link UdpEncapsulation#wrap} datagrams to the peer's address (SPI first, no marker).
   */
  public UdpEncapsulation udpEncapsulation() {
    return udpEncapsulation;
  }

  /** True when ESP of this pair goes inside UDP (negotiated mode 3/4 or 61443/61444). */
  public boolean isUdpEncapsulated() {
    return udpEncapsulation != null;
  }

  /** The SA the peer protects with and we open (its SPI is the one we chose). */
  public EspSaParameters inbound() {
    return inbound;
  }

  /** The SA we protect with (its SPI is the one the peer chose). */
  public EspSaParameters outbound() {
    return outbound;
  }

  /** True when we ran Quick Mode as initiator (and so we rekey it). */
  public boolean isInitiator() {
    return initiator;
  }

  public long createdNanos() {
    return createdNanos;
  }

  public State state() {
    return state;
  }

  void state(State s) {
    this.state = s;
  }

  void cancelTimers() {
    if (rekeyTimer != null) {
      rekeyTimer.cancel();
    }
    if (expiryTimer != null) {
      expiryTimer.cancel();
    }
  }

  @Override
  public String toString() {
    return "ChildSa[in spi 0x" + Integer.toHexString(inbound.spi()) + ", out spi 0x"
        + Integer.toHexString(outbound.spi()) + (udpEncapsulation == null ? "" : ", UDP "
        + udpEncapsulation.localPort() + "->" + udpEncapsulation.remotePort()) + ", " + state + "]";
  }
}
