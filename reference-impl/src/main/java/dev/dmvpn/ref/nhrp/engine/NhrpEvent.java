package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.time.Instant;

/**
 * One thing the engine did, for expected-sequence checks and IOS-style debug output.
 *
 * @param at wall-clock time from the engine's {@link dev.dmvpn.ref.time.Clock}
 * @param nanos the clock's monotonic time, for intervals (retry spacing)
 * @param type what happened
 * @param nbma the NBMA peer concerned, or {@code null}
 * @param protocol the protocol address or prefix address concerned, or {@code null}
 * @param requestId the NHRP request ID concerned, or -1
 * @param detail free text (reason, code, prefix), never null
 */
public record NhrpEvent(
    Instant at,
    long nanos,
    NhrpEventType type,
    Ipv4Address nbma,
    Ipv4Address protocol,
    long requestId,
    String detail) {

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(64).append(at).append(' ').append(type.label());
    if (protocol != null) {
      sb.append(" proto ").append(protocol);
    }
    if (nbma != null) {
      sb.append(" nbma ").append(nbma);
    }
    if (requestId >= 0) {
      sb.append(" id ").append(requestId);
    }
    if (!detail.isEmpty()) {
      sb.append(' ').append(detail);
    }
    return sb.toString();
  }
}
