package dev.dmvpn.harness.sequence;

import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.node.scenario.DocumentScenario;
import dev.dmvpn.ref.node.scenario.ScenarioResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The shipped expectations with their defaults (the document's addresses) against the document's scenario as the
 * reference routers run it (simulated clock), read with the keys they export. This is not independent evidence
 * of IOS behaviour (the real captures are, in {@link SequenceCheckerTest}); it shows the same files serve the
 * document's rack unchanged, inside ESP.
 */
public class SequenceDocumentScenarioTest {
  private Path dir;
  private ScenarioResult run;
  private List<FrameView> spokes;

  @BeforeClass
  public void runScenario() throws Exception {
    dir = Files.createTempDirectory("sequence-document");
    run = DocumentScenario.runSimulated(dir, DocumentScenario.Options.defaults().withSeed(1));
    assertTrue(run.success(), run.summary().toString());
    spokes = FrameViews.of(CaptureFrames.read(run.spokeCapture(), List.of(run.keyDir())).frames());
  }

  @AfterClass(alwaysRun = true)
  public void cleanUp() throws Exception {
    if (dir != null) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private void matches(String shipped) throws Exception {
    SequenceResult r = SequenceChecker.checkViews(spokes, SequenceLoader.shipped(shipped), Map.of());
    assertTrue(r.matched(), MismatchReport.text(r));
  }

  @Test
  public void bothSpokesRegister() throws Exception {
    matches("registration.yaml");
  }

  @Test
  public void sv94sResolutionIsForwardedByTheHubAndAnswered() throws Exception {
    matches("resolution-via-hub.yaml");
  }

  @Test
  public void spokeToSpokeMainAndQuickMode() throws Exception {
    matches("isakmp-main-quick.yaml");
  }
}
