package dev.dmvpn.reports;

import dev.dmvpn.reports.model.AttachmentRecord;
import dev.dmvpn.reports.model.Counts;
import dev.dmvpn.reports.model.RunRecord;
import dev.dmvpn.reports.model.TestKind;
import dev.dmvpn.reports.model.TestRecord;
import dev.dmvpn.reports.write.AllureResultsDirectory;
import dev.dmvpn.reports.write.HtmlReportWriter;
import dev.dmvpn.reports.write.JunitXmlWriter;
import dev.dmvpn.reports.write.ReportWriter;
import dev.dmvpn.reports.write.SummaryWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Records one run (tests, steps, attachments, verdicts) and keeps its reports in {@link #outputDir()} up to date:
 * every writer runs when the run starts, when an entry starts or finishes, and when the run finishes (attachments go
 * to the Allure directory as they are added). Thread-safe; one lock serialises recording and writing.
 *
 * <p>Every text the recorder stores passes through its secret mask first. A writer that fails does not stop the run:
 * its error is kept in {@link #writeErrors()} (masked).
 */
public final class RunRecorder {
  /** Run label keys the suites should use (Allure labels of the same names). */
  public static final String TESTBED = "testbed";
  /** Devices of the testbed, comma-separated; Allure gets one {@code device} label per device. */
  public static final String DEVICES = "device";
  public static final String IOS_IMAGE = "iosImage";
  /** Least time between two rewrites caused by progress inside a test (steps, attachments). */
  public static final long PROGRESS_INTERVAL_MILLIS = 1000;

  private final Object lock = new Object();
  private final Path outputDir;
  private final Function<String, String> mask;
  private final LongSupplier clock;
  private final List<ReportWriter> writers;
  private final String id = UUID.randomUUID().toString();
  private final String title;
  private final Map<String, String> labels;
  private final long start;
  private final List<TestReport> tests = new ArrayList<>();
  private final List<String> writeErrors = new ArrayList<>();
  private long stop;
  private long lastPublished = System.nanoTime();

  private RunRecorder(Builder b) {
    this.outputDir = b.outputDir.toAbsolutePath().normalize();
    this.mask = b.mask;
    this.clock = b.clock;
    this.title = b.mask.apply(b.title);
    Map<String, String> l = new LinkedHashMap<>();
    b.labels.forEach((k, v) -> l.put(mask.apply(k), mask.apply(v)));
    this.labels = l;
    this.writers = b.writers != null ? List.copyOf(b.writers) : defaultWriters(outputDir);
    this.start = clock.getAsLong();
  }

  /** Allure results, HTML, JUnit XML and summary under {@code dir}; layout in {@code reports/README.md}. */
  public static List<ReportWriter> defaultWriters(Path dir) {
    return List.of(new AllureResultsDirectory(dir.resolve(AllureResultsDirectory.NAME)),
        new HtmlReportWriter(dir.resolve("report.html")), new JunitXmlWriter(dir.resolve("junit")),
        new SummaryWriter(dir.resolve("summary.txt")));
  }

  public static Builder builder(Path outputDir) {
    return new Builder(outputDir);
  }

  /** Starts a test of {@code suite}. {@code labels} (may be empty) go to Allure and the HTML report. */
  public TestReport startTest(String suite, String name, Map<String, String> labels) {
    return start(TestKind.TEST, suite, name, labels);
  }

  /** Starts an entry of any kind (the TestNG listener records setup and teardown methods this way). */
  public TestReport start(TestKind kind, String suite, String name, Map<String, String> labels) {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(name, "name");
    Map<String, String> l = new LinkedHashMap<>();
    labels.forEach((k, v) -> l.put(mask.apply(k), v == null ? "" : mask.apply(v)));
    TestReport t;
    synchronized (lock) {
      t = new TestReport(this, UUID.randomUUID().toString(), kind, mask.apply(suite), mask.apply(name), l,
          clock.getAsLong());
      tests.add(t);
      publishTest(t);
    }
    return t;
  }

  /** The run as recorded so far. */
  public RunRecord snapshot() {
    synchronized (lock) {
      List<TestRecord> records = new ArrayList<>(tests.size());
      for (TestReport t : tests) {
        records.add(t.snapshotLocked());
      }
      return new RunRecord(id, title, labels, start, stop, records);
    }
  }

  /** Entries still running, oldest first. */
  public List<TestReport> running() {
    synchronized (lock) {
      return tests.stream().filter(TestReport::running).toList();
    }
  }

  /**
   * Finishes the run (entries still running are left RUNNING: the reports then say so) and writes every report a last
   * time. Calling it again changes nothing.
   */
  public Counts finish() {
    synchronized (lock) {
      if (stop == 0) {
        stop = Math.max(clock.getAsLong(), start + 1);
        publishRun(snapshot());
      }
      return snapshot().counts();
    }
  }

  /** Problems the writers met (masked), oldest first; empty when every report was written. */
  public List<String> writeErrors() {
    synchronized (lock) {
      return List.copyOf(writeErrors);
    }
  }

  public Path outputDir() {
    return outputDir;
  }

  /** Applies the run's secret mask; for callers that build their own text from secrets-bearing sources. */
  public String mask(String text) {
    return mask.apply(text);
  }

  // ---- called by TestReport, always under the lock

  Object lock() {
    return lock;
  }

  long now() {
    return clock.getAsLong();
  }

  void publishTest(TestReport t) {
    lastPublished = System.nanoTime();
    RunRecord run = snapshot();
    TestRecord record = t.snapshotLocked();
    for (ReportWriter w : writers) {
      guard(w, () -> w.testChanged(run, record));
    }
    publishRun(run);
  }

  void publishAttachment(TestReport t, AttachmentRecord a) {
    TestRecord record = t.snapshotLocked();
    for (ReportWriter w : writers) {
      guard(w, () -> w.attachmentAdded(record, a));
    }
    publishProgress(t);
  }

  /**
   * A running entry made progress (a step ended, an attachment came): the reports are rewritten at most once per
   * {@link #PROGRESS_INTERVAL_MILLIS}, so a killed run shows the steps done so far without rewriting a page of
   * captures at every step.
   */
  void publishProgress(TestReport t) {
    // real time, not the run's clock: the limit is on disk writes
    if (System.nanoTime() - lastPublished >= PROGRESS_INTERVAL_MILLIS * 1_000_000) {
      publishTest(t);
    }
  }

  private void publishRun(RunRecord run) {
    for (ReportWriter w : writers) {
      guard(w, () -> w.runChanged(run));
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  private void guard(ReportWriter w, Io io) {
    try {
      io.run();
    } catch (IOException | RuntimeException e) {
      writeErrors.add(mask.apply(w.getClass().getSimpleName() + " in " + outputDir + ": " + e));
    }
  }

  /** Options of a run; only the output directory is required. */
  public static final class Builder {
    private final Path outputDir;
    private String title = "dmvpn-harness run";
    private final Map<String, String> labels = new LinkedHashMap<>();
    private Function<String, String> mask = SecretMask.NONE;
    private LongSupplier clock = System::currentTimeMillis;
    private List<ReportWriter> writers;

    private Builder(Path outputDir) {
      this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
    }

    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** A run label, e.g. {@code label(RunRecorder.TESTBED, "document-rack")}. */
    public Builder label(String key, String value) {
      labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value for " + key));
      return this;
    }

    /** The mask every stored text goes through (default: none); see {@link SecretMask#of}. */
    public Builder mask(Function<String, String> mask) {
      this.mask = Objects.requireNonNull(mask, "mask");
      return this;
    }

    /** Epoch milliseconds; tests pass a fake clock. */
    public Builder clock(LongSupplier clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Replaces the writers ({@link #defaultWriters} unless set). */
    public Builder writers(List<ReportWriter> writers) {
      this.writers = new ArrayList<>(writers);
      return this;
    }

    /** Adds a writer after the others, e.g. {@code new ProgressWriter(System.out)} in a command. */
    public Builder addWriter(ReportWriter writer) {
      if (writers == null) {
        writers = new ArrayList<>(defaultWriters(outputDir.toAbsolutePath().normalize()));
      }
      writers.add(Objects.requireNonNull(writer, "writer"));
      return this;
    }

    /** Starts the run: creates the reports, which already show it as running. */
    public RunRecorder start() {
      RunRecorder r = new RunRecorder(this);
      synchronized (r.lock) {
        r.publishRun(r.snapshot());
      }
      return r;
    }
  }
}
