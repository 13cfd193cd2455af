package dev.dmvpn.reports;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.reports.model.AttachmentRecord;
import dev.dmvpn.reports.model.MediaTypes;
import dev.dmvpn.reports.model.StepRecord;
import dev.dmvpn.reports.model.TestRecord;
import dev.dmvpn.reports.write.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** The recorder from plain code, on a fake clock (each reading advances it by 10 ms) and an in-memory writer. */
public class RunRecorderTest {
  private AtomicLong clock;
  private RecordingWriter writer;

  @BeforeMethod
  public void fresh() {
    clock = new AtomicLong(1_000_000);
    writer = new RecordingWriter();
  }

  private RunRecorder recorder(ReportWriter... extra) {
    List<ReportWriter> writers = new java.util.ArrayList<>(List.of(writer));
    writers.addAll(List.of(extra));
    return RunRecorder.builder(Path.of("unused")).clock(() -> clock.getAndAdd(10)).writers(writers)
        .label(RunRecorder.TESTBED, "lab-" + "s3cr3t").mask(SecretMask.of(List.of("s3cr3t"))).start();
  }

  @Test
  public void nestedStepsWithTimingsAndVerdicts() {
    RunRecorder r = recorder();
    TestReport t = r.startTest("DocumentScenario", "spokeToSpoke", Map.of());
    t.step("bring up", () -> t.step("push configs", () -> {}));
    expectThrows(AssertionError.class, () -> t.step("check sequence", () -> {
      throw new AssertionError("no Quick Mode seen");
    }));
    t.finish(Verdict.FAILED, "sequence mismatch");
    TestRecord rec = t.snapshot();
    // clock: run start 1000000, test start +10, bring up +20, push +30/+40, bring up end +50, check +60/+70, finish +80
    assertEquals(rec.startMillis(), 1_000_010);
    StepRecord bringUp = rec.steps().get(0);
    assertEquals(List.of(bringUp.name(), bringUp.startMillis(), bringUp.stopMillis(), bringUp.verdict()),
        List.of("bring up", 1_000_020L, 1_000_050L, Verdict.PASSED));
    StepRecord push = bringUp.steps().get(0);
    assertEquals(List.of(push.name(), push.durationMillis(), push.verdict()), List.of("push configs", 10L,
        Verdict.PASSED));
    StepRecord check = rec.steps().get(1);
    assertEquals(check.verdict(), Verdict.FAILED);
    assertEquals(check.message(), "java.lang.AssertionError: no Quick Mode seen");
    assertEquals(rec.stopMillis(), 1_000_080);
    assertEquals(rec.verdict(), Verdict.FAILED);
  }

  @Test
  public void stepRethrowsCheckedExceptionUnchangedAndReturnsValues() {
    RunRecorder r = recorder();
    TestReport t = r.startTest("S", "t", Map.of());
    IOException thrown = new IOException("vty closed");
    IOException seen = expectThrows(IOException.class, () -> t.step("login", () -> {
      throw thrown;
    }));
    assertSame(seen, thrown);
    assertEquals(t.snapshot().steps().get(0).verdict(), Verdict.ERRORED);
    assertEquals((int) t.step("count", () -> 42), 42);
  }

  @Test
  public void attachmentsGoToTheInnermostOpenStep() {
    RunRecorder r = recorder();
    TestReport t = r.startTest("S", "t", Map.of());
    t.attachText("before", "a");
    t.step("outer", () -> t.step("inner", () -> t.attachText("inside", "b")));
    TestRecord rec = t.snapshot();
    assertEquals(rec.attachments().stream().map(AttachmentRecord::name).toList(), List.of("before"));
    assertEquals(rec.steps().get(0).steps().get(0).attachments().get(0).name(), "inside");
  }

  @Test
  public void writersSeeEveryChangeInOrder() {
    RunRecorder r = recorder();
    TestReport t = r.startTest("S", "t1", Map.of());
    t.attachText("transcript", "x");
    t.finish(null);
    r.finish();
    assertEquals(writer.calls, List.of("run 0", "test t1 RUNNING", "run 1", "attachment transcript to t1",
        "test t1 PASSED", "run 1", "run 1 finished"));
  }

  @Test
  public void onlyTheFirstFinishCountsAndOpenStepsAreClosed() throws InterruptedException {
    RunRecorder r = recorder();
    TestReport t = r.startTest("S", "t", Map.of());
    java.util.concurrent.CountDownLatch inStep = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread worker = new Thread(() -> t.step("wait for the hub", () -> {
      inStep.countDown();
      release.await();
    }));
    worker.start();
    inStep.await();
    t.finish(Verdict.ERRORED, "lab lost power");
    release.countDown();
    worker.join();
    t.finish(Verdict.PASSED, "too late");
    TestRecord rec = t.snapshot();
    assertEquals(rec.verdict(), Verdict.ERRORED);
    assertEquals(rec.message(), "lab lost power");
    assertEquals(rec.steps().get(0).verdict(), Verdict.ERRORED);
    assertEquals(rec.steps().get(0).message(), "not finished when the test ended");
    assertFalse(t.running());
  }

  @Test
  public void secretsAreMaskedInEveryTextAndTextAttachmentsOnly() {
    RunRecorder r = recorder();
    TestReport t = r.startTest("S", "login s3cr3t", Map.of("user", "admin/s3cr3t"));
    t.step("enable s3cr3t", () -> {});
    t.attachText("password s3cr3t", "enable secret s3cr3t\n");
    byte[] binary = "raw s3cr3t bytes".getBytes(StandardCharsets.US_ASCII);
    t.attach("capture", MediaTypes.PCAP, "cap.pcap", binary);
    t.finish(new IllegalStateException("refused s3cr3t"));
    TestRecord rec = t.snapshot();
    assertEquals(rec.name(), "login *****");
    assertEquals(rec.labels(), Map.of("user", "admin/*****"));
    assertEquals(rec.steps().get(0).name(), "enable *****");
    assertEquals(rec.attachments().get(0).name(), "password *****");
    assertEquals(new String(rec.attachments().get(0).content(), StandardCharsets.UTF_8), "enable secret *****\n");
    // a capture is evidence byte for byte: binary attachments are not rewritten
    assertEquals(rec.attachments().get(1).content(), binary);
    assertEquals(rec.message(), "java.lang.IllegalStateException: refused *****");
    assertFalse(rec.detail().contains("s3cr3t"));
    assertTrue(rec.detail().contains("refused *****"));
    assertEquals(r.snapshot().labels(), Map.of(RunRecorder.TESTBED, "lab-*****"));
  }

  @Test
  public void failingWriterDoesNotStopTheRunAndIsReported() {
    ReportWriter broken = run -> {
      throw new IOException("disk full writing s3cr3t.html");
    };
    RunRecorder r = recorder(broken);
    r.startTest("S", "t", Map.of()).finish(null);
    assertEquals(r.finish().passed(), 1);
    assertEquals(r.writeErrors().size(), 4);
    assertTrue(r.writeErrors().get(0).contains("disk full writing *****.html"), r.writeErrors().get(0));
  }

  @Test
  public void downloadNamesLoseDirectoriesAndDerivedNamesGetAnExtension() {
    RunRecorder r = recorder();
    TestReport t = r.startTest("S", "t", Map.of());
    t.attach("keys", MediaTypes.WIRESHARK_KEYS, "../../etc/esp_sa", new byte[] {'x'});
    t.attach("sequence diagram", MediaTypes.SVG, "<svg/>".getBytes(StandardCharsets.UTF_8));
    List<AttachmentRecord> a = t.snapshot().attachments();
    assertEquals(a.get(0).fileName(), "esp_sa");
    assertTrue(a.get(0).source().endsWith("-attachment.csv"), a.get(0).source());
    assertEquals(a.get(1).fileName(), "sequence-diagram.svg");
  }

  @Test
  public void afterFinishAttachFailsNamingTheTestAndStepsRunUnrecorded() {
    RunRecorder r = recorder();
    TestReport t = r.startTest("DocumentScenario", "hubReload", Map.of());
    t.finish(null);
    IllegalStateException e = expectThrows(IllegalStateException.class, () -> t.attachText("late", "x"));
    assertTrue(e.getMessage().contains("'late' to DocumentScenario / hubReload: it finished already"),
        e.getMessage());
    assertEquals((int) t.step("late step", () -> 3), 3);
    assertEquals(t.snapshot().steps(), List.of());
  }

  @Test
  public void detachedReportRunsStepsAndKeepsNothing() {
    TestReport t = TestReport.detached();
    assertEquals((int) t.step("value", () -> 7), 7);
    t.attachText("x", "y");
    t.finish(null);
    assertTrue(t.isDetached());
    assertFalse(t.running());
  }

  @Test
  public void currentFallsBackToTheOnlyRunningEntryThenToDetached() throws InterruptedException {
    RunRecorder r = recorder();
    Reports.activate(r);
    try {
      TestReport t = r.startTest("S", "t", Map.of());
      TestReport[] seen = new TestReport[1];
      Thread other = new Thread(() -> seen[0] = Reports.current()); // as a TestNG timeOut thread would
      other.start();
      other.join();
      assertSame(seen[0], t);
      t.finish(null);
      assertTrue(Reports.current().isDetached());
    } finally {
      Reports.activate(null);
    }
  }
}
