package dev.dmvpn.ref.wire;

import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.MacAddress;

/**
 * Builds untagged Ethernet frames padded to the 60-byte minimum (as an Ethernet NIC pads on transmit; IOS frames
 * in the captures are padded too), and reads the MAC header fields of raw frames without decoding them.
 */
public final class EthernetFrames {
  /** Minimum Ethernet frame length without the 4-byte FCS. */
  public static final int MIN_LENGTH = 60;

  public static final int HEADER_LENGTH = 14;

  private EthernetFrames() {}

  /** dst, src, EtherType, payload, then zero padding up to {@link #MIN_LENGTH}. */
  public static byte[] build(MacAddress dst, MacAddress src, EtherType type, byte[] payload) {
    int length = Math.max(MIN_LENGTH, HEADER_LENGTH + payload.length);
    ByteWriter w = new ByteWriter(length);
    dst.write(w);
    src.write(w);
    w.u16(type.value()).bytes(payload);
    w.zeros(length - w.position());
    return w.toByteArray();
  }

  /** The destination MAC of a frame of at least 6 bytes. */
  public static MacAddress destination(byte[] frame) {
    return MacAddress.of(frame, 0);
  }

  /** The source MAC of a frame of at least 12 bytes. */
  public static MacAddress source(byte[] frame) {
    return MacAddress.of(frame, 6);
  }

  /** True when the frame is at least a MAC header long. */
  public static boolean hasHeader(byte[] frame) {
    return frame.length >= HEADER_LENGTH;
  }
}
