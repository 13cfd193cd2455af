package dev.dmvpn.ref.wire.pcap4j;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.ref.wire.NicPortAdapter;
import dev.dmvpn.ref.wire.ip.HostStack;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Two {@link HostStack}s on the two ends of a veth pair this test creates and deletes, through {@link
 * Pcap4jNicPort} and {@link NicPortAdapter}: ARP resolution and a UDP exchange on a real (virtual) NIC, in real
 * time on an {@link ExecutorScheduler}. Both ends stay in the root namespace with no kernel addresses; the MACs
 * are locally administered and the addresses TEST-NET-2 (198.51.100.0/24, RFC 5737). Capture is filtered to
 * our two MACs.
 *
 * <p>The kernel answers ARP on <em>any</em> interface for <em>any</em> of the host's own addresses (arp_ignore
 * 0, the default), even on a veth without addresses: on this machine eth0 holds 192.0.2.2, and the kernel
 * answered our who-has 192.0.2.2 on the veth with the veth's MAC. So the test sets arp_ignore=8 (never reply)
 * on the two veth ends it created, and refuses to run if the host owns the test addresses.
 */
public class HostStackOnVethTest {
  private static final MacAddress MAC_A = MacAddress.parse("02:00:00:00:0a:01");
  private static final MacAddress MAC_B = MacAddress.parse("02:00:00:00:0a:02");
  private static final Ipv4Address IP_A = Ipv4Address.parse("198.51.100.1");
  private static final Ipv4Address IP_B = Ipv4Address.parse("198.51.100.2");
  private static final String FILTER = "ether host " + MAC_A + " or ether host " + MAC_B;
  private VethPair veth;

  @BeforeClass
  public void createVeth() throws IOException {
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new SkipException("live NIC test needs root to create a veth pair");
    }
    if (!Pcap4jHandles.libpcapAvailable()) {
      throw new SkipException("live NIC test needs libpcap (Debian package libpcap0.8)");
    }
    for (Ipv4Address ip : new Ipv4Address[] {IP_A, IP_B}) {
      if (NetworkInterface.getByInetAddress(InetAddress.getByAddress(ip.toBytes())) != null) {
        throw new SkipException("this host owns " + ip + ", the kernel would interfere");
      }
    }
    veth = VethPair.create();
    for (String end : new String[] {veth.a, veth.b}) {
      Files.writeString(Path.of("/proc/sys/net/ipv4/conf", end, "arp_ignore"), "8");
    }
  }

  @AfterClass(alwaysRun = true)
  public void deleteVeth() throws IOException {
    if (veth != null) {
      veth.delete();
      assertFalse(VethPair.exists(veth.a), veth.a + " still exists");
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static UdpDatagram udp(Ipv4Packet p) {
    assertEquals(p.protocol(), IpProtocol.UDP);
    UdpDatagram d = UdpCodec.decode(ByteReader.of(p.payload())).value();
    assertTrue(d.checksumValid(p.source(), p.destination()));
    return d;
  }

  @Test
  public void hostsArpAndExchangeUdpOverTheVeth() throws Exception {
    Pcap4jOptions options = Pcap4jOptions.defaults().withFilter(FILTER);
    try (ExecutorScheduler scheduler = ExecutorScheduler.realTime("veth-hosts");
        NicPortAdapter portA = new NicPortAdapter(Pcap4jNicPort.open(veth.a, options), MAC_A, scheduler::execute);
        NicPortAdapter portB = new NicPortAdapter(Pcap4jNicPort.open(veth.b, options), MAC_B, scheduler::execute)) {
      HostStack a = new HostStack(portA, new InterfaceAddress(IP_A, 24), scheduler);
      HostStack b = new HostStack(portB, new InterfaceAddress(IP_B, 24), scheduler);
      CompletableFuture<Ipv4Packet> atB = new CompletableFuture<>();
      CompletableFuture<Ipv4Packet> atA = new CompletableFuture<>();
      b.onReceive(p -> {
        atB.complete(p);
        b.sendUdp(udp(p).destinationPort(), p.source(), udp(p).sourcePort(), ascii("pong over veth"));
      });
      a.onReceive(atA::complete);
      scheduler.execute(() -> a.sendUdp(40000, IP_B, 40001, ascii("ping over veth")));

      Ipv4Packet request = atB.get(10, TimeUnit.SECONDS);
      assertEquals(request.source(), IP_A);
      assertEquals(request.destination(), IP_B);
      assertEquals(new String(udp(request).payload(), StandardCharsets.US_ASCII), "ping over veth");
      Ipv4Packet reply = atA.get(10, TimeUnit.SECONDS);
      assertEquals(reply.source(), IP_B);
      assertEquals(udp(reply).sourcePort(), 40001);
      assertEquals(udp(reply).destinationPort(), 40000);
      assertEquals(new String(udp(reply).payload(), StandardCharsets.US_ASCII), "pong over veth");

      CompletableFuture<Map<Ipv4Address, MacAddress>> arpA = new CompletableFuture<>();
      CompletableFuture<long[]> counts = new CompletableFuture<>();
      scheduler.execute(() -> {
        arpA.complete(a.iface().arp().entries());
        counts.complete(new long[] {a.iface().arp().requestsSent(), b.iface().arp().requestsSent(),
            b.iface().arp().repliesSent()});
      });
      assertEquals(arpA.get(5, TimeUnit.SECONDS), Map.of(IP_B, MAC_B));
      long[] c = counts.get(5, TimeUnit.SECONDS);
      assertEquals(c[0], 1, "A asked once");
      assertEquals(c[1], 0, "B learned A from A's request and did not ask");
      assertEquals(c[2], 1, "B answered once");
      assertEquals(portA.nic().droppedFrames(), 0);
    }
  }
}
