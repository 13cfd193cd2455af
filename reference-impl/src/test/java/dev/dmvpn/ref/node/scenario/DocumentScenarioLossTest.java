package dev.dmvpn.ref.node.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.wire.virtual.DropReason;
import java.nio.file.Files;
import java.time.Duration;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The document's scenario with 20 % random loss on both WAN segments (fixed seeds): IKE and NHRP retransmissions
 * must bring everything up within a bound of simulated time, and the pinger must never get a reply twice.
 */
public class DocumentScenarioLossTest {
  static final Duration BOUND = Duration.ofMinutes(10);

  @DataProvider
  public Object[][] seeds() {
    return new Object[][] {{1L}, {2L}, {3L}};
  }

  @Test(dataProvider = "seeds")
  public void convergesUnderTwentyPercentLoss(long seed) throws Exception {
    ScenarioResult r = DocumentScenario.runSimulated(Files.createTempDirectory("document-scenario-loss"),
        DocumentScenario.Options.defaults().withSeed(seed).withLoss(0.2).withLimit(BOUND));
    String report = String.join("\n", r.summary());
    assertTrue(r.success(), "seed " + seed + "\n" + report);
    assertTrue(r.scenarioNanos() < BOUND.plusSeconds(5).toNanos(), "within the bound");
    assertEquals(r.duplicateReplies(), 0, "no echo reply delivered twice");
    assertTrue(r.pingsAnswered() >= 1, report);
    for (DmvpnNode n : r.nodes()) {
      assertEquals(n.events().count(NodeEventKind.INTERNAL_ERROR), 0, n.events().lines().toString());
      assertEquals(n.counters().drops("icmp: duplicate echo reply"), 0);
    }
    long lost = r.hubSegment().dropped(DropReason.LOSS) + r.spokeSegment().dropped(DropReason.LOSS);
    long sent = r.hubSegment().sent() + r.spokeSegment().sent();
    assertTrue(lost > sent / 10, "the loss really happened: " + lost + " of " + sent + " frames lost");
    assertTrue(r.eventLines().stream().anyMatch(l -> l.contains("registration to 192.168.1.1 answered")));
  }
}
