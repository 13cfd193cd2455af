package dev.dmvpn.ref.node.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.Test;

public class ScenarioSmokeTest {
  @Test
  public void smoke() throws Exception {
    Path dir = Files.createTempDirectory("doc-scenario");
    ScenarioResult r = DocumentScenario.runSimulated(dir, DocumentScenario.Options.defaults());
    r.eventLines().forEach(System.out::println);
    r.summary().forEach(System.out::println);
    System.out.println(dir);
    r.nodes().forEach(n -> System.out.println(n.name() + " " + n.counters()));
  }
}
