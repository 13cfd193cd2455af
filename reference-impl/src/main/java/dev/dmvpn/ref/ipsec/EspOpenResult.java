package dev.dmvpn.ref.ipsec;

import java.util.Arrays;

/**
 * The outcome of {@link EspProcessor#open}: a delivered payload, a payload decrypted without ICV check (capture
 * analysis SAs only), or a drop with its reason. The payload is a window of {@link #buffer()} (no copy); the
 * buffer belongs to the caller from now on.
 *
 * @param status what happened
 * @param dropReason why it was dropped, null otherwise
 * @param sequenceNumber the packet's sequence number (0 when it was too short to have one)
 * @param nextHeader the Next Header trailer byte (4 = IPv4 in tunnel mode, 47 = GRE), -1 when dropped
 * @param buffer decrypted bytes (null when dropped)
 * @param payloadOffset payload start within {@code buffer}
 * @param payloadLength payload length (padding and trailer removed)
 */
public record EspOpenResult(Status status, EspDropReason dropReason, long sequenceNumber, int nextHeader,
    byte[] buffer, int payloadOffset, int payloadLength) {

  /** What happened to the packet. */
  public enum Status {
    /** Authenticated, in the replay window, well padded: safe to hand on. */
    DELIVERED,
    /** Decrypted by an {@link EspIntegrity#UNCHECKED_96} SA: for capture analysis only, never forward. */
    DECRYPTED_UNVERIFIED,
    /** Refused; see {@link #dropReason()}. */
    DROPPED
  }

  static EspOpenResult dropped(EspDropReason reason, long seq) {
    return new EspOpenResult(Status.DROPPED, reason, seq, -1, null, 0, 0);
  }

  /** True only for authenticated packets. */
  public boolean isDelivered() {
    return status == Status.DELIVERED;
  }

  /** A copy of the payload (empty when dropped). */
  public byte[] payload() {
    return buffer == null ? new byte[0] : Arrays.copyOfRange(buffer, payloadOffset, payloadOffset + payloadLength);
  }

  @Override
  public String toString() {
    return status == Status.DROPPED
        ? "EspOpenResult[DROPPED " + dropReason + ", seq " + sequenceNumber + "]"
        : "EspOpenResult[" + status + ", seq " + sequenceNumber + ", next header " + nextHeader + ", "
            + payloadLength + " bytes]";
  }
}
