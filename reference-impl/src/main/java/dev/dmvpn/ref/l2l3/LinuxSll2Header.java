package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteContent;
import dev.dmvpn.ref.bytes.Hex;
import java.util.Arrays;

/**
 * The 20-byte Linux "cooked" capture header, version 2 (LINKTYPE_LINUX_SLL2 = 276, libpcap 1.10+ with
 * {@code tcpdump -i any}): version 1's fields reordered, plus the interface index.
 *
 * <pre>
 * | Protocol type (2) | Reserved (2) | Interface index (4) | ARPHRD_ type (2) | Packet type (1) |
 * | Link-layer address length (1) | Link-layer address (8) |
 * </pre>
 *
 * @param protocol the protocol type (EtherType)
 * @param reserved the reserved field (MBZ), kept for a byte-exact re-encode
 * @param interfaceIndex the capturing interface's index
 * @param hardwareType the ARPHRD_ type of the capturing interface
 * @param packetType where the packet went relative to the capturing host
 * @param addressLength the link-layer address length field (may exceed 8; only 8 bytes are stored)
 * @param address the whole 8-byte address field; must not be mutated
 * @see <a href="https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html">LINKTYPE_LINUX_SLL2</a>
 */
public record LinuxSll2Header(
    EtherType protocol, int reserved, long interfaceIndex, HardwareType hardwareType, SllPacketType packetType,
    int addressLength, byte[] address) {

  public static final int LENGTH = 20;

  public LinuxSll2Header {
    if (address.length != LinuxSllHeader.ADDRESS_FIELD_LENGTH) {
      throw new IllegalArgumentException("address field must be 8 bytes, got " + address.length);
    }
  }

  /** The used part of the address field: its first min(addressLength, 8) bytes. */
  public byte[] linkAddress() {
    return Arrays.copyOf(address, Math.min(addressLength, LinuxSllHeader.ADDRESS_FIELD_LENGTH));
  }

  @Override
  public String toString() {
    return "LinuxSll2Header[" + protocol + " if" + interfaceIndex + " " + hardwareType + " " + packetType + " "
        + Hex.of(linkAddress()) + "]";
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof LinuxSll2Header x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {protocol, reserved, interfaceIndex, hardwareType, packetType, addressLength, address};
  }
}
