package dev.dmvpn.drivers.parse;

/**
 * One probe of a traceroute hop.
 *
 * @param address the address that answered (the last one printed on the hop before this probe), or null
 * @param rttMs the round trip, or null for a timeout ({@code *})
 * @param code an annotation printed after the address ({@code !H}, {@code !N}, {@code !A}, {@code ?}), or null
 */
public record TraceProbe(String address, Integer rttMs, String code) {

  public boolean timedOut() {
    return rttMs == null && code == null;
  }
}
