package dev.dmvpn.ref.node.scenario;

import static dev.dmvpn.ref.node.scenario.NegativeLab.HUB;
import static dev.dmvpn.ref.node.scenario.NegativeLab.SV93;
import static dev.dmvpn.ref.node.scenario.NegativeLab.SV94;
import static dev.dmvpn.ref.node.scenario.NegativeLab.from;
import static dev.dmvpn.ref.node.scenario.NegativeLab.nhrp;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.nhrp.NhrpErrorCode;
import dev.dmvpn.ref.nhrp.NhrpErrorIndication;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.engine.NhrpEvent;
import dev.dmvpn.ref.nhrp.engine.NhrpEventType;
import dev.dmvpn.ref.nhrp.engine.RegistrationState;
import dev.dmvpn.ref.node.Pinger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Wrong NHRP authentication string on sv9-4 ({@code ip nhrp authentication wrongpw1}). IPsec is not concerned:
 * the first registration attempt starts IKE and the SAs come up as in the document. Inside ESP the hub finds
 * another password in the Cisco authentication extension, drops the Registration Request and counts it; no
 * Registration Reply ever goes back, so sv9-4 retransmits the same request ID with its back-off (1, 2, 4, ... 64
 * s) and the hub never holds an entry for 192.168.1.3. The node (12.3 profile) also answers each refused packet
 * with an Error Indication code 11 (Authentication Failure) as RFC 2332 section 5.2.7 and FRR do, and as a
 * current Cisco spoke answered a broken authentication extension (FRRouting/frr issues 16466, 16507); whether
 * 12.3 sends it is unconfirmed (see ARCHITECTURE.md). With the document's string the same checks see none of it.
 */
public class NegativeNhrpAuthenticationTest {
  static final Duration RUN = Duration.ofSeconds(200);
  private static final byte[] DOCUMENT_PASSWORD = "cisco123".getBytes(StandardCharsets.US_ASCII);

  @DataProvider
  public Object[][] strings() {
    return new Object[][] {
      {RouterChange.nhrpAuthentication("sv9-4", "wrongpw1"), true},
      {RouterChange.none(), false}
    };
  }

  @Test(dataProvider = "strings")
  public void hubDropsTheRegistrationAndTheSpokeRetriesWithBackoff(RouterChange change, boolean wrong) {
    NegativeLab lab = new NegativeLab(change, 11);
    lab.pass(RUN);
    Pinger ping = lab.pingHubFromSv94();
    var hubNhrp = NegativeLab.tunnel(lab.routers.hub()).nhrp();
    var sv94Nhrp = NegativeLab.tunnel(lab.routers.sv94()).nhrp();

    // state: IPsec up either way, NHRP refused only with the wrong string
    assertTrue(NegativeLab.ipsecUp(lab.routers.sv94(), HUB) && NegativeLab.ipsecUp(lab.routers.hub(), SV94),
        "IPsec SAs between sv9-4 and the hub (the registration started IKE)");
    assertEquals(NegativeLab.registered(lab.routers.sv94()), !wrong, "sv9-4 registered");
    assertEquals(sv94Nhrp.registrar(DocumentRouters.HUB_TUNNEL).state(),
        wrong ? RegistrationState.REGISTERING : RegistrationState.REGISTERED);
    assertEquals(lab.hubKnows(DocumentRouters.SV9_4_TUNNEL), !wrong, "hub's entry for 192.168.1.3");
    assertTrue(lab.hubKnows(DocumentRouters.SV9_3_TUNNEL) && NegativeLab.registered(lab.routers.sv93()));
    assertEquals(ping.answered(), wrong ? 0 : 5, "ping 192.168.1.1 from sv9-4: " + ping.marks());
    assertEquals(hubNhrp.counters().authFailures() > 0, wrong, "hub authentication failures: "
        + hubNhrp.counters().authFailures());
    List<NhrpEvent> refused = hubNhrp.events().events(NhrpEventType.AUTH_FAILURE);
    assertEquals(!refused.isEmpty(), wrong);
    for (NhrpEvent e : refused) {
      assertEquals(e.nbma(), SV94);
      assertEquals(e.detail(), "authentication password mismatch");
    }

    // sv9-4's attempts: one request ID, retransmitted after 1, 2, 4, ..., 64, 64 s (IOS: nhrp.pcapng)
    List<NhrpEvent> sent = sv94Nhrp.events().events(NhrpEventType.REGISTRATION_SENT);
    if (wrong) {
      assertTrue(sent.stream().allMatch(e -> e.requestId() == sent.get(0).requestId()), sent.toString());
      List<Long> gaps = new ArrayList<>();
      for (int i = 1; i < sent.size(); i++) {
        gaps.add((sent.get(i).nanos() - sent.get(i - 1).nanos()) / 1_000_000_000L);
      }
      assertEquals(gaps, List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 64L).subList(0, gaps.size()), gaps.toString());
      assertTrue(gaps.size() >= 7, "attempts within 200 s: " + sent.size());
    } else {
      assertEquals(sent.size(), 2, "the first attempt starts IKE and is dropped, the retransmission answered");
    }

    // wire (ESP opened with the exported keys): requests from sv9-4, never a reply to it
    List<DecodedFrame> requests = lab.hubFrames().stream()
        .filter(from(SV94, HUB).and(nhrp(NhrpPacketType.REGISTRATION_REQUEST))).toList();
    assertFalse(requests.isEmpty(), "registration requests from sv9-4 reach the hub inside ESP");
    for (DecodedFrame f : requests) {
      NhrpExtension.Authentication a = f.nhrp().extension(NhrpExtension.Authentication.class);
      assertEquals(a.spi(), NhrpExtension.Authentication.SPI_CLEARTEXT);
      assertEquals(Arrays.equals(a.data(), DOCUMENT_PASSWORD), !wrong, "the password sv9-4 sends is the hub's");
    }
    long replies = lab.count(from(HUB, SV94).and(nhrp(NhrpPacketType.REGISTRATION_REPLY)));
    assertEquals(replies == 0, wrong, "registration replies to sv9-4: " + replies);
    List<DecodedFrame> errors = lab.hubFrames().stream()
        .filter(from(HUB, SV94).and(nhrp(NhrpPacketType.ERROR_INDICATION))).toList();
    assertEquals(errors.size(), wrong ? requests.size() : 0, "one Error Indication per refused request");
    for (DecodedFrame f : errors) {
      assertEquals(((NhrpErrorIndication) f.nhrp().body()).errorCode(), NhrpErrorCode.AUTHENTICATION_FAILURE);
    }
    assertTrue(lab.count(from(HUB, SV93).and(nhrp(NhrpPacketType.REGISTRATION_REPLY))) > 0, "control: sv9-3");
  }
}
