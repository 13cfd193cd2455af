package dev.dmvpn.drivers.parse;

import java.util.List;

/**
 * One NHRP cache entry of {@code show ip nhrp [detail]}.
 *
 * @param network the protocol (tunnel) network, e.g. {@code 192.168.1.2}
 * @param prefixLength its length, e.g. 32 (32 when the head prints none)
 * @param via the next hop protocol address, or null (an incomplete entry prints none)
 * @param tunnel the interface, e.g. {@code Tunnel0}
 * @param created the age as printed ({@code 00:10:03}, {@code 10w2d})
 * @param expire the time left as printed, or null for {@code never expire}
 * @param type {@code static}, {@code dynamic}, {@code incomplete}, ... (null if the output had no Type line)
 * @param flags the flags in printed order ({@code authoritative}, {@code unique}, {@code registered}, ...)
 * @param nbma the NBMA address, or null (an incomplete entry has none)
 * @param details the other detail lines, trimmed ({@code Preference: 255}, {@code Requester: ...})
 */
public record NhrpEntry(String network, int prefixLength, String via, String tunnel, String created, String expire,
    String type, List<String> flags, String nbma, List<String> details) {

  public NhrpEntry {
    flags = List.copyOf(flags);
    details = List.copyOf(details);
  }

  /** Whether the entry is printed with {@code never expire}. */
  public boolean neverExpires() {
    return expire == null;
  }
}
