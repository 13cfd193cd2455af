package dev.dmvpn.suites.negative;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.harness.scenario.ConfigEdit;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.ref.isakmp.IpsecAttributes;
import dev.dmvpn.ref.isakmp.TransformPayload;
import java.util.List;
import org.testng.annotations.Test;

/**
 * IPsec mode mismatch: {@code mode transport} under sv9-4's transform set, the hub's in the default tunnel mode.
 * sv9-4 initiates Quick Mode towards the hub and offers transport (encapsulation mode 2), which a tunnel-only
 * responder refuses with NO-PROPOSAL-CHOSEN (ARCHITECTURE.md "IPsec: mode" [S8]; IOS's refusal of a transport
 * offer is unconfirmed there: check on a real router). Checks of {@link QuickModeRefusedScenario}; the offer's
 * encapsulation mode is 2. (The other way round, {@code mode transport} on the hub, nothing fails: the engine's
 * {@code NegativeIpsecModeTest} covers it; the case here changes sv9-4 only.)
 */
@Test(groups = {"virtual-rack", "real-rack", "negative"})
public class IpsecModeMismatchSuite extends QuickModeRefusedScenario {

  @Override
  protected String caseName() {
    return "ipsec-mode-mismatch";
  }

  @Override
  protected ConfigEdit change(NegativeCast cast) throws ScenarioException {
    if (cast.dmvpn().ipsec().mode().isPresent()) {
      throw new ScenarioException("the testbed's transform set already sets mode "
          + cast.dmvpn().ipsec().mode().get() + ": the case adds mode transport to the document's tunnel mode");
    }
    return ConfigEdit.of(cast.changed().device(), "^crypto ipsec transform-set .*$", "$0\n mode transport");
  }

  @Override
  protected void checkOffer(List<TransformPayload> offered) {
    for (TransformPayload t : offered) {
      assertEquals(t.attribute(IpsecAttributes.ENCAPSULATION_MODE).longValue(), (long) IpsecAttributes.MODE_TRANSPORT,
          "encapsulation mode offered by sv9-4");
    }
  }
}
