package dev.dmvpn.reports.write;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.reports.RunRecorder;
import dev.dmvpn.reports.TestReport;
import dev.dmvpn.reports.Verdict;
import dev.dmvpn.reports.model.TestKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.testng.annotations.Test;

public class ProgressWriterTest {
  @Test
  public void oneLinePerTestEventThenTheCounts() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong clock = new AtomicLong(0);
    RunRecorder r = RunRecorder.builder(Path.of("unused")).writers(List.of())
        .addWriter(new ProgressWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
        .clock(() -> clock.getAndAdd(600)).start();
    r.start(TestKind.SETUP, "DocumentScenario", "bringUp", Map.of()).finish(null);
    TestReport t = r.startTest("DocumentScenario", "spokeToSpoke", Map.of());
    t.finish(Verdict.FAILED, "no Quick Mode\nsecond line");
    r.start(TestKind.TEARDOWN, "DocumentScenario", "tearDown", Map.of()).finish(new IllegalStateException("vty"));
    r.finish();
    assertEquals(bytes.toString(StandardCharsets.UTF_8), String.join("\n",
        "RUNNING  DocumentScenario / spokeToSpoke",
        "FAILED   DocumentScenario / spokeToSpoke (600 ms): no Quick Mode",
        "ERRORED  DocumentScenario / tearDown [teardown] (600 ms): java.lang.IllegalStateException: vty",
        "0 passed, 1 failed, 0 skipped, 1 errored, 0 blocked", ""));
  }
}
