package dev.dmvpn.ref.node;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IcmpCodec;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.node.scenario.DocumentRouters;
import dev.dmvpn.ref.node.scenario.DocumentScenario;
import dev.dmvpn.ref.node.scenario.ScenarioDriver;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.ip.HostStack;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * IPv4 forwarding of a node on the document's topology: TTL, ICMP errors, DF and fragmentation over the tunnel
 * (ip mtu 1440) with reassembly at the far end. A plain host on the spokes' segment (209.168.202.140, gateway
 * sv9-4) sends the probe packets.
 */
public class NodeForwardingTest {
  private SimulatedScheduler clock;
  private ScenarioDriver driver;
  private DocumentRouters routers;
  private HostStack host;
  private final List<Ipv4Packet> received = new ArrayList<>();

  @BeforeMethod
  public void bringUp() {
    clock = new SimulatedScheduler();
    driver = ScenarioDriver.simulated(clock);
    DocumentWan wan = DocumentWan.create(clock, 9);
    routers = DocumentRouters.build(clock, wan, 9);
    host = new HostStack(wan.spokeSegment().attach("host", MacAddress.parse("02:00:00:00:00:40")),
        InterfaceAddress.parse("209.168.202.140/27"), clock);
    host.setDefaultGateway(DocumentWan.SPOKE_SV9_4.address());
    received.clear();
    host.onReceive(received::add);
    routers.hub().start();
    routers.sv93().start();
    routers.sv94().start();
    // registered, and the LANs learned by EIGRP (a first tunnel hello sent before the SAs is dropped, as IOS
    // does; the next comes one 60 s hello interval later)
    assertTrue(driver.await(() -> registered(routers.sv93()) && registered(routers.sv94())
        && DocumentScenario.eigrpConverged(routers), Duration.ofSeconds(200)));
  }

  private static boolean registered(DmvpnNode n) {
    return n.tunnel("Tunnel0").nhrp().registrar(DocumentRouters.HUB_TUNNEL).registered();
  }

  private IcmpPacket onlyIcmp() {
    List<IcmpPacket> icmp = new ArrayList<>();
    for (Ipv4Packet p : received) {
      if (p.protocol().value() == IpProtocol.ICMP.value()) {
        icmp.add(IcmpCodec.decode(ByteReader.of(p.payload())).value());
        assertEquals(p.source(), DocumentWan.SPOKE_SV9_4.address(), "from the interface the packet came in on");
      }
    }
    assertEquals(icmp.size(), 1, received.toString());
    return icmp.get(0);
  }

  private void sendUdp(int ttl, boolean df, int payloadBytes) {
    Ipv4Address src = host.address();
    byte[] udp = UdpCodec.encode(UdpDatagram.of(4000, 9, new byte[payloadBytes]), src, DocumentRouters.SV9_3_LAN);
    host.send(Ipv4Packet.of(IpProtocol.UDP, src, DocumentRouters.SV9_3_LAN, 0, ttl, 77, df, udp));
    clock.advance(Duration.ofSeconds(1));
  }

  @Test
  public void ttlOneDrawsTimeExceeded() {
    sendUdp(1, false, 8);
    IcmpPacket m = onlyIcmp();
    assertEquals(m.type().value(), 11);
    assertEquals(m.code(), 0, "TTL exceeded in transit");
    assertEquals(routers.sv94().counters().drops("ip: TTL expired in transit"), 1);
  }

  @Test
  public void dfTooBigForTheTunnelDrawsFragmentationNeededWithTheTunnelMtu() {
    sendUdp(64, true, 1500 - 28);
    IcmpPacket m = onlyIcmp();
    assertEquals(m.type().value(), 3);
    assertEquals(m.code(), 4, "fragmentation needed and DF set");
    assertEquals(m.restOfHeader() & 0xFFFF, 1440, "next-hop MTU = ip mtu of Tunnel0 (RFC 1191)");
    assertEquals(routers.sv94().counters().drops("ip: DF set and packet exceeds MTU"), 1);
  }

  @Test
  public void forwardedPacketReachesTheFarSpokeWhichAnswersPortUnreachable() {
    sendUdp(64, false, 100);
    IcmpPacket m = onlyIcmp2(DocumentRouters.SV9_3_LAN);
    assertEquals(m.type().value(), 3);
    assertEquals(m.code(), 3, "port unreachable from 2.2.2.2: forwarded through the tunnel, TTL decremented");
  }

  private IcmpPacket onlyIcmp2(Ipv4Address from) {
    assertEquals(received.size(), 1, received.toString());
    assertEquals(received.get(0).source(), from);
    return IcmpCodec.decode(ByteReader.of(received.get(0).payload())).value();
  }

  @Test
  public void bigPingIsFragmentedIntoTheTunnelAndReassembledBothWays() {
    Pinger[] p = new Pinger[1];
    routers.sv94().execute(() -> p[0] = routers.sv94().ping(DocumentRouters.SV9_4_LAN, DocumentRouters.SV9_3_LAN,
        3, Duration.ofSeconds(2), 3000));
    assertTrue(driver.await(() -> p[0] != null && p[0].done(), Duration.ofSeconds(20)));
    assertTrue(p[0].answered() >= 2, p[0].marks());
    assertTrue(routers.sv94().counters().get(NodeCounter.FRAGMENTS_CREATED) >= 6, "3 x 3000 bytes over 1440");
    assertTrue(routers.sv93().counters().get(NodeCounter.FRAGMENTS_CREATED) >= 6, "the replies too");
    assertEquals(routers.sv93().counters().get(NodeCounter.ICMP_ECHO_REQUESTS_IN), 3, "reassembled at sv9-3");
  }

  @Test
  public void hubPingsASpokeLanFromItsOwnLan() {
    Pinger[] p = new Pinger[1];
    routers.hub().execute(() -> p[0] = routers.hub().ping(DocumentRouters.HUB_LAN, DocumentRouters.SV9_4_LAN, 5,
        Duration.ofSeconds(2), 100));
    assertTrue(driver.await(() -> p[0] != null && p[0].done(), Duration.ofSeconds(20)));
    assertEquals(p[0].marks(), "!!!!!");
  }
}
