package dev.dmvpn.ref.capture;

/**
 * One frame as stored in a capture file, before any protocol decoding.
 *
 * @param interfaceIndex pcapng interface id (0 for classic pcap)
 * @param linkType link-layer type of the interface the frame was captured on
 * @param timestampNanos capture time, nanoseconds since the Unix epoch
 * @param originalLength length of the frame on the wire (may exceed {@code data.length} when snapped)
 * @param data the captured bytes
 */
public record CapturedFrame(
    int interfaceIndex, LinkType linkType, long timestampNanos, int originalLength, byte[] data) {

  /** True when the capture kept fewer bytes than were on the wire (snaplen). */
  public boolean truncated() {
    return originalLength > data.length;
  }
}
