package dev.dmvpn.ref.node.scenario;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.ref.ike.TransformSet;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Transform-set mismatch: sv9-4's profile offers {@code esp-des esp-sha-hmac} while the hub accepts only the
 * document's {@code esp-3des esp-md5-hmac}. Main Mode does not involve the transform set and completes; the hub
 * refuses sv9-4's Quick Mode with NO-PROPOSAL-CHOSEN (protocol 3) in an encrypted Informational and installs
 * nothing; sv9-4 has an ISAKMP SA (QM_IDLE) but no IPsec SA, so its registration never leaves and the hub never
 * learns 192.168.1.3 ({@link QuickModeRefusal}). With the document's set everything comes up.
 */
public class NegativeTransformSetTest {
  static final Duration RUN = Duration.ofSeconds(200);

  @DataProvider
  public Object[][] sets() {
    TransformSet desSha = new TransformSet("strong", EspEncryption.DES_CBC, EspIntegrity.HMAC_SHA1_96,
        EspMode.TUNNEL);
    return new Object[][] {
      {RouterChange.transformSet("sv9-4", desSha), true},
      {RouterChange.none(), false}
    };
  }

  @Test(dataProvider = "sets")
  public void quickModeIsRefusedWithNoProposalChosenAndPhase1StaysUp(RouterChange change, boolean mismatched) {
    NegativeLab lab = new NegativeLab(change, 19);
    lab.pass(RUN);
    QuickModeRefusal.check(lab, mismatched);
    assertEquals(List.copyOf(new java.util.HashSet<>(QuickModeRefusal.offeredModes(lab))), List.of(1L),
        "sv9-4 offers tunnel mode (encaps 1) either way: only the algorithms differ");
  }
}
