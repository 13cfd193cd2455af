package dev.dmvpn.topology.load;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.validate.TestbedValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/** The example in topology/README.md is a working testbed (the engineer's reference must not rot). */
public class ReadmeExampleTest {

  @Test
  public void readmeExampleLoadsAndValidates() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```yaml\ntestbed:\n  name: bench-2");
    int end = readme.indexOf("```\n", start + 7);
    String yaml = readme.substring(start + "```yaml\n".length(), end);

    LoadResult r = TestbedLoader.load("README.md", yaml, Path.of("/nonexistent-dir"));
    Testbed t = r.testbed().orElseThrow();
    List<TestbedProblem> all = new ArrayList<>(r.problems());
    all.addAll(TestbedValidator.validate(t, r.locations()));

    // the only problem: the example's credentials file does not exist here (lines count from the block)
    assertEquals(all.stream().map(TestbedProblem::toString).toList(), List.of(
        "README.md:11: devices.hub.credentials.enable.password: credentials file "
            + "/nonexistent-dir/secrets/enable does not exist"));
    assertEquals(t.dmvpn().orElseThrow().spokes().size(), 1);
  }
}
