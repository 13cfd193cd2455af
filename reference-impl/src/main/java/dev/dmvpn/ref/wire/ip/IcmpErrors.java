package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IcmpType;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import java.util.Arrays;

/**
 * ICMP error messages about a packet (RFC 792): the offending packet's header and first 8 payload bytes, and
 * the RFC 1122 section 3.2.2 rules on when not to send one.
 */
public final class IcmpErrors {
  public static final int CODE_NET_UNREACHABLE = 0;
  public static final int CODE_HOST_UNREACHABLE = 1;
  public static final int CODE_TTL_EXCEEDED_IN_TRANSIT = 0;

  private IcmpErrors() {}

  /** An error of {@code type}/{@code code} quoting {@code raw}, the offending packet as received. */
  public static IcmpPacket about(IcmpType type, int code, Ipv4Packet offending, byte[] raw) {
    int quoted = Math.min(raw.length, offending.headerLength() + 8);
    return new IcmpPacket(type, code, 0, 0, Arrays.copyOf(raw, quoted));
  }

  /**
   * False for packets that must not draw an error: ICMP errors themselves, fragments other than the first, and
   * packets from or to broadcast/multicast or unspecified addresses.
   */
  public static boolean mayAnswer(Ipv4Packet p, Ipv4Interface in) {
    if (p.fragmentOffset() != 0 || in.isBroadcast(p.destination()) || in.isBroadcast(p.source())) {
      return false;
    }
    if (isMulticast(p.destination().bits()) || isMulticast(p.source().bits()) || p.source().bits() == 0) {
      return false;
    }
    return !(p.protocol().value() == IpProtocol.ICMP.value() && isErrorType(p.payload()));
  }

  private static boolean isMulticast(int bits) {
    return (bits >>> 28) == 0xE;
  }

  private static boolean isErrorType(byte[] icmp) {
    if (icmp.length == 0) {
      return false;
    }
    int type = icmp[0] & 0xFF;
    return type == IcmpType.DESTINATION_UNREACHABLE.value() || type == IcmpType.SOURCE_QUENCH.value()
        || type == IcmpType.REDIRECT.value() || type == IcmpType.TIME_EXCEEDED.value()
        || type == IcmpType.PARAMETER_PROBLEM.value();
  }
}
