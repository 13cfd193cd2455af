package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;

/**
 * One {@code ip nhrp nhs} line.
 *
 * @param protocol the NHS tunnel address ({@code ip nhrp nhs 192.168.1.1})
 * @param nbma the NHS NBMA address when given on the line (IOS 15 {@code nbma} keyword), or {@code null} to take
 *     it from the static map for {@code protocol} (IOS 12.3 style, as in the document)
 */
public record NhrpNhs(Ipv4Address protocol, Ipv4Address nbma) {

  public NhrpNhs {
    if (protocol == null) {
      throw new IllegalArgumentException("NHS protocol address is required");
    }
  }

  public static NhrpNhs of(Ipv4Address protocol) {
    return new NhrpNhs(protocol, null);
  }
}
