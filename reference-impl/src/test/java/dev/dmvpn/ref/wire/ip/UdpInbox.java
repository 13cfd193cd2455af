package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects the IPv4 packets a host receives and, for UDP, the decoded datagram (checksum verified). */
final class UdpInbox implements Consumer<Ipv4Packet> {
  final List<Ipv4Packet> packets = new ArrayList<>();
  final List<UdpDatagram> datagrams = new ArrayList<>();

  @Override
  public void accept(Ipv4Packet p) {
    packets.add(p);
    if (p.protocol().value() == IpProtocol.UDP.value()) {
      UdpDatagram d = UdpCodec.decode(ByteReader.of(p.payload())).value();
      if (!d.checksumValid(p.source(), p.destination())) {
        throw new AssertionError("bad UDP checksum in " + p);
      }
      datagrams.add(d);
    }
  }

  List<String> texts() {
    List<String> out = new ArrayList<>();
    for (UdpDatagram d : datagrams) {
      out.add(new String(d.payload(), StandardCharsets.US_ASCII));
    }
    return out;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
