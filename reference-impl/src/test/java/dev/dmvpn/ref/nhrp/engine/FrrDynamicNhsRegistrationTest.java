package dev.dmvpn.ref.nhrp.engine;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpAddresses;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpCieCode;
import dev.dmvpn.ref.nhrp.NhrpFlags;
import dev.dmvpn.ref.nhrp.NhrpMandatoryPart;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.NhrpPackets;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The NHS answering an FRR spoke configured with {@code ip nhrp nhs dynamic nbma 172.16.0.1}: FRR does not know
 * the hub's tunnel address, so its Registration Request names the spoke itself as destination (FRR debug in the
 * UML lab: "Send Registration-Request(3) 10.0.0.11 -> 10.0.0.11"), and it takes the reply's destination as its
 * NHS. The reply must carry the hub's tunnel address there, as FRR's own nhrpd hub does.
 */
public class FrrDynamicNhsRegistrationTest {
  private static final Ipv4Address HUB_TUNNEL = Ipv4Address.parse("10.0.0.1");
  private static final Ipv4Address HUB_NBMA = Ipv4Address.parse("172.16.0.1");
  private static final Ipv4Address SPOKE_TUNNEL = Ipv4Address.parse("10.0.0.11");
  private static final Ipv4Address SPOKE_NBMA = Ipv4Address.parse("172.16.0.11");

  private static NhrpMandatoryPart replyTo(Ipv4Address requestDestination) {
    InMemoryNhrpNetwork net = new InMemoryNhrpNetwork();
    NhrpEngine hub = net.add(NhrpConfig.builder("10.0.0.1/24", "172.16.0.1").holdtime(300).multicastDynamic()
        .build(), NhrpRouting.none(), ConnectionGate.ALWAYS_READY);
    hub.start();
    // FRR 8.4's request: hop count 1, U flag off (no-unique), NAT flag, CIE prefix 32 holdtime 300 (no extensions
    // here: they do not matter for the addressing)
    NhrpPacket request = NhrpPackets.registrationRequest(
        NhrpAddresses.ipv4(SPOKE_NBMA, SPOKE_TUNNEL, requestDestination), 1, NhrpFlags.CISCO_NAT,
        NhrpCie.withoutAddresses(NhrpCieCode.SUCCESS, 32, 1400, 300), List.of()).withHopCount(1);
    hub.receive(SPOKE_NBMA, request);
    net.run(Duration.ofMillis(10));
    List<InMemoryNhrpNetwork.Sent> replies = net.sent(NhrpPacketType.REGISTRATION_REPLY, HUB_NBMA);
    assertEquals(replies.size(), 1);
    assertEquals(replies.get(0).to(), SPOKE_NBMA);
    assertEquals(hub.cache().lookup(SPOKE_TUNNEL).nbma(), SPOKE_NBMA, "the spoke is registered");
    return replies.get(0).packet().mandatoryPart();
  }

  @Test
  public void replyToADynamicNhsRequestNamesTheHubAsDestination() {
    NhrpMandatoryPart m = replyTo(SPOKE_TUNNEL);
    assertEquals(m.dstProtoIpv4(), HUB_TUNNEL, "FRR installs this as its NHS");
    assertEquals(m.srcProtoIpv4(), SPOKE_TUNNEL);
    assertEquals(m.srcNbmaIpv4(), SPOKE_NBMA);
    assertEquals(m.requestId(), 1);
    assertEquals(m.firstCie().code(), NhrpCieCode.SUCCESS);
  }

  @Test
  public void replyToARequestNamingTheNhsKeepsTheRequestsAddresses() {
    NhrpMandatoryPart m = replyTo(HUB_TUNNEL);
    assertEquals(m.dstProtoIpv4(), HUB_TUNNEL);
    assertEquals(m.srcProtoIpv4(), SPOKE_TUNNEL);
    assertEquals(m.srcNbmaIpv4(), SPOKE_NBMA);
  }
}
