package dev.dmvpn.ref.nhrp.engine;

import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.HUB_NBMA;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.HUB_TUNNEL;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.SV93_NBMA;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.SV93_TUNNEL;
import static dev.dmvpn.ref.nhrp.engine.DocumentScenario.SV94_NBMA;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpCieCode;
import dev.dmvpn.ref.nhrp.NhrpErrorIndication;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpFlags;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.NhrpPackets;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.Test;

/** The hub's side: authentication, forwarding limits, holdtime expiry, purge. */
public class NhrpServerTest {
  private static final NhrpPacketType ERR = NhrpPacketType.ERROR_INDICATION;
  private static final Ipv4Address TARGET = Ipv4Address.parse("2.2.2.2");

  private static DocumentScenario registered() {
    DocumentScenario s = new DocumentScenario();
    s.startAll();
    s.net.run(Duration.ofSeconds(1));
    return s;
  }

  /** What sv9-4 would send, built by sv9-4's own factory. */
  private static NhrpPacket sv94Request(DocumentScenario s, Ipv4Address dst) {
    return new NhrpPacketFactory(s.sv94.config()).resolutionRequest(dst, 77);
  }

  private static NhrpErrorIndication lastError(DocumentScenario s) {
    List<InMemoryNhrpNetwork.Sent> errs = s.net.sent(ERR, HUB_NBMA);
    return (NhrpErrorIndication) errs.get(errs.size() - 1).packet().body();
  }

  @Test
  public void wrongPasswordIsDroppedCountedAndAnsweredWithCode11() {
    DocumentScenario s = new DocumentScenario();
    NhrpEngine bad = s.net.add(NhrpConfig.builder("192.168.1.7/24", "10.0.0.7").authentication("cisco12")
        .map("192.168.1.1", "209.168.202.225").nhs("192.168.1.1").build(), NhrpRouting.none(),
        ConnectionGate.ALWAYS_READY);
    s.hub.start();
    bad.start();
    s.net.run(Duration.ofMillis(10));
    assertEquals(s.hub.counters().authFailures(), 1);
    assertEquals(s.hub.counters().received(NhrpPacketType.REGISTRATION_REQUEST), 1);
    assertEquals(s.hub.counters().sent(NhrpPacketType.REGISTRATION_REPLY), 0);
    assertEquals(s.hub.events().events(NhrpEventType.AUTH_FAILURE).get(0).detail(),
        "authentication password mismatch");
    assertNull(s.hub.cache().get(NhrpPrefix.parse("192.168.1.7/32")));
    InMemoryNhrpNetwork.Sent err = s.net.sent(ERR, HUB_NBMA).get(0);
    assertEquals(err.to(), Ipv4Address.parse("10.0.0.7"));
    assertEquals(((NhrpErrorIndication) err.packet().body()).errorCode().value(), 11);
    assertEquals(err.packet().extensions().size(), 0, "RFC 2332 5.2.7: no extensions");
    assertEquals(err.packet().header().hopCount(), 255);
    assertEquals(bad.events().count(NhrpEventType.ERROR_INDICATION_RECEIVED), 1);
    assertEquals(bad.registrar(HUB_TUNNEL).state(), RegistrationState.REGISTERING);
  }

  @Test
  public void errorIndicationOnAuthFailureCanBeSwitchedOff() {
    NhrpOptions quiet = NhrpOptions.IOS_DEFAULTS.withErrorIndicationOnAuthFailure(false);
    DocumentScenario s = new DocumentScenario(quiet, ConnectionGate.ALWAYS_READY);
    NhrpPacket noAuth = new NhrpPacketFactory(
        NhrpConfig.builder("192.168.1.3/24", "209.168.202.130").build()).resolutionRequest(TARGET, 5);
    s.hub.receive(SV94_NBMA, noAuth);
    s.net.run(Duration.ofMillis(10));
    assertEquals(s.hub.counters().authFailures(), 1);
    assertEquals(s.hub.events().events(NhrpEventType.AUTH_FAILURE).get(0).detail(),
        "no authentication extension");
    assertEquals(s.net.wire.size(), 0);
  }

  @Test
  public void hopCountExhaustedGivesErrorIndication15() {
    DocumentScenario s = registered();
    s.hub.receive(SV94_NBMA, sv94Request(s, TARGET).withHopCount(1));
    assertEquals(s.net.sent(NhrpPacketType.RESOLUTION_REQUEST, HUB_NBMA).size(), 0);
    NhrpErrorIndication e = lastError(s);
    assertEquals(e.errorCode().value(), 15);
    assertEquals(e.errorOffset(), 9, "ar$hopcnt");
    assertEquals(e.addresses().dstProtoIpv4(), DocumentScenario.SV94_TUNNEL, "to the request's source");
  }

  @Test
  public void ownAddressInTheForwardTransitRecordIsALoop() {
    DocumentScenario s = registered();
    NhrpPacket p = sv94Request(s, TARGET);
    NhrpCie hubCie = NhrpCie.ipv4(NhrpCieCode.SUCCESS, 0, 1514, 7200, HUB_NBMA, HUB_TUNNEL);
    s.hub.receive(SV94_NBMA, NhrpPackets.forwarded(p, hubCie));
    assertEquals(lastError(s).errorCode().value(), 3);
    assertEquals(s.net.sent(NhrpPacketType.RESOLUTION_REQUEST, HUB_NBMA).size(), 0);
  }

  @Test
  public void noRouteGivesErrorIndication6() {
    DocumentScenario s = registered();
    s.hub.receive(SV94_NBMA, sv94Request(s, Ipv4Address.parse("9.9.9.9")));
    assertEquals(lastError(s).errorCode().value(), 6);
  }

  @Test
  public void registrationsExpireAfterTheHoldtime() {
    DocumentScenario s = registered();
    s.sv93.stop();
    s.net.run(Duration.ofSeconds(7198));
    assertEquals(s.hub.multicast().destinations(), List.of(SV93_NBMA, SV94_NBMA));
    s.net.run(Duration.ofSeconds(2400)); // sv9-4 refreshed; sv9-3 did not
    assertNull(s.hub.cache().get(NhrpPrefix.host(SV93_TUNNEL)));
    NhrpEvent expired = s.hub.events().events(NhrpEventType.CACHE_EXPIRED).get(0);
    assertEquals(expired.detail(), "192.168.1.2/32 holdtime");
    assertEquals(expired.nanos(), Duration.ofSeconds(7200).plusMillis(1).toNanos(), "registered at 1 ms");
    assertEquals(s.hub.multicast().destinations(), List.of(SV94_NBMA));
  }

  @Test
  public void purgeRemovesLearnedEntries() {
    DocumentScenario s = registered();
    s.hub.cache().purge(NhrpPrefix.host(SV93_TUNNEL));
    assertEquals(s.hub.events().events(NhrpEventType.CACHE_PURGED).get(0).nbma(), SV93_NBMA);
    assertEquals(s.hub.multicast().destinations(), List.of(SV94_NBMA));
    assertEquals(s.sv93.cache().purgeAllLearned(), 0, "static map to the hub survives");

    // a Purge Request (N clear) from sv9-4 for its own address: removed and answered
    NhrpCie cie = NhrpCie.ipv4(NhrpCieCode.SUCCESS, 32, 1514, 0, SV94_NBMA, DocumentScenario.SV94_TUNNEL);
    NhrpPacket purge = NhrpPackets.purgeRequest(
        dev.dmvpn.ref.nhrp.NhrpAddresses.ipv4(SV94_NBMA, DocumentScenario.SV94_TUNNEL, HUB_TUNNEL), 9, 0,
        List.of(cie), NhrpPackets.iosExtensions(null, List.of(), List.of(), "cisco123", null));
    s.hub.receive(SV94_NBMA, purge);
    assertNull(s.hub.cache().get(NhrpPrefix.host(DocumentScenario.SV94_TUNNEL)));
    InMemoryNhrpNetwork.Sent reply = s.net.sent(NhrpPacketType.PURGE_REPLY, HUB_NBMA).get(0);
    assertEquals(reply.packet().mandatoryPart().requestId(), 9);
    assertEquals(reply.packet().extension(NhrpExtension.Authentication.class).password(), "cisco123");
    s.hub.receive(SV94_NBMA, NhrpPackets.purgeRequest(purge.mandatoryPart().addresses(), 10, NhrpFlags.PURGE_N,
        List.of(cie), purge.extensions()));
    assertEquals(s.net.sent(NhrpPacketType.PURGE_REPLY, HUB_NBMA).size(), 1, "N set: no reply");
  }

  @Test
  public void unexpectedRepliesAreDropped() {
    DocumentScenario s = registered();
    NhrpPacket stray = new NhrpPacketFactory(s.hub.config()).resolutionReply(sv94Request(s, TARGET),
        NhrpCie.ipv4(NhrpCieCode.SUCCESS, 24, 1514, 7200, SV93_NBMA, SV93_TUNNEL));
    s.sv94.receive(HUB_NBMA, stray);
    assertEquals(s.sv94.events().events(NhrpEventType.PACKET_DROPPED).get(0).detail(),
        "resolution-reply: no resolution outstanding with id 77");
    assertNull(s.sv94.cache().lookup(TARGET));
  }
}
