package dev.dmvpn.ref.nhrp.engine;

import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.HUB_NBMA;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.HUB_TUNNEL;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.SV93_NBMA;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.SV93_TUNNEL;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.SV94_NBMA;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpMandatoryPart;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/** Spoke registration with the hub of the document, on simulated time. */
public class NhsRegistrarTest {
  private static final NhrpPacketType REQ = NhrpPacketType.REGISTRATION_REQUEST;
  private static final NhrpPacketType REPLY = NhrpPacketType.REGISTRATION_REPLY;

  @Test
  public void spokeSendsTheIosRegistrationRequest() {
    DocumentScenario s = new DocumentScenario();
    s.startAll();
    // sv9-3 Registration Request -->  hub
    InMemoryNhrpNetwork.Sent sent = s.net.sent(REQ, SV93_NBMA).get(0);
    NhrpPacket p = sent.packet();
    assertEquals(sent.to(), HUB_NBMA);
    assertEquals(p.header().hopCount(), 255);
    NhrpMandatoryPart m = p.mandatoryPart();
    assertEquals(m.flags(), 0x8002, "U + Cisco NAT (protocol-notes 2.4)");
    assertEquals(m.requestId(), 1);
    assertEquals(m.srcNbmaIpv4(), SV93_NBMA);
    assertEquals(m.srcProtoIpv4(), SV93_TUNNEL);
    assertEquals(m.dstProtoIpv4(), HUB_TUNNEL);
    NhrpCie cie = m.firstCie();
    assertEquals(cie.code().value(), 0);
    assertEquals(cie.prefixLength(), 32);
    assertEquals(cie.mtu(), 1514);
    assertEquals(cie.holdTime(), 7200);
    assertEquals(cie.clientNbmaLength() + cie.clientProtoLength(), 0, "client addresses come from the source");
    assertEquals(p.extensionTypes(), new int[] {3, 4, 5, 7, 0}, "IOS order, no ext 9 (12.3 sizes)");
    assertEquals(p.extension(NhrpExtension.Authentication.class).password(), "cisco123");
    // 20 fixed + 8 + 12 addresses + 12 CIE = extoff 52; + 4+4+4 + 16 (auth) + 4 = 84
    assertEquals(sent.bytes().length, 84);
    // protocol-notes 2.6: cisco123 -> 80 07 00 0c 00 00 00 01 "cisco123", after 3 empty extensions at 52
    assertEquals(Hex.of(sent.bytes(), 64, 16), "8007000c00000001" + "636973636f313233");
  }

  @Test
  public void hubRepliesPerIosAndSpokeIsRegistered() {
    DocumentScenario s = new DocumentScenario();
    s.startAll();
    s.net.run(Duration.ofMillis(10));
    // hub Registration Reply --> sv9-3
    NhrpPacket reply = s.net.sent(REPLY, HUB_NBMA).get(0).packet();
    assertEquals(s.net.sent(REPLY, HUB_NBMA).get(0).to(), SV93_NBMA);
    NhrpMandatoryPart m = reply.mandatoryPart();
    assertEquals(m.flags(), 0x8002);
    assertEquals(m.requestId(), 1);
    assertEquals(m.srcProtoIpv4(), SV93_TUNNEL, "addresses copied from the request");
    assertEquals(m.firstCie().code().value(), 0);
    NhrpCie responder = reply.extension(NhrpExtension.ResponderAddress.class).cie();
    assertEquals(responder.clientNbmaIpv4(), HUB_NBMA);
    assertEquals(responder.clientProtoIpv4(), HUB_TUNNEL);
    assertEquals(responder.prefixLength(), 32, "as in ios-nhrp-registration-key2-auth.pcap frame 2");
    assertEquals(responder.holdTime(), 7200);
    assertEquals(reply.extension(NhrpExtension.Authentication.class).password(), "cisco123");
    assertEquals(reply.extensionTypes(), new int[] {3, 4, 5, 7, 0});

    NhsRegistrar r = s.sv93.registrar(HUB_TUNNEL);
    assertEquals(r.state(), RegistrationState.REGISTERED);
    assertTrue(r.registered());
    NhrpCacheEntry e = s.hub.cache().get(NhrpPrefix.host(SV93_TUNNEL));
    assertEquals(e.type(), NhrpCacheType.DYNAMIC);
    assertEquals(e.nbma(), SV93_NBMA);
    assertTrue(e.unique());
    assertEquals(s.hub.multicast().destinations(), List.of(SV93_NBMA, SV94_NBMA));
    assertEquals(s.sv93.multicast().destinations(), List.of(HUB_NBMA));
  }

  @Test
  public void reRegistersEveryThirdOfTheHoldtimeWithANewRequestId() {
    DocumentScenario s = new DocumentScenario();
    s.startAll();
    // registered at 2 ms (request + reply, 1 ms latency each); refresh 7200 / 3 = 2400 s later
    s.net.run(Duration.ofSeconds(2400).plusMillis(1));
    assertEquals(s.net.sent(REQ, SV93_NBMA).size(), 1);
    s.net.run(Duration.ofMillis(1));
    List<InMemoryNhrpNetwork.Sent> reqs = s.net.sent(REQ, SV93_NBMA);
    assertEquals(reqs.size(), 2);
    assertEquals(reqs.get(1).nanos(), Duration.ofSeconds(2400).plusMillis(2).toNanos());
    assertEquals(reqs.get(1).packet().mandatoryPart().requestId(), 2);
    s.net.run(Duration.ofSeconds(2400).plusMillis(2));
    assertEquals(s.net.sent(REQ, SV93_NBMA).get(2).packet().mandatoryPart().requestId(), 3);
    assertEquals(s.hub.cache().get(NhrpPrefix.host(SV93_TUNNEL)).nbma(), SV93_NBMA, "refreshed, not expired");
  }

  @Test
  public void unansweredRegistrationIsRetriedWithBackoffAndTheSameRequestId() {
    DocumentScenario s = new DocumentScenario();
    s.net.lose = x -> x.type().equals(REPLY);
    s.sv93.start();
    s.net.run(Duration.ofSeconds(300));
    List<Long> offsets = new ArrayList<>();
    for (InMemoryNhrpNetwork.Sent x : s.net.sent(REQ, SV93_NBMA)) {
      offsets.add(x.nanos() / 1_000_000_000L);
      assertEquals(x.packet().mandatoryPart().requestId(), 1, "Cisco requires the same ID on retries");
    }
    // retries after 1, 2, 4, 8, 16, 32, 64, 64, 64 s
    assertEquals(offsets, List.of(0L, 1L, 3L, 7L, 15L, 31L, 63L, 127L, 191L, 255L));
    assertEquals(s.sv93.registrar(HUB_TUNNEL).state(), RegistrationState.REGISTERING);
    assertEquals(s.sv93.events().count(NhrpEventType.REGISTRATION_FAILED), 9);

    s.net.lose = x -> false;
    s.net.run(Duration.ofSeconds(64));
    assertEquals(s.sv93.registrar(HUB_TUNNEL).state(), RegistrationState.REGISTERED);
    NhrpEvent answered = s.sv93.events().events(NhrpEventType.REGISTRATION_ANSWERED).get(0);
    assertEquals(answered.requestId(), 1);
    assertEquals(answered.nanos(), Duration.ofSeconds(319).plusMillis(2).toNanos(),
        "the retry at 319 s (255 + 64) answered after 2 x 1 ms latency");
    s.net.run(Duration.ofSeconds(2400));
    assertEquals(s.net.sent(REQ, SV93_NBMA).get(11).packet().mandatoryPart().requestId(), 2);
  }

  @Test
  public void uniqueConflictIsAnsweredWithCode14AndBacksOff() {
    DocumentScenario s = new DocumentScenario();
    s.startAll();
    s.net.run(Duration.ofSeconds(1));
    // An impostor claims sv9-3's tunnel address from another NBMA address.
    Ipv4Address impostorNbma = Ipv4Address.parse("209.168.202.140");
    NhrpEngine impostor = s.net.add(
        DocumentScenario.spokeConfig("192.168.1.2/24", "209.168.202.140", NhrpOptions.IOS_DEFAULTS),
        NhrpRouting.none(), ConnectionGate.ALWAYS_READY);
    impostor.start();
    s.net.run(Duration.ofMillis(10));

    InMemoryNhrpNetwork.Sent reply = last(s.net.sent(REPLY, HUB_NBMA));
    assertEquals(reply.to(), impostorNbma);
    assertEquals(reply.packet().mandatoryPart().firstCie().code().value(), 14);
    assertEquals(s.hub.cache().get(NhrpPrefix.host(SV93_TUNNEL)).nbma(), SV93_NBMA, "entry kept");
    assertEquals(impostor.registrar(HUB_TUNNEL).state(), RegistrationState.BACKOFF);
    assertEquals(impostor.events().events(NhrpEventType.REGISTRATION_FAILED).get(0).detail(),
        "code 14 unique-address-already-registered");

    // back-off 1 s then a new registration with a new request ID, rejected again; then 2 s
    s.net.run(Duration.ofSeconds(5));
    List<InMemoryNhrpNetwork.Sent> tries = s.net.sent(REQ, impostorNbma);
    assertEquals(tries.size(), 3);
    assertEquals(tries.get(1).packet().mandatoryPart().requestId(), 2);
    assertEquals(tries.get(2).packet().mandatoryPart().requestId(), 3);
    // each rejection arrives 2 ms after its request, then 1 s, 2 s of back-off
    assertEquals(tries.get(1).nanos() - tries.get(0).nanos(), Duration.ofMillis(1002).toNanos());
    assertEquals(tries.get(2).nanos() - tries.get(1).nanos(), Duration.ofMillis(2002).toNanos());
  }

  @Test
  public void noUniqueRegistrationClearsTheUFlagAndMayMove() {
    NhrpOptions o = NhrpOptions.IOS_DEFAULTS;
    DocumentScenario s = new DocumentScenario();
    NhrpEngine a = s.net.add(NhrpConfig.builder("192.168.1.9/24", "10.0.0.9").authentication("cisco123")
        .map("192.168.1.1", "209.168.202.225").nhs("192.168.1.1").unique(false).options(o).build(),
        NhrpRouting.none(), ConnectionGate.ALWAYS_READY);
    s.hub.start();
    a.start();
    s.net.run(Duration.ofMillis(10));
    assertEquals(s.net.sent(REQ, Ipv4Address.parse("10.0.0.9")).get(0).packet().mandatoryPart().flags(), 0x0002);
    NhrpEngine b = s.net.add(NhrpConfig.builder("192.168.1.9/24", "10.0.0.10").authentication("cisco123")
        .map("192.168.1.1", "209.168.202.225").nhs("192.168.1.1").unique(false).options(o).build(),
        NhrpRouting.none(), ConnectionGate.ALWAYS_READY);
    b.start();
    s.net.run(Duration.ofMillis(10));
    assertEquals(b.registrar(HUB_TUNNEL).state(), RegistrationState.REGISTERED);
    assertEquals(s.hub.cache().get(NhrpPrefix.parse("192.168.1.9/32")).nbma(), Ipv4Address.parse("10.0.0.10"));
  }

  @Test
  public void stopCancelsTimersAndIgnoresLateReplies() {
    DocumentScenario s = new DocumentScenario();
    s.net.lose = x -> x.type().equals(REPLY);
    s.sv93.start();
    s.sv93.registrar(HUB_TUNNEL).stop();
    s.net.run(Duration.ofSeconds(100));
    assertEquals(s.net.sent(REQ, SV93_NBMA).size(), 1);
    assertEquals(s.sv93.registrar(HUB_TUNNEL).state(), RegistrationState.IDLE);
    assertNull(s.sv93.registrar(Ipv4Address.parse("192.168.1.99")));
  }

  private static <T> T last(List<T> l) {
    return l.get(l.size() - 1);
  }
}
