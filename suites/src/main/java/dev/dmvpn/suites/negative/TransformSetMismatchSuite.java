package dev.dmvpn.suites.negative;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.ref.isakmp.IpsecAttributes;
import dev.dmvpn.ref.isakmp.TransformPayload;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Transform-set mismatch: sv9-4's {@code crypto ipsec transform-set strong esp-des esp-sha-hmac} against the
 * hub's {@code esp-3des esp-md5-hmac} (the engine's {@code NegativeTransformSetTest}). Checks of {@link
 * QuickModeRefusedScenario}; sv9-4's QM1 offers ESP_DES (transform ID 2) with HMAC-SHA (authentication 2).
 */
@Test(groups = {"virtual-rack", "real-rack", "negative"})
public class TransformSetMismatchSuite extends QuickModeRefusedScenario {
  static final List<String> CHANGED = List.of("esp-des", "esp-sha-hmac");

  @Override
  protected String caseName() {
    return "transform-set-mismatch";
  }

  @Override
  protected ConfigEdit change(NegativeCast cast) throws ScenarioException {
    if (cast.dmvpn().ipsec().transforms().equals(CHANGED)) {
      throw new ScenarioException("the testbed's transform set is already " + CHANGED + ": nothing to mismatch");
    }
    return ConfigEdit.of(cast.changed().device(), "^(crypto ipsec transform-set \\S+ ).*$",
        "$1" + String.join(" ", CHANGED));
  }

  @Override
  protected void checkOffer(List<TransformPayload> offered) {
    for (TransformPayload t : offered) {
      assertEquals(t.transformId(), IpsecAttributes.ESP_DES, "ESP transform offered by sv9-4");
      assertEquals(t.attribute(IpsecAttributes.AUTHENTICATION_ALGORITHM).longValue(),
          (long) IpsecAttributes.AUTH_HMAC_SHA, "authentication algorithm offered by sv9-4");
    }
  }
}
