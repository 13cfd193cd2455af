package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.ArpCodec;
import dev.dmvpn.ref.l2l3.ArpPacket;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.EthernetCodec;
import dev.dmvpn.ref.l2l3.EthernetFrame;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.EthernetFrames;
import dev.dmvpn.ref.wire.Port;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An IPv4 interface on a {@link Port}: its addresses, ARP ({@link ArpResolver}), and the Ethernet framing in
 * both directions. Incoming frames for its MAC (or broadcast/multicast) are dispatched: ARP to the resolver,
 * IPv4 with a valid header checksum to the {@link Ipv4Receiver}; everything else is counted and dropped. Not
 * thread-safe: run it on the scheduler's thread (the port's receiver does).
 */
public final class Ipv4Interface {
  private final String name;
  private final Port port;
  private final ArpResolver arp;
  private final List<InterfaceAddress> addresses = new ArrayList<>();
  private Ipv4Receiver receiver = (in, packet, raw) -> {};
  private long framesIn;
  private long notForUs;
  private long malformed;
  private long badChecksum;
  private long otherEtherType;

  public Ipv4Interface(String name, Port port, Scheduler scheduler, ArpSettings settings) {
    this.name = name;
    this.port = port;
    this.arp = new ArpResolver(this, scheduler, settings);
    port.onReceive(this::receiveFrame);
  }

  public String name() {
    return name;
  }

  public Port port() {
    return port;
  }

  public MacAddress mac() {
    return port.mac();
  }

  public ArpResolver arp() {
    return arp;
  }

  public void addAddress(InterfaceAddress address) {
    addresses.add(address);
  }

  public List<InterfaceAddress> addresses() {
    return List.copyOf(addresses);
  }

  /** The first address configured (IOS's primary address). */
  public Ipv4Address primaryAddress() {
    if (addresses.isEmpty()) {
      throw new IllegalStateException(name + " has no IPv4 address");
    }
    return addresses.get(0).address();
  }

  public void onIpv4(Ipv4Receiver receiver) {
    this.receiver = receiver;
  }

  public boolean owns(Ipv4Address a) {
    for (InterfaceAddress ia : addresses) {
      if (ia.address().equals(a)) {
        return true;
      }
    }
    return false;
  }

  /** True for a subnet of this interface containing {@code a}. */
  public boolean onLink(Ipv4Address a) {
    for (InterfaceAddress ia : addresses) {
      if (ia.subnet().contains(a)) {
        return true;
      }
    }
    return false;
  }

  /** 255.255.255.255 or the directed broadcast of one of this interface's subnets (not of a /31 or /32). */
  public boolean isBroadcast(Ipv4Address a) {
    if (a.bits() == -1) {
      return true;
    }
    for (InterfaceAddress ia : addresses) {
      if (ia.prefixLength() < 31 && ia.subnet().broadcast().equals(a)) {
        return true;
      }
    }
    return false;
  }

  /** The address to send from towards {@code destination}: the one on its subnet, else the primary. */
  public Ipv4Address sourceFor(Ipv4Address destination) {
    for (InterfaceAddress ia : addresses) {
      if (ia.subnet().contains(destination)) {
        return ia.address();
      }
    }
    return primaryAddress();
  }

  /**
   * Sends an encoded IPv4 packet to {@code nextHop} on this link: broadcast and multicast destinations map to
   * their MACs directly (RFC 1112 section 6.4), unicast next hops go through ARP.
   */
  public void send(Ipv4Address nextHop, byte[] ipv4Packet) {
    if (isBroadcast(nextHop)) {
      sendFrame(MacAddress.BROADCAST, EtherType.IPV4, ipv4Packet);
    } else if ((nextHop.bits() >>> 28) == 0xE) {
      sendFrame(multicastMac(nextHop), EtherType.IPV4, ipv4Packet);
    } else {
      arp.send(nextHop, ipv4Packet);
    }
  }

  /** 01:00:5e plus the low 23 bits of the group address. */
  static MacAddress multicastMac(Ipv4Address group) {
    return new MacAddress(0x01005E000000L | (group.bits() & 0x7FFFFF));
  }

  void sendFrame(MacAddress dst, EtherType type, byte[] payload) {
    port.send(EthernetFrames.build(dst, port.mac(), type, payload));
  }

  private void receiveFrame(byte[] frame) {
    framesIn++;
    if (isArpForSomeoneElse(frame)) {
      return;
    }
    DecodeResult<EthernetFrame> eth = EthernetCodec.decode(frame);
    if (!eth.isOk()) {
      malformed++;
      return;
    }
    EthernetFrame f = eth.value();
    if (!f.destination().equals(port.mac()) && !f.destination().isMulticast()) {
      notForUs++;
      return;
    }
    if (f.etherType().value() == EtherType.ARP.value()) {
      receiveArp(f.payload());
    } else if (f.etherType().value() == EtherType.IPV4.value()) {
      receiveIpv4(f.payload());
    } else {
      otherEtherType++;
    }
  }

  /**
   * A broadcast Ethernet/IPv4 ARP packet whose target is not ours and whose sender we neither know nor resolve:
   * RFC 826 reception would neither learn nor answer, so it is dropped without decoding. On a segment with many
   * nodes every ARP request reaches every node (N squared deliveries); this keeps each to a few byte reads.
   */
  private boolean isArpForSomeoneElse(byte[] f) {
    // Ethernet II without VLAN tag, EtherType 0x0806, htype 1, ptype 0x0800, hlen 6, plen 4
    if (f.length < 42 || (f[0] & f[1] & f[2] & f[3] & f[4] & f[5]) != -1 || f[12] != 0x08 || f[13] != 0x06
        || f[14] != 0 || f[15] != 1 || f[16] != 0x08 || f[17] != 0 || f[18] != 6 || f[19] != 4) {
      return false;
    }
    Ipv4Address target = new Ipv4Address(readInt(f, 38));
    Ipv4Address sender = new Ipv4Address(readInt(f, 28));
    return !owns(target) && !arp.knows(sender);
  }

  private static int readInt(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
  }

  private void receiveArp(byte[] payload) {
    DecodeResult<ArpPacket> r = ArpCodec.decode(ByteReader.of(payload));
    if (r.isOk()) {
      arp.receive(r.value());
    } else {
      malformed++;
    }
  }

  private void receiveIpv4(byte[] payload) {
    DecodeResult<Ipv4Packet> r = Ipv4Codec.decode(ByteReader.of(payload));
    if (!r.isOk() || r.value().truncated()) {
      malformed++;
      return;
    }
    Ipv4Packet p = r.value();
    if (!p.checksumValid()) {
      badChecksum++;
      return;
    }
    byte[] raw = payload.length == p.totalLength() ? payload : Arrays.copyOf(payload, p.totalLength());
    receiver.onPacket(this, p, raw);
  }

  /** Frames handed to this interface by its port. */
  public long framesIn() {
    return framesIn;
  }

  /** Unicast frames for another MAC (flooded or captured promiscuously). */
  public long framesNotForUs() {
    return notForUs;
  }

  /** Frames whose Ethernet, ARP or IPv4 header did not decode, or IPv4 cut short. */
  public long malformed() {
    return malformed;
  }

  public long badChecksum() {
    return badChecksum;
  }

  /** Frames of EtherTypes other than ARP and IPv4. */
  public long otherEtherType() {
    return otherEtherType;
  }

  @Override
  public String toString() {
    return name + " " + addresses + " " + port.mac();
  }
}
