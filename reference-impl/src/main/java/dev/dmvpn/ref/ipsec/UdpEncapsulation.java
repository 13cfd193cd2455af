package dev.dmvpn.ref.ipsec;

import java.util.Arrays;

/**
 * UDP encapsulation of an IPsec SA pair (RFC 3948): ESP travels directly in UDP between these ports, SPI first,
 * with no non-ESP marker (that marker, four zero bytes, is what tells IKE messages on the same port apart):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Source Port            |      Destination Port         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Length              |    Checksum (0, see below)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      ESP header [RFC 4303] (SPI non-zero) ... |
 * </pre>
 *
 * The UDP checksum is sent as zero (RFC 3948 section 2.1: "SHOULD be transmitted as a zero value") and ignored
 * on receipt; ESP's ICV protects the contents. The remote port is the one the peer's IKE messages on 4500 came
 * from, which behind a NAT is the NAT's mapped port, not 4500.
 *
 * @param localPort our UDP port (4500)
 * @param remotePort the peer's UDP port as we see it (4500, or the NAT's mapping)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3948#section-2.1">RFC 3948 section 2.1</a>
 */
public record UdpEncapsulation(int localPort, int remotePort) {
  /** The IKE/ESP NAT-traversal port (RFC 3947 section 4). */
  public static final int NAT_T_PORT = 4500;
  /** Length of the UDP header in front of the ESP packet. */
  public static final int UDP_HEADER_LENGTH = 8;

  public UdpEncapsulation {
    if (localPort <= 0 || localPort > 0xFFFF || remotePort <= 0 || remotePort > 0xFFFF) {
      throw new IllegalArgumentException("ports must be 1..65535: " + localPort + ", " + remotePort);
    }
  }

  /** The UDP datagram (header + ESP) that carries {@code esp} from our port to the peer's, checksum 0. */
  public byte[] wrap(byte[] esp) {
    return wrap(esp, 0, esp.length);
  }

  /** {@link #wrap(byte[])} for {@code esp[off, off+len)}. */
  public byte[] wrap(byte[] esp, int off, int len) {
    int total = UDP_HEADER_LENGTH + len;
    if (total > 0xFFFF) {
      throw new IllegalArgumentException("ESP packet of " + len + " bytes does not fit a UDP datagram");
    }
    byte[] out = new byte[total];
    out[0] = (byte) (localPort >>> 8);
    out[1] = (byte) localPort;
    out[2] = (byte) (remotePort >>> 8);
    out[3] = (byte) remotePort;
    out[4] = (byte) (total >>> 8);
    out[5] = (byte) total;
    System.arraycopy(esp, off, out, UDP_HEADER_LENGTH, len);
    return out;
  }

  /**
   * True when a UDP/4500 payload is an ESP packet: at least 8 bytes (SPI + sequence number) and a non-zero
   * first word. A one-byte 0xFF is a NAT-keepalive, a zero first word the non-ESP marker of an IKE message.
   */
  public static boolean carriesEsp(byte[] udpPayload, int off, int len) {
    if (len < 8) {
      return false;
    }
    return (udpPayload[off] | udpPayload[off + 1] | udpPayload[off + 2] | udpPayload[off + 3]) != 0;
  }

  /**
   * The ESP packet inside a whole UDP datagram (header included), or null when the datagram is too short, its
   * Length field disagrees with the bytes, or its payload is a keepalive or an IKE message.
   */
  public static byte[] unwrap(byte[] udpDatagram) {
    if (udpDatagram.length < UDP_HEADER_LENGTH) {
      return null;
    }
    int length = ((udpDatagram[4] & 0xFF) << 8) | (udpDatagram[5] & 0xFF);
    if (length < UDP_HEADER_LENGTH || length > udpDatagram.length) {
      return null;
    }
    int payloadLength = length - UDP_HEADER_LENGTH;
    if (!carriesEsp(udpDatagram, UDP_HEADER_LENGTH, payloadLength)) {
      return null;
    }
    return Arrays.copyOfRange(udpDatagram, UDP_HEADER_LENGTH, length);
  }
}
