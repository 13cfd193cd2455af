package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * The text of an IOS 12.3 {@code traceroute}, printed probe by probe as the answers come: a blank line, {@code Type
 * escape sequence to abort.}, {@code Tracing the route to 2.2.2.2}, a blank line, then per TTL {@code %3d } and per
 * probe the answering address when it is new on the line, then {@code " N msec"} or {@code " * "} for a timeout:
 * {@code   1 192.168.1.1 4 msec 4 msec 4 msec}, {@code   2  *  *  * }. An address first seen after something else on
 * the line starts a new line indented four blanks. Sources: the layout of the genieparser traceroute outputs in
 * ../shared/fixtures/ios-outputs/traceroute ({@code 10.0.0.18 351 msec *  8 msec}, {@code   1  *  *  * }, the
 * indented second address of genieparser-iosxe_8); those are IOS-XE (with {@code VRF info:} and MPLS labels, which
 * 12.3 does not print); the blank lines around the head as classic IOS prints them [unconfirmed]. An unreachable
 * other than the destination's port unreachable prints {@code !N}, {@code !H}, {@code !P}, {@code !A} in place of the
 * time [unconfirmed spacing].
 */
public final class TracerouteView {
  private final StringBuilder line = new StringBuilder();
  private Ipv4Address lastOnLine;
  private boolean anyOnLine;

  public static String head(String target) {
    return "\nType escape sequence to abort.\nTracing the route to " + target + "\n\n";
  }

  /** The text one probe adds (with the hop number when it is the TTL's first probe, and line ends as needed). */
  public String probe(int ttl, int index, Ipv4Address from, long rttNanos, int type, int code) {
    line.setLength(0);
    if (index == 0) {
      line.append(String.format("%3d ", ttl));
      lastOnLine = null;
      anyOnLine = false;
    }
    if (from == null) {
      line.append(" * ");
    } else {
      if (!from.equals(lastOnLine)) {
        line.append(anyOnLine ? "\n    " : "").append(from);
        lastOnLine = from;
      }
      line.append(' ').append(mark(rttNanos, type, code));
    }
    anyOnLine = true;
    return line.toString();
  }

  /** Ends a TTL's line. */
  public static String endOfHop() {
    return "\n";
  }

  private static String mark(long rttNanos, int type, int code) {
    if (type == 3 && code != 3) {
      return switch (code) {
        case 0 -> "!N ";
        case 1 -> "!H ";
        case 2 -> "!P ";
        default -> "!A ";
      };
    }
    return rttNanos / 1_000_000 + " msec";
  }
}
