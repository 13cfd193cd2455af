package dev.dmvpn.ref.peer;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.gre.GreCodec;
import dev.dmvpn.ref.gre.GrePacket;
import dev.dmvpn.ref.gre.GreProtocolType;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ipsec.GreInEsp;
import dev.dmvpn.ref.l2l3.IcmpCodec;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IcmpType;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import java.util.function.Consumer;

/**
 * An inner host behind an {@link IpsecHost}: one inner address (say 10.1.0.1) reached through GRE between the two
 * public addresses, the GRE protected by the peer's IPsec SA pair, which is how DMVPN carries traffic. With a
 * transport-mode SA the ESP payload is the GRE packet (next header 47); with a tunnel-mode SA it is the whole GRE
 * packet in an IPv4 header from our public address to the peer's (next header 4), which is what strongSwan's
 * kernel-libipsec backend needs (it has tunnel mode only). The quick-mode proxies are the two public addresses,
 * protocol 47, in both cases.
 *
 * <pre>
 *   [outer IPv4 public->public, proto 47, tunnel mode only] GRE (0x0800) | IPv4 inner->inner | ICMP
 * </pre>
 *
 * It answers ICMP echo requests for its inner address and reports echo replies. Not thread-safe: the host's
 * scheduler thread only.
 */
public final class GreOverIpsec {
  /** TTL of the inner packets we originate (a Linux host's default). */
  private static final int INNER_TTL = 64;

  private final IpsecHost host;
  private final Ipv4Address innerAddress;
  private Consumer<Ipv4Packet> echoReplies = p -> {};
  private int nextId = 1;
  private long echoRequestsAnswered;
  private long echoRepliesReceived;
  private long greReceived;
  private long ignored;

  /** Takes over {@code host}'s payload receiver. */
  public GreOverIpsec(IpsecHost host, Ipv4Address innerAddress) {
    this.host = host;
    this.innerAddress = innerAddress;
    host.onPayload(this::fromTunnel);
  }

  public Ipv4Address innerAddress() {
    return innerAddress;
  }

  /** Receives the inner IPv4 packets carrying ICMP echo replies addressed to us. */
  public void onEchoReply(Consumer<Ipv4Packet> receiver) {
    this.echoReplies = receiver;
  }

  /**
   * Sends an ICMP echo request from our inner address to {@code innerDestination} through the tunnel to {@code
   * peer}; false when there is no IPsec SA towards the peer.
   */
  public boolean sendEcho(Ipv4Address peer, Ipv4Address innerDestination, int identifier, int sequence,
      byte[] data) {
    byte[] icmp = IcmpCodec.encode(IcmpPacket.echoRequest(identifier, sequence, data));
    return sendInner(peer, Ipv4Packet.of(IpProtocol.ICMP, innerAddress, innerDestination, 0, INNER_TTL,
        nextIdentification(), false, icmp));
  }

  /** Sends an inner IPv4 packet in GRE through the IPsec SA towards {@code peer}, framed for the SA's mode. */
  public boolean sendInner(Ipv4Address peer, Ipv4Packet inner) {
    byte[] gre = GreCodec.encode(GrePacket.of(GreProtocolType.IPV4, null, Ipv4Codec.encode(inner)));
    return host.esp().sendGre(peer, gre);
  }

  /** Echo requests for our inner address that we answered. */
  public long echoRequestsAnswered() {
    return echoRequestsAnswered;
  }

  /** Echo replies for our inner address received. */
  public long echoRepliesReceived() {
    return echoRepliesReceived;
  }

  /** GRE packets received through the tunnel. */
  public long greReceived() {
    return greReceived;
  }

  /** Decrypted payloads that were not GRE-carried IPv4 for our inner address, or did not decode. */
  public long ignored() {
    return ignored;
  }

  private void fromTunnel(Ipv4Address peer, ChildSa child, int nextHeader, byte[] buf, int off, int len) {
    GreInEsp.Unframed u = GreInEsp.unframe(child.inbound().mode(), peer, host.address(), nextHeader, buf, off, len);
    DecodeResult<GrePacket> g = u.ok() ? GreCodec.decode(ByteReader.of(u.buffer(), u.offset(), u.length())) : null;
    if (g == null || !g.isOk() || !g.value().protocolType().equals(GreProtocolType.IPV4)) {
      ignored++;
      return;
    }
    greReceived++;
    DecodeResult<Ipv4Packet> inner = Ipv4Codec.decode(ByteReader.of(g.value().payload()));
    if (!inner.isOk() || !inner.value().destination().equals(innerAddress)
        || !inner.value().protocol().equals(IpProtocol.ICMP)) {
      ignored++;
      return;
    }
    handleIcmp(peer, inner.value());
  }

  private void handleIcmp(Ipv4Address peer, Ipv4Packet inner) {
    DecodeResult<IcmpPacket> d = IcmpCodec.decode(ByteReader.of(inner.payload()));
    if (!d.isOk() || !d.value().checksumValid()) {
      ignored++;
      return;
    }
    IcmpPacket icmp = d.value();
    if (icmp.type().equals(IcmpType.ECHO_REQUEST)) {
      byte[] reply = IcmpCodec.encode(IcmpPacket.echoReply(icmp.echoIdentifier(), icmp.echoSequence(),
          icmp.data()));
      if (sendInner(peer, Ipv4Packet.of(IpProtocol.ICMP, innerAddress, inner.source(), 0, INNER_TTL,
          nextIdentification(), false, reply))) {
        echoRequestsAnswered++;
      }
    } else if (icmp.type().equals(IcmpType.ECHO_REPLY)) {
      echoRepliesReceived++;
      echoReplies.accept(inner);
    } else {
      ignored++;
    }
  }

  private int nextIdentification() {
    int id = nextId;
    nextId = (nextId + 1) & 0xFFFF;
    return id;
  }
}
