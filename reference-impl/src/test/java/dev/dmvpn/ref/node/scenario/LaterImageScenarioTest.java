package dev.dmvpn.ref.node.scenario;

import static dev.dmvpn.ref.node.scenario.DecodedCapture.isakmp;
import static dev.dmvpn.ref.node.scenario.DecodedCapture.nhrp;
import static dev.dmvpn.ref.node.scenario.DecodedCapture.outer;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.VendorIdPayload;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import java.nio.file.Files;
import java.util.List;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The document's topology with every router on the later image profile ({@link IosImage#IOS_12_4}): the packets
 * take the shapes of the shared IOS captures instead of the seed's (tshark on ios-nhrp-registration-key2-auth.pcap
 * frame 1: flags 0x8002, CIE prefix 32, extensions 3,4,5,7,9,0 with the NHS in 9; ios-phase2-resolution-via-hub.cap
 * frames 2/5-7: flags 0xC802, an empty extension 9, the hub forwarding and the reply returning through it;
 * ios-ikev1-main-quick-mode.cap frames 1/3: NAT-T draft-07/-03/-02\n, XAUTH after the IOS vendor ID).
 */
public class LaterImageScenarioTest {
  static final String HUB = "209.168.202.225";
  static final String SV93 = "209.168.202.131";
  static final String SV94 = "209.168.202.130";
  private ScenarioResult result;
  private DecodedCapture spokes;

  @BeforeClass
  public void run() throws Exception {
    result = DocumentScenario.runSimulated(Files.createTempDirectory("later-image"),
        DocumentScenario.Options.defaults().withSeed(7).withImage(IosImage.IOS_12_4));
    spokes = new DecodedCapture(result.spokeCapture(), result.keyDir());
  }

  @Test
  public void theSpokeToSpokePathStillComesUp() {
    assertTrue(result.success(), String.join("\n", result.summary()));
  }

  @Test
  public void registrationsLookLikeTheKey2Capture() {
    DecodedFrame reg = spokes.where(nhrp(NhrpPacketType.REGISTRATION_REQUEST).and(outer(SV94, HUB))).get(0);
    assertEquals(reg.nhrp().mandatoryPart().flags(), 0x8002);
    assertEquals(reg.nhrp().mandatoryPart().firstCie().prefixLength(), 32);
    assertEquals(reg.nhrp().extensions().stream().map(e -> e.type().value()).toList(), List.of(3, 4, 5, 7, 9, 0));
    NhrpExtension.CiscoNat nat = reg.nhrp().extension(NhrpExtension.CiscoNat.class);
    assertEquals(nat.cies().size(), 1, "the NHS");
    assertEquals(nat.cies().get(0).clientNbmaIpv4().toString(), HUB);
    assertEquals(reg.nhrp().header().packetSize(), 108,
        "the capture's 108 bytes (its password NHRPAUTH is as long as cisco123)");
  }

  @Test
  public void resolutionGoesThroughTheHubBothWaysAsInThePhase2Capture() {
    DecodedFrame req = spokes.where(nhrp(NhrpPacketType.RESOLUTION_REQUEST).and(outer(SV94, HUB))).get(0);
    assertEquals(req.nhrp().mandatoryPart().flags(), 0xC802);
    assertEquals(req.nhrp().header().packetSize(), 88, "the capture's 72 + the 16-byte authentication");
    assertTrue(spokes.where(nhrp(NhrpPacketType.RESOLUTION_REPLY).and(outer(SV93, SV94))).isEmpty(),
        "no direct reply");
    DecodedFrame viaHub = spokes.where(nhrp(NhrpPacketType.RESOLUTION_REPLY).and(outer(HUB, SV94))
        .and(f -> f.nhrp().mandatoryPart().dstProtoIpv4().toString().equals("2.2.2.2"))).get(0);
    assertEquals(viaHub.nhrp().header().hopCount(), 254, "relayed by the hub");
    assertEquals(viaHub.nhrp().extension(NhrpExtension.ReverseTransit.class).cies().size(), 1);
  }

  @Test
  public void mainModeCarriesTheCapturesVendorIds() {
    DecodedFrame mm1 = spokes.where(isakmp(ExchangeType.MAIN_MODE).and(outer(SV93, SV94))).get(0);
    assertEquals(vids(mm1), List.of("439b59f8ba676c4c7737ae22eab8f582", "7d9419a65310ca6f2c179d9215529d56",
        "90cb80913ebb696e086381b5ec427b1f"));
    DecodedFrame mm3 = spokes.where(isakmp(ExchangeType.MAIN_MODE).and(outer(SV93, SV94))).get(1);
    List<String> v = vids(mm3);
    assertEquals(v.size(), 4);
    assertEquals(v.get(3), "09002689dfd6b712", "XAUTH last");
  }

  private static List<String> vids(DecodedFrame f) {
    return f.isakmp().all(VendorIdPayload.class).stream().map(p -> Hex.of(p.data())).toList();
  }
}
