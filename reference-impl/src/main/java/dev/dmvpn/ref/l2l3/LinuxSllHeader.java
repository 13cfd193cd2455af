package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteContent;
import dev.dmvpn.ref.bytes.Hex;
import java.util.Arrays;

/**
 * The 16-byte Linux "cooked" capture header, version 1 (LINKTYPE_LINUX_SLL = 113), which `tcpdump -i any`
 * puts in place of the link-layer header. The payload follows directly.
 *
 * <pre>
 * +---------------------------+
 * |         Packet type       |  2 octets
 * +---------------------------+
 * |        ARPHRD_ type       |  2 octets
 * +---------------------------+
 * | Link-layer address length |  2 octets
 * +---------------------------+
 * |    Link-layer address     |  8 octets (first "length" bytes used)
 * +---------------------------+
 * |        Protocol type      |  2 octets (EtherType, or GRE protocol type for ARPHRD_IPGRE)
 * +---------------------------+
 * </pre>
 *
 * @param packetType where the packet went relative to the capturing host
 * @param hardwareType the ARPHRD_ type of the capturing interface
 * @param addressLength the link-layer address length field (may exceed 8; only 8 bytes are stored)
 * @param address the whole 8-byte address field, including any bytes beyond {@code addressLength}; must not
 *     be mutated
 * @param protocol the protocol type
 * @see <a href="https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html">LINKTYPE_LINUX_SLL</a>
 */
public record LinuxSllHeader(
    SllPacketType packetType, HardwareType hardwareType, int addressLength, byte[] address, EtherType protocol) {

  public static final int LENGTH = 16;
  public static final int ADDRESS_FIELD_LENGTH = 8;

  public LinuxSllHeader {
    if (address.length != ADDRESS_FIELD_LENGTH) {
      throw new IllegalArgumentException("address field must be 8 bytes, got " + address.length);
    }
  }

  /** The used part of the address field: its first min(addressLength, 8) bytes. */
  public byte[] linkAddress() {
    return Arrays.copyOf(address, Math.min(addressLength, ADDRESS_FIELD_LENGTH));
  }

  /** The address as a MAC when it is 6 bytes long (Ethernet interfaces), otherwise null. */
  public MacAddress macAddress() {
    return addressLength == 6 ? MacAddress.of(address, 0) : null;
  }

  @Override
  public String toString() {
    return "LinuxSllHeader[" + packetType + " " + hardwareType + " " + (addressLength == 6 ? macAddress()
        : Hex.of(linkAddress())) + " " + protocol + "]";
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof LinuxSllHeader x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {packetType, hardwareType, addressLength, address, protocol};
  }
}
