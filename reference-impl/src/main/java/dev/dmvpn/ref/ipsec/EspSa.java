package dev.dmvpn.ref.ipsec;

import dev.dmvpn.ref.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The live state of one IPsec SA: its cipher and ICV engines (created once, reused per packet), the outbound
 * sequence counter or inbound replay window, traffic counters, drop counters and lifetime accounting.
 *
 * <p>NOT thread-safe: the owner serialises packets of one SA (as the kernel does per SA).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303">RFC 4303</a>
 */
public final class EspSa {
  /** The highest 32-bit sequence number; after it the SA must be rekeyed (RFC 4303 section 3.3.3, no ESN). */
  public static final long MAX_SEQUENCE = 0xFFFF_FFFFL;

  private final EspSaParameters parameters;
  private final Clock clock;
  private final long createdNanos;
  private final EspCipher cipher;
  private final EspIcv icv;
  private final ReplayWindow replayWindow = new ReplayWindow();
  private final Map<EspDropReason, Long> drops = new EnumMap<>(EspDropReason.class);
  private long lastSequence; // outbound: last sequence number sent (first packet gets 1)
  private long packets;
  private long bytes;

  public EspSa(EspSaParameters parameters, Clock clock) {
    this.parameters = parameters;
    this.clock = clock;
    this.createdNanos = clock.nanoTime();
    this.cipher = EspCipher.create(parameters.encryption(), parameters.encryptionKey());
    this.icv = EspIcv.create(parameters.integrity(), parameters.integrityKey());
  }

  public EspSaParameters parameters() {
    return parameters;
  }

  public int spi() {
    return parameters.spi();
  }

  /** Packets protected (outbound) or delivered (inbound). */
  public long packets() {
    return packets;
  }

  /** Payload bytes protected or delivered (what the kilobyte lifetime counts). */
  public long bytes() {
    return bytes;
  }

  /** How many packets were dropped for {@code reason}. */
  public long drops(EspDropReason reason) {
    return drops.getOrDefault(reason, 0L);
  }

  /** Outbound: the sequence number of the last packet sent; inbound: the highest authenticated one. */
  public long lastSequenceNumber() {
    return parameters.direction() == EspDirection.OUTBOUND ? lastSequence : replayWindow.highest();
  }

  /** Seconds since the SA was installed, from the injected clock. */
  public long ageSeconds() {
    return (clock.nanoTime() - createdNanos) / 1_000_000_000L;
  }

  /** True once the time or byte lifetime is used up, or (outbound) the sequence numbers are. */
  public boolean isExpired() {
    long secs = parameters.lifetimeSeconds();
    long kb = parameters.lifetimeKilobytes();
    return (secs > 0 && clock.nanoTime() - createdNanos >= secs * 1_000_000_000L)
        || (kb > 0 && bytes >= kb * 1024)
        || lastSequence >= MAX_SEQUENCE;
  }

  EspCipher cipher() {
    return cipher;
  }

  EspIcv icv() {
    return icv;
  }

  ReplayWindow replayWindow() {
    return replayWindow;
  }

  long nextSequenceNumber() {
    if (parameters.direction() != EspDirection.OUTBOUND) {
      throw new IllegalStateException("SA 0x" + Integer.toHexString(spi()) + " is inbound: cannot protect");
    }
    if (isExpired()) {
      throw new IllegalStateException("SA 0x" + Integer.toHexString(spi()) + " expired: rekey before sending");
    }
    return ++lastSequence;
  }

  void countTraffic(int payloadBytes) {
    packets++;
    bytes += payloadBytes;
  }

  EspDropReason countDrop(EspDropReason reason) {
    drops.merge(reason, 1L, Long::sum);
    return reason;
  }

  @Override
  public String toString() {
    return "EspSa[" + parameters + ", packets=" + packets + ", bytes=" + bytes + ", drops=" + drops + "]";
  }
}
