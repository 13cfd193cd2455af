package dev.dmvpn.ref.node;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * {@link IpForwarder} alone behind {@link FakeForwarderHost}: a packet from 3.3.3.3 to 10.9.9.9 arrives on the
 * spoke's Tunnel0 (192.168.1.2, IP MTU 1440, GRE key 42, static map 192.168.1.1 -> 209.168.202.225) and is routed
 * back out of it to 192.168.1.1. Expected values from the RFCs: TTL decremented with a header checksum that still
 * verifies (RFC 791, RFC 1071), ICMP errors quoting the header and 8 data bytes (RFC 792), fragmentation-needed
 * carrying the next-hop MTU (RFC 1191), fragments on 8-byte boundaries (RFC 791).
 */
public class IpForwarderTest {
  private static final Ipv4Address HUB_NBMA = Ipv4Address.parse("209.168.202.225");
  private static final Ipv4Address SOURCE = Ipv4Address.parse("3.3.3.3");
  private static final int GRE_HEADER = 8; // with the key

  private FakeForwarderHost node;
  private TunnelInterface tunnel;
  private IpForwarder forwarder;

  @BeforeMethod
  public void fresh() {
    node = new FakeForwarderHost("sv9-3", new SimulatedScheduler(), 3);
    NhrpConfig nhrp = NhrpConfig.builder("192.168.1.2/24", "209.168.202.131").map("192.168.1.1", "209.168.202.225")
        .authentication("cisco123").networkId(1).holdtime(7200).build();
    tunnel = new TunnelInterface(node, TunnelConfig.of("Tunnel0", "Fa0/0", 42L, 1440, nhrp, null), null);
    tunnel.nhrp().start();
    node.owned.add(Ipv4Address.parse("192.168.1.2"));
    node.routes.add(new NodeRoute(Ipv4Prefix.parse("192.168.1.0/24"), null, tunnel, NodeRoute.Origin.CONNECTED));
    node.routes.add(new NodeRoute(Ipv4Prefix.parse("10.9.9.0/24"), Ipv4Address.parse("192.168.1.1"), null,
        NodeRoute.Origin.STATIC));
    forwarder = new IpForwarder(node);
  }

  /** An IPv4 datagram 3.3.3.3 -> {@code destination} of {@code length} bytes, header written field by field. */
  private static byte[] datagram(String destination, int length, int ttl, boolean df) {
    byte[] b = new byte[length];
    b[0] = 0x45;
    b[2] = (byte) (length >> 8);
    b[3] = (byte) length;
    b[5] = 9; // identification 9
    b[6] = (byte) (df ? 0x40 : 0);
    b[8] = (byte) ttl;
    b[9] = 17; // UDP: not ICMP, so an ICMP error about it is always allowed (RFC 1122 3.2.2)
    System.arraycopy(SOURCE.toBytes(), 0, b, 12, 4);
    System.arraycopy(Ipv4Address.parse(destination).toBytes(), 0, b, 16, 4);
    int c = ~ones(b, 0) & 0xFFFF;
    b[10] = (byte) (c >> 8);
    b[11] = (byte) c;
    for (int i = 20; i < length; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /** The RFC 1071 one's complement sum of the 20-byte header at {@code off}: 0xFFFF when its checksum is right. */
  private static int ones(byte[] b, int off) {
    int sum = 0;
    for (int i = off; i < off + 20; i += 2) {
      sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }
    while (sum > 0xFFFF) {
      sum = (sum & 0xFFFF) + (sum >>> 16);
    }
    return sum;
  }

  private void receive(byte[] raw) {
    forwarder.receive(tunnel, Ipv4Codec.decode(ByteReader.of(raw)).value(), raw);
  }

  private FakeNodeServices.Sent onlyIcmp() {
    List<FakeNodeServices.Sent> icmp = node.sent(IpProtocol.ICMP);
    assertEquals(icmp.size(), 1);
    assertEquals(icmp.get(0).destination(), SOURCE);
    assertEquals(icmp.get(0).source(), Ipv4Address.parse("192.168.1.2"), "from the interface it arrived on");
    return icmp.get(0);
  }

  @Test
  public void aForwardedPacketLeavesWithTtlDecrementedAndAValidChecksum() {
    byte[] raw = datagram("10.9.9.9", 100, 64, false);
    receive(raw);
    List<FakeNodeServices.Sent> gre = node.sent(IpProtocol.GRE);
    assertEquals(gre.size(), 1);
    assertEquals(gre.get(0).destination(), HUB_NBMA);
    byte[] inner = Arrays.copyOfRange(gre.get(0).payload(), GRE_HEADER, gre.get(0).payload().length);
    assertEquals(inner.length, 100);
    assertEquals(inner[8], 63);
    assertEquals(ones(inner, 0), 0xFFFF, "header checksum verifies after the TTL change");
    assertTrue(Arrays.equals(Arrays.copyOfRange(inner, 20, 100), Arrays.copyOfRange(raw, 20, 100)));
    assertEquals(node.counters.get(NodeCounter.IP_FORWARDED), 1);
  }

  @Test
  public void ttlOneIsDroppedWithTimeExceededQuotingHeaderAnd8Bytes() {
    byte[] raw = datagram("10.9.9.9", 100, 1, false);
    receive(raw);
    assertEquals(node.drops, List.of("ip: TTL expired in transit"));
    assertEquals(node.sent(IpProtocol.GRE), List.of());
    byte[] icmp = onlyIcmp().payload();
    assertEquals(icmp[0], 11, "time exceeded");
    assertEquals(icmp[1], 0, "in transit");
    assertEquals(icmp.length, 8 + 20 + 8);
    assertTrue(Arrays.equals(Arrays.copyOfRange(icmp, 8, 36), Arrays.copyOf(raw, 28)), "header + 64 bits");
  }

  @Test
  public void noRouteIsNetUnreachable() {
    receive(datagram("172.16.0.1", 100, 64, false));
    assertEquals(node.drops, List.of("ip: no route"));
    byte[] icmp = onlyIcmp().payload();
    assertEquals(icmp[0], 3);
    assertEquals(icmp[1], 0);
  }

  @Test
  public void dfOverTheTunnelMtuIsFragmentationNeededWithTheMtu() {
    receive(datagram("10.9.9.9", 1500, 64, true));
    assertEquals(node.drops, List.of("ip: DF set and packet exceeds MTU"));
    byte[] icmp = onlyIcmp().payload();
    assertEquals(icmp[0], 3);
    assertEquals(icmp[1], 4);
    assertEquals(((icmp[6] & 0xFF) << 8) | (icmp[7] & 0xFF), 1440, "next-hop MTU, RFC 1191");
  }

  @Test
  public void withoutDfAnOversizedPacketIsFragmentedOnEightByteBoundaries() {
    receive(datagram("10.9.9.9", 1500, 64, false));
    List<FakeNodeServices.Sent> gre = node.sent(IpProtocol.GRE);
    assertEquals(gre.size(), 2);
    // 1480 data bytes, at most 1420 per 1440-byte fragment, rounded down to 8: 1416 then 64 at offset 177
    byte[] first = Arrays.copyOfRange(gre.get(0).payload(), GRE_HEADER, gre.get(0).payload().length);
    byte[] second = Arrays.copyOfRange(gre.get(1).payload(), GRE_HEADER, gre.get(1).payload().length);
    assertEquals(first.length, 1436);
    assertEquals(((first[6] & 0xFF) << 8) | (first[7] & 0xFF), 0x2000, "MF, offset 0");
    assertEquals(second.length, 84);
    assertEquals(((second[6] & 0xFF) << 8) | (second[7] & 0xFF), 177, "last fragment at 1416 / 8");
    assertEquals(first[8], 63);
    assertEquals(second[8], 63);
    assertEquals(ones(first, 0), 0xFFFF);
    assertEquals(ones(second, 0), 0xFFFF);
    assertEquals(node.counters.get(NodeCounter.FRAGMENTS_CREATED), 2);
  }
}
