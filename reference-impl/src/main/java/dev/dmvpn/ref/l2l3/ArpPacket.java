package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteContent;
import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * An ARP packet (RFC 826). Addresses are kept as raw bytes so that any hardware/protocol pair survives a round
 * trip; typed accessors serve the Ethernet/IPv4 case. Arrays are stored as given and must not be mutated.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Hardware Type (ar$hrd)   |     Protocol Type (ar$pro)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | HLen (ar$hln) | PLen (ar$pln) |        Operation (ar$op)      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Sender hardware address (HLen) | Sender protocol address (PLen)|
 * | Target hardware address (HLen) | Target protocol address (PLen)|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc826">RFC 826 "Packet format"</a>
 */
public record ArpPacket(
    HardwareType hardwareType,
    EtherType protocolType,
    ArpOperation operation,
    byte[] senderHardwareAddress,
    byte[] senderProtocolAddress,
    byte[] targetHardwareAddress,
    byte[] targetProtocolAddress) {

  /** Fixed part before the addresses. */
  public static final int FIXED_LENGTH = 8;

  public ArpPacket {
    if (senderHardwareAddress.length != targetHardwareAddress.length
        || senderProtocolAddress.length != targetProtocolAddress.length) {
      throw new IllegalArgumentException("sender and target addresses differ in length");
    }
    if (senderHardwareAddress.length > 255 || senderProtocolAddress.length > 255) {
      throw new IllegalArgumentException("ARP address lengths must fit one byte");
    }
  }

  /** An Ethernet/IPv4 ARP packet. */
  public static ArpPacket ethernetIpv4(
      ArpOperation op, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp) {
    return new ArpPacket(HardwareType.ETHERNET, EtherType.IPV4, op, senderMac.toBytes(), senderIp.toBytes(),
        targetMac.toBytes(), targetIp.toBytes());
  }

  public int hardwareLength() {
    return senderHardwareAddress.length;
  }

  public int protocolLength() {
    return senderProtocolAddress.length;
  }

  /** Total encoded length (no padding). */
  public int length() {
    return FIXED_LENGTH + 2 * (hardwareLength() + protocolLength());
  }

  /** True for hardware type Ethernet with 6-byte addresses and protocol IPv4 with 4-byte addresses. */
  public boolean isEthernetIpv4() {
    return hardwareType.value() == HardwareType.ETHERNET.value()
        && protocolType.value() == EtherType.IPV4.value()
        && hardwareLength() == 6
        && protocolLength() == 4;
  }

  public MacAddress senderMac() {
    requireEthernetIpv4();
    return MacAddress.of(senderHardwareAddress);
  }

  public Ipv4Address senderIp() {
    requireEthernetIpv4();
    return Ipv4Address.fromBytes(senderProtocolAddress);
  }

  public MacAddress targetMac() {
    requireEthernetIpv4();
    return MacAddress.of(targetHardwareAddress);
  }

  public Ipv4Address targetIp() {
    requireEthernetIpv4();
    return Ipv4Address.fromBytes(targetProtocolAddress);
  }

  private void requireEthernetIpv4() {
    if (!isEthernetIpv4()) {
      throw new IllegalStateException("not Ethernet/IPv4 ARP: " + hardwareType + "/" + protocolType);
    }
  }

  @Override
  public String toString() {
    if (isEthernetIpv4()) {
      return "ArpPacket[" + operation + " " + senderMac() + " " + senderIp() + " -> " + targetMac() + " "
          + targetIp() + "]";
    }
    return "ArpPacket[" + operation + " " + hardwareType + "/" + protocolType + "]";
  }

  /** Equality by content: byte arrays compare by their bytes ({@link ByteContent}). */
  @Override
  public boolean equals(Object o) {
    return o instanceof ArpPacket x && ByteContent.equal(contentParts(), x.contentParts());
  }

  @Override
  public int hashCode() {
    return ByteContent.hash(contentParts());
  }

  private Object[] contentParts() {
    return new Object[] {hardwareType, protocolType, operation, senderHardwareAddress, senderProtocolAddress,
        targetHardwareAddress, targetProtocolAddress};
  }
}
