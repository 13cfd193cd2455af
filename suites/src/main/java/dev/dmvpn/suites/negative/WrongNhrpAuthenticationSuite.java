package dev.dmvpn.suites.negative;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Wrong NHRP authentication on sv9-4 ({@code ip nhrp authentication wrong0pw}: 8 characters, the 12.3 limit,
 * with {@code 0} and {@code o}, which the virtual rack's per-run secrets never hold). IOS: every router of the
 * NBMA network must use the same string [S3]; the hub refuses a packet whose authentication extension differs
 * [S4] and never answers the registration; IPsec is not concerned. Whether 12.3 also sends an Error Indication
 * (code 11) is unconfirmed, so it is not asserted. Checks of {@link RegistrationRefusedScenario} plus the wire:
 * sv9-4's requests carry another password than sv9-3's, and the hub never replies to sv9-4.
 */
@Test(groups = {"virtual-rack", "real-rack", "negative"})
public class WrongNhrpAuthenticationSuite extends RegistrationRefusedScenario {
  static final String WRONG = "wrong0pw";

  @Override
  protected String caseName() {
    return "wrong-nhrp-auth";
  }

  @Override
  protected ConfigEdit change(NegativeCast cast) {
    return ConfigEdit.of(cast.changed().device(), "^ ip nhrp authentication \\S+$", " ip nhrp authentication " + WRONG);
  }

  @Test(dependsOnMethods = "thePingToTheHubFails")
  public void sv94sRequestsCarryAnotherPasswordAndTheHubNeverReplies() throws ScenarioException {
    List<DecodedFrame> frames = hubSideOpened();
    byte[] sv94 = password(frames, cast.changed());
    byte[] sv93 = password(frames, cast.control());
    assertFalse(Arrays.equals(sv94, sv93), "sv9-4's authentication extension differs from sv9-3's (the hub's)");
    assertEquals(frames.stream().filter(f -> from(f, cast.hub(), cast.changed()) && f.nhrp() != null
        && f.nhrp().type().equals(NhrpPacketType.REGISTRATION_REPLY)).count(), 0L, "Registration Replies to sv9-4");
    assertEquals(frames.stream().filter(f -> from(f, cast.hub(), cast.changed()) && f.nhrp() != null
        && !f.nhrp().type().equals(NhrpPacketType.ERROR_INDICATION)).count(), 0L,
        "nothing NHRP from the hub to sv9-4 but (possibly) Error Indications");
    assertTrue(frames.stream().anyMatch(f -> from(f, cast.hub(), cast.control()) && f.nhrp() != null
        && f.nhrp().type().equals(NhrpPacketType.REGISTRATION_REPLY)), "control: the hub replies to sv9-3");
  }

  /** The password in {@code spoke}'s decrypted Registration Requests to the hub (all the same). */
  private byte[] password(List<DecodedFrame> frames, dev.dmvpn.topology.DmvpnMember spoke) {
    List<byte[]> seen = frames.stream().filter(f -> from(f, spoke, cast.hub()) && f.nhrp() != null
            && f.nhrp().type().equals(NhrpPacketType.REGISTRATION_REQUEST))
        .map(f -> f.nhrp().extension(NhrpExtension.Authentication.class))
        .map(a -> a == null ? new byte[0] : a.data()).toList();
    assertFalse(seen.isEmpty(), spoke.device() + "'s Registration Requests reach the hub inside ESP");
    for (byte[] b : seen) {
      assertTrue(Arrays.equals(b, seen.get(0)), spoke.device() + " sends one password");
    }
    return seen.get(0);
  }
}
