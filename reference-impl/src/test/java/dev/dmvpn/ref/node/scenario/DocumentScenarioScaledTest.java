package dev.dmvpn.ref.node.scenario;

import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.node.NodeEvent;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.testng.annotations.Test;

/** The same scenario on an ExecutorScheduler in scaled real time (the demo's way of running it). */
public class DocumentScenarioScaledTest {
  @Test(timeOut = 60_000)
  public void runsInScaledRealTime() throws Exception {
    List<NodeEvent> printed = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    ScenarioResult r = DocumentScenario.runScaled(Files.createTempDirectory("document-scenario-scaled"),
        DocumentScenario.Options.defaults().withSeed(5).withListener(printed::add), 20.0);
    assertTrue(r.success(), String.join("\n", r.summary()) + "\n" + String.join("\n", r.eventLines()));
    assertTrue(printed.stream().anyMatch(e -> e.line().startsWith("sv9-4: NHRP resolution of 2.2.2.2 answered")),
        "the listener saw the events as they happened");
    assertTrue(System.nanoTime() - start < 30_000_000_000L, "seconds, not minutes");
    assertTrue(r.hubCapture().toFile().length() > 24 && r.keyDir().resolve("esp_sa").toFile().length() > 0);
  }
}
