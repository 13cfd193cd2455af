package dev.dmvpn.ref.ipsec;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import java.util.Arrays;

/**
 * What ESP carries for GRE between two public (NBMA) addresses, by encapsulation mode (RFC 4303 section 3.1):
 *
 * <pre>
 *   transport: [IPv4 local->peer, proto 50] ESP( GRE ...                                   ) next header 47
 *   tunnel:    [IPv4 local->peer, proto 50] ESP( IPv4 local->peer, proto 47 | GRE ...      ) next header 4
 * </pre>
 *
 * In tunnel mode the inner header is the one GRE would have had in clear (IOS {@code tunnel protection} with a
 * transform set without {@code mode transport}: the document's "encaps is 1"; protocol-notes section 4). The
 * quick-mode proxies are the same in both modes: the two public addresses, protocol 47. Inbound, the next header
 * must match the SA's mode, and a tunnel-mode inner header must be GRE between the SA's two addresses (RFC 4301
 * section 5.2: the inner selectors are checked against the SA's), otherwise the packet is refused.
 */
public final class GreInEsp {
  /** ESP next header of a tunnel-mode payload: an IPv4 packet. */
  public static final int NEXT_HEADER_IPV4 = 4;
  /** ESP next header of a transport-mode payload: GRE. */
  public static final int NEXT_HEADER_GRE = 47;

  /** The payload to protect and its next header. */
  public record Framed(int nextHeader, byte[] payload) {}

  /** The GRE bytes found in a decrypted payload ({@code gre[off, off+len)}), or why there are none. */
  public record Unframed(byte[] buffer, int offset, int length, String refusal) {
    static Unframed refused(String why) {
      return new Unframed(null, 0, 0, why);
    }

    public boolean ok() {
      return refusal == null;
    }

    public byte[] gre() {
      return Arrays.copyOfRange(buffer, offset, offset + length);
    }
  }

  private GreInEsp() {}

  /**
   * Frames {@code gre} for an SA in {@code mode}; in tunnel mode with an inner header {@code local -> peer},
   * protocol 47, DF clear, the given TOS, TTL and identification.
   */
  public static Framed frame(EspMode mode, Ipv4Address local, Ipv4Address peer, byte[] gre, int tos, int ttl,
      int identification) {
    if (mode == EspMode.TRANSPORT) {
      return new Framed(NEXT_HEADER_GRE, gre);
    }
    byte[] inner = Ipv4Codec.encode(Ipv4Packet.of(IpProtocol.GRE, local, peer, tos, ttl, identification, false,
        gre));
    return new Framed(NEXT_HEADER_IPV4, inner);
  }

  /** Finds the GRE in {@code buf[off, off+len)} decrypted from {@code peer} on an SA in {@code mode}. */
  public static Unframed unframe(EspMode mode, Ipv4Address peer, Ipv4Address local, int nextHeader, byte[] buf,
      int off, int len) {
    if (mode == EspMode.TRANSPORT) {
      return nextHeader == NEXT_HEADER_GRE ? new Unframed(buf, off, len, null)
          : Unframed.refused("transport-mode SA: next header " + nextHeader + ", not GRE (47)");
    }
    if (nextHeader != NEXT_HEADER_IPV4) {
      return Unframed.refused("tunnel-mode SA: next header " + nextHeader + ", not IPv4 (4)");
    }
    DecodeResult<Ipv4Packet> d = Ipv4Codec.decode(ByteReader.of(buf, off, len));
    if (!d.isOk()) {
      return Unframed.refused("tunnel-mode inner IPv4 header: " + d.error().message());
    }
    Ipv4Packet p = d.value();
    if (p.truncated() || !p.checksumValid() || p.isFragment()) {
      return Unframed.refused("tunnel-mode inner IPv4 header truncated, fragmented or with a bad checksum");
    }
    if (!p.protocol().equals(IpProtocol.GRE) || !p.source().equals(peer) || !p.destination().equals(local)) {
      return Unframed.refused("tunnel-mode inner packet " + p.source() + " -> " + p.destination() + " protocol "
          + p.protocol().value() + " is not GRE " + peer + " -> " + local + " (the SA's proxies)");
    }
    int start = off + p.headerLength();
    return new Unframed(buf, start, p.totalLength() - p.headerLength(), null);
  }
}
