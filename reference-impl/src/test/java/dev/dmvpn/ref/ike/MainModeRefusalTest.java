package dev.dmvpn.ref.ike;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.isakmp.NotifyType;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

/** The Main Mode specifics the manager asks its task about: how refusals read, when only MM6 is due. */
public class MainModeRefusalTest {

  @Test
  public void refusalsNameTheirLikelyCause() {
    assertEquals(MainModeTask.refusal(NotifyType.NO_PROPOSAL_CHOSEN), "no proposal chosen");
    assertEquals(MainModeTask.refusal(NotifyType.INVALID_HASH_INFORMATION),
        "authentication failed (pre-shared key?)");
    assertEquals(MainModeTask.refusal(NotifyType.AUTHENTICATION_FAILED), "authentication failed (pre-shared key?)");
    assertEquals(MainModeTask.refusal(NotifyType.PAYLOAD_MALFORMED), "phase 1 refused");
  }

  @Test
  public void aReplyToMm5ThatDoesNotDecryptMeansAnotherKey() {
    InformationalTask nothing = new InformationalTask(
        new IkeSa(true, 1, 2, Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.2"), 500), 7, List.of());
    assertEquals(MainModeTask.answerToMm5(false, nothing),
        "authentication failed (pre-shared key?): peer's reply to MM5 does not decrypt");
    assertEquals(MainModeTask.answerToMm5(true, nothing), null, "authentic and without an error: MM6 may come");
  }

  @Test
  public void onlyTheInitiatorAfterMm5AwaitsMm6AndOnlyTheInitiatorRetransmits() {
    IkeConfig config = IkeConfig.document(Ipv4Address.parse("10.0.0.1"));
    RandomSource random = RandomSource.of(new SplittableRandom(1));
    MainModeTask initiator = new MainModeTask(
        new IkeSa(true, 1, 0, config.localAddress(), Ipv4Address.parse("10.0.0.2"), 500), config, random);
    MainModeTask responder = new MainModeTask(
        new IkeSa(false, 1, 2, config.localAddress(), Ipv4Address.parse("10.0.0.2"), 500), config, random);
    assertFalse(initiator.awaitsMm6(), "nothing sent yet");
    assertFalse(responder.awaitsMm6());
    assertEquals(initiator.retransmits(), true);
    assertEquals(responder.retransmits(), false, "a lost MM2/MM4/MM6 is recovered by the initiator's retransmission");
  }
}
