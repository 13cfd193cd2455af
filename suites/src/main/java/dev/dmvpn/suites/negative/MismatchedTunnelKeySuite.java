package dev.dmvpn.suites.negative;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.drivers.parse.IpsecFlow;
import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Mismatched tunnel key: sv9-4 with {@code tunnel key K+1} against the hub's and sv9-3's {@code tunnel key K}
 * (the document: 0). IOS: the key is GRE's, inside ESP, so IKE and IPsec come up; the hub picks the tunnel by
 * the key before it decapsulates [S6], so GRE with a key no tunnel has is dropped before NHRP sees it: no
 * Registration Reply. Checks of {@link RegistrationRefusedScenario}, then: the hub opens sv9-4's ESP but sends
 * nothing back ({@code #pkts encaps} 0 towards sv9-4, {@code #pkts decaps} 0 on sv9-4), and on the wire sv9-4's
 * decrypted GRE carries K+1, the hub's to sv9-3 K, and no NHRP goes from the hub to sv9-4.
 */
@Test(groups = {"virtual-rack", "real-rack", "negative"})
public class MismatchedTunnelKeySuite extends RegistrationRefusedScenario {

  @Override
  protected String caseName() {
    return "tunnel-key-mismatch";
  }

  @Override
  protected ConfigEdit change(NegativeCast cast) throws ScenarioException {
    long documentKey = documentKey(cast);
    return ConfigEdit.of(cast.changed().device(), "^ tunnel key " + documentKey + "$",
        " tunnel key " + (documentKey + 1));
  }

  private static long documentKey(NegativeCast cast) throws ScenarioException {
    return cast.dmvpn().tunnel().key().orElseThrow(() -> new ScenarioException(
        "the testbed's tunnel has no key: the tunnel-key case changes it"));
  }

  @Test(dependsOnMethods = "thePingToTheHubFails")
  public void theHubSendsNothingBackToSv94() throws Exception {
    long hubEncaps = ipsecFlows(cast.hub(), cast.changed()).stream().mapToLong(IpsecFlow::pktsEncaps).sum();
    long sv94Decaps = ipsecFlows(cast.changed(), cast.hub()).stream().mapToLong(IpsecFlow::pktsDecaps).sum();
    assertEquals(hubEncaps, 0, "the hub's #pkts encaps towards sv9-4");
    assertEquals(sv94Decaps, 0, "sv9-4's #pkts decaps from the hub");
  }

  @Test(dependsOnMethods = "theHubSendsNothingBackToSv94")
  public void sv94sGreCarriesItsOwnKeyAndNoNhrpComesBack() throws ScenarioException {
    long documentKey = documentKey(cast);
    List<DecodedFrame> frames = hubSideOpened();
    List<DecodedFrame> sv94Gre = frames.stream().filter(f -> from(f, cast.changed(), cast.hub()) && f.gre() != null)
        .toList();
    assertFalse(sv94Gre.isEmpty(), "sv9-4's GRE reaches the hub inside ESP");
    for (DecodedFrame f : sv94Gre) {
      assertEquals(f.gre().key(), Long.valueOf(documentKey + 1), "GRE key in sv9-4's frame " + f.number());
    }
    List<DecodedFrame> hubGre = frames.stream().filter(f -> from(f, cast.hub(), cast.control()) && f.gre() != null)
        .toList();
    assertFalse(hubGre.isEmpty(), "control: the hub's GRE to sv9-3");
    for (DecodedFrame f : hubGre) {
      assertEquals(f.gre().key(), Long.valueOf(documentKey), "GRE key in the hub's frame " + f.number());
    }
    assertTrue(frames.stream().anyMatch(f -> from(f, cast.changed(), cast.hub()) && f.nhrp() != null
        && f.nhrp().type().equals(NhrpPacketType.REGISTRATION_REQUEST)), "sv9-4's Registration Requests");
    assertEquals(frames.stream().filter(f -> from(f, cast.hub(), cast.changed()) && f.gre() != null).count(), 0L,
        "no GRE (so no NHRP) from the hub to sv9-4");
  }
}
