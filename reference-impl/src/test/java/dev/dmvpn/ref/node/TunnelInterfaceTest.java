package dev.dmvpn.ref.node;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * {@link TunnelInterface} alone (no protection) behind {@link FakeNodeServices}: which NBMA address a packet is
 * encapsulated to (static NHRP map, the NHS while resolving, or none: IOS's "encapsulation failed" drop), the GRE
 * header it gets (RFC 2784 with the RFC 2890 key, written out by hand here), and what received GRE is accepted.
 * The addresses are the document's spoke sv9-3 (192.168.1.2, NBMA 209.168.202.131) and hub sv9-2.
 */
public class TunnelInterfaceTest {
  private static final Ipv4Address SPOKE_NBMA = Ipv4Address.parse("209.168.202.131");
  private static final Ipv4Address HUB_NBMA = Ipv4Address.parse("209.168.202.225");
  private static final Ipv4Address HUB_TUNNEL = Ipv4Address.parse("192.168.1.1");
  private static final long KEY = 42;
  /** RFC 2890: K bit set (0x2000), version 0, protocol type IPv4 (0x0800), then the 32-bit key 42. */
  private static final byte[] GRE_HEADER = {0x20, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x2A};

  private FakeNodeServices node;

  @BeforeMethod
  public void fresh() {
    node = new FakeNodeServices("sv9-3", new SimulatedScheduler(), 3);
  }

  /**
   * The spoke's Tunnel0 with a static map to the hub; when {@code withNhs} the hub is also its NHS and NHRP is not
   * started (no registration traffic), else NHRP is started, which installs the static map.
   */
  private TunnelInterface tunnel(boolean withNhs) {
    NhrpConfig.Builder b = NhrpConfig.builder("192.168.1.2/24", "209.168.202.131").map("192.168.1.1",
        "209.168.202.225");
    if (withNhs) {
      b = b.nhs("192.168.1.1");
    }
    NhrpConfig nhrp = b.authentication("cisco123").networkId(1).holdtime(7200).build();
    // the source interface is only handed back to the node (sourceInterface()); the tunnel never uses it itself
    TunnelInterface t = new TunnelInterface(node, TunnelConfig.of("Tunnel0", "Fa0/0", KEY, 1440, nhrp, null), null);
    if (!withNhs) {
      t.nhrp().start();
    }
    return t;
  }

  /** An ICMP echo 192.168.1.2 -> {@code destination}, header written field by field with its checksum. */
  private static byte[] inner(Ipv4Address destination) {
    byte[] b = new byte[28];
    b[0] = 0x45;
    b[3] = 28;
    b[5] = 7; // identification 7
    b[8] = (byte) 255;
    b[9] = 1;
    b[12] = (byte) 192;
    b[13] = (byte) 168;
    b[14] = 1;
    b[15] = 2;
    System.arraycopy(destination.toBytes(), 0, b, 16, 4);
    int sum = 0;
    for (int i = 0; i < 20; i += 2) {
      sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }
    sum = (sum & 0xFFFF) + (sum >>> 16);
    sum = (sum & 0xFFFF) + (sum >>> 16);
    b[10] = (byte) (~sum >> 8);
    b[11] = (byte) ~sum;
    b[20] = 8; // echo request; the ICMP body is not looked at by the tunnel
    return b;
  }

  private static Ipv4Packet decode(byte[] raw) {
    return Ipv4Codec.decode(dev.dmvpn.ref.bytes.ByteReader.of(raw)).value();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  @Test
  public void aStaticMapSendsKeyedGreToTheMappedNbmaAddress() {
    TunnelInterface t = tunnel(false);
    byte[] raw = inner(HUB_TUNNEL);
    t.output(HUB_TUNNEL, raw, decode(raw));
    assertEquals(node.drops, List.of());
    assertEquals(node.sent.size(), 1);
    FakeNodeServices.Sent s = node.sent.get(0);
    assertEquals(s.protocol().value(), 47);
    assertEquals(s.source(), SPOKE_NBMA);
    assertEquals(s.destination(), HUB_NBMA);
    assertTrue(Arrays.equals(s.payload(), concat(GRE_HEADER, raw)), "GRE header + the packet unchanged");
    assertEquals(t.dataPacketsTo(HUB_NBMA), 1);
    assertEquals(node.counters.get(NodeCounter.GRE_OUT), 1);
  }

  @Test
  public void noMappingAndNoNhsIsAnEncapsulationFailureDrop() {
    TunnelInterface t = tunnel(false);
    Ipv4Address other = Ipv4Address.parse("192.168.1.3");
    byte[] raw = inner(other);
    t.output(other, raw, decode(raw));
    assertEquals(node.drops, List.of("tunnel: no NHRP mapping"));
    assertEquals(node.sent, List.of());
  }

  @Test
  public void anUnresolvedSpokeIsReachedThroughTheNhsWhileNhrpResolves() {
    TunnelInterface t = tunnel(true);
    Ipv4Address other = Ipv4Address.parse("192.168.1.3");
    byte[] raw = inner(other);
    t.output(other, raw, decode(raw));
    node.clock.advance(Duration.ofMillis(10));
    assertEquals(node.drops, List.of());
    List<FakeNodeServices.Sent> gre = node.sent(IpProtocol.GRE);
    assertTrue(gre.stream().allMatch(s -> s.destination().equals(HUB_NBMA)), "everything goes to the hub");
    assertEquals(gre.stream().filter(s -> Arrays.equals(s.payload(), concat(GRE_HEADER, raw))).count(), 1,
        "the data packet, via the hub");
    // and a Resolution Request goes to the NHS: GRE protocol type 0x2001 (NHRP), and in the NHRP fixed header
    // (RFC 2332 5.2.0.1) ar$op.type, byte 17, is 1
    assertTrue(gre.stream().anyMatch(s -> (s.payload()[2] & 0xFF) == 0x20 && s.payload()[3] == 0x01
        && s.payload()[GRE_HEADER.length + 17] == 1), "an NHRP Resolution Request to the NHS");
  }

  @Test
  public void receivedGreWithOurKeyIsDeliveredUp() {
    TunnelInterface t = tunnel(false);
    byte[] raw = inner(Ipv4Address.parse("192.168.1.2"));
    t.receiveClearGre(HUB_NBMA, concat(GRE_HEADER, raw));
    assertEquals(node.drops, List.of());
    assertEquals(node.delivered.size(), 1);
    assertEquals(node.delivered.get(0).in(), t);
    assertEquals(node.delivered.get(0).packet().identification(), 7);
    assertEquals(node.counters.get(NodeCounter.GRE_IN), 1);
  }

  @Test
  public void receivedGreIsRefusedForTheWrongKeyProtocolOrInnerChecksum() {
    TunnelInterface t = tunnel(false);
    byte[] raw = inner(Ipv4Address.parse("192.168.1.2"));
    byte[] otherKey = GRE_HEADER.clone();
    otherKey[7] = 43;
    t.receiveGre(HUB_NBMA, concat(otherKey, raw));
    byte[] noKey = {0x00, 0x00, 0x08, 0x00};
    t.receiveGre(HUB_NBMA, concat(noKey, raw));
    byte[] ipv6 = GRE_HEADER.clone();
    ipv6[2] = (byte) 0x86;
    ipv6[3] = (byte) 0xDD;
    t.receiveGre(HUB_NBMA, concat(ipv6, raw));
    byte[] badSum = raw.clone();
    badSum[11] ^= 1;
    t.receiveGre(HUB_NBMA, concat(GRE_HEADER, badSum));
    assertEquals(node.drops, List.of("gre: key mismatch", "gre: key mismatch", "gre: unsupported protocol type",
        "gre: bad inner IPv4"));
    assertEquals(node.delivered, List.of());
  }
}
