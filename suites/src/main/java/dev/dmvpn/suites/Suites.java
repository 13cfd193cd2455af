package dev.dmvpn.suites;

import dev.dmvpn.harness.scenario.suite.SuiteCatalog;
import dev.dmvpn.harness.scenario.suite.SuiteDefinition;
import dev.dmvpn.suites.document.DocumentScenarioSuite;
import dev.dmvpn.suites.negative.NegativeSuites;
import dev.dmvpn.suites.peer.ReferencePeerAsThirdSpokeSuite;
import java.util.ArrayList;
import java.util.List;

/** The suites of this module, by the names {@code run --suite} takes. */
public final class Suites implements SuiteCatalog {
  @Override
  public List<SuiteDefinition> suites() {
    List<SuiteDefinition> all = new ArrayList<>(List.of(new SuiteDefinition("document",
        "the document's scenario: EIGRP over the tunnel, both spokes registered, ping 2.2.2.2 from sv9-4 resolved"
            + " through the hub onto a direct IPsec SA, and the wire checked",
        List.of(DocumentScenarioSuite.class)),
        new SuiteDefinition("reference-peer",
            "the reference peer in the loop: the Java peer joins the document's DMVPN as a third spoke, learns the"
                + " routers' LANs by EIGRP via the hub, resolves sv9-3 through the hub and builds IPsec with it",
            List.of(ReferencePeerAsThirdSpokeSuite.class)),
        new SuiteDefinition("timers", TimerAndResilienceSuites.TIMERS_DESCRIPTION, TimerAndResilienceSuites.TIMERS),
        new SuiteDefinition("resilience", TimerAndResilienceSuites.RESILIENCE_DESCRIPTION,
            TimerAndResilienceSuites.RESILIENCE)));
    all.addAll(NegativeSuites.definitions());
    return all;
  }
}
