package dev.dmvpn.reports;

import dev.dmvpn.reports.model.AttachmentRecord;
import dev.dmvpn.reports.model.MediaTypes;
import dev.dmvpn.reports.model.StepRecord;
import dev.dmvpn.reports.model.TestKind;
import dev.dmvpn.reports.model.TestRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One test (or setup / teardown) being recorded: nested steps with timings, attachments, and its verdict. Attachments
 * go to the innermost running step, else to the test. Text attachments, names and messages are masked by the run's
 * mask before they are stored.
 *
 * <p>A detached report ({@link #detached()}) belongs to no run: its steps still run and rethrow, nothing is kept.
 * {@link Reports#current()} returns one when no test is being recorded, so suite code also runs without the listener.
 */
public final class TestReport {
  private final RunRecorder run;
  private final String id;
  private final TestKind kind;
  private final String suite;
  private final String name;
  private final Map<String, String> labels;
  private final long start;
  private final List<MutableStep> steps = new ArrayList<>();
  private final List<AttachmentRecord> attachments = new ArrayList<>();
  private final Deque<MutableStep> open = new ArrayDeque<>();
  private long stop;
  private Verdict verdict;
  private String message = "";
  private String detail = "";

  TestReport(RunRecorder run, String id, TestKind kind, String suite, String name, Map<String, String> labels,
      long start) {
    this.run = run;
    this.id = id;
    this.kind = kind;
    this.suite = suite;
    this.name = name;
    this.labels = labels;
    this.start = start;
  }

  /** A report attached to no run: steps run, attachments and verdicts are dropped. */
  public static TestReport detached() {
    return new TestReport(null, "detached", TestKind.TEST, "", "", Map.of(), 0);
  }

  public String id() {
    return id;
  }

  public boolean isDetached() {
    return run == null;
  }

  /**
   * Runs {@code body} as a step; its verdict comes from how it ends ({@link Verdicts#of(Throwable)}). Whatever it
   * throws is rethrown unchanged (checked exceptions too, without a {@code throws} clause here).
   */
  public void step(String stepName, ThrowingRunnable body) {
    step(stepName, () -> {
      body.run();
      return null;
    });
  }

  /** As {@link #step(String, ThrowingRunnable)}, returning the body's value. */
  public <T> T step(String stepName, ThrowingSupplier<T> body) {
    MutableStep s = openStep(stepName);
    try {
      T value = body.get();
      closeStep(s, null);
      return value;
    } catch (Throwable t) {
      closeStep(s, t);
      throw Sneaky.rethrow(t);
    }
  }

  /** Attaches text (a transcript, a config, a show output, a mismatch report) as {@code text/plain}, masked. */
  public void attachText(String attachmentName, String text) {
    attach(attachmentName, MediaTypes.TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Attaches content; the download file name is derived from the name and the media type. */
  public void attach(String attachmentName, String mediaType, byte[] content) {
    attach(attachmentName, mediaType, fileNameFor(attachmentName, mediaType), content);
  }

  /**
   * Attaches content under a download file name (e.g. {@code sv9-3-wan.pcap}, {@code esp_sa}). Text media types
   * ({@link MediaTypes#isText}) are read as UTF-8 and masked.
   *
   * @throws IllegalStateException when this entry has finished
   */
  public void attach(String attachmentName, String mediaType, String fileName, byte[] content) {
    if (run == null) {
      return;
    }
    byte[] stored = MediaTypes.isText(mediaType)
        ? run.mask(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
        : content.clone();
    String ext = extensionOf(fileName, mediaType);
    AttachmentRecord a = new AttachmentRecord(run.mask(attachmentName), mediaType, safeFileName(run.mask(fileName)),
        UUID.randomUUID() + "-attachment." + ext, stored);
    synchronized (run.lock()) {
      if (verdict != null) {
        throw new IllegalStateException("cannot attach '" + a.name() + "' to " + suite + " / " + name
            + ": it finished already (attach before it ends, or in a teardown, which is an entry of its own)");
      }
      MutableStep s = open.peek();
      (s != null ? s.attachments : attachments).add(a);
      run.publishAttachment(this, a);
    }
  }

  /** Attaches a file's content under the file's own name (a capture, a keys file). */
  public void attachFile(String attachmentName, String mediaType, Path file) {
    try {
      attach(attachmentName, mediaType, file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read attachment '" + attachmentName + "' from " + file, e);
    }
  }

  /** Finishes with the verdict of how the test ended ({@code null}: returned normally). */
  public void finish(Throwable thrown) {
    finish(Verdicts.of(thrown), thrown == null ? "" : String.valueOf(thrown), thrown);
  }

  public void finish(Verdict v, String why) {
    finish(v, why, null);
  }

  /**
   * Finishes with an explicit verdict (the listener passes {@link Verdicts#of(org.testng.ITestResult)}). Steps still
   * open are closed with the same verdict. Only the first call counts.
   */
  public void finish(Verdict v, String why, Throwable cause) {
    if (run == null) {
      return;
    }
    synchronized (run.lock()) {
      if (verdict != null) {
        return;
      }
      long now = run.now();
      while (!open.isEmpty()) {
        MutableStep s = open.pop();
        s.stop = now;
        s.verdict = v;
        s.message = "not finished when the test ended";
      }
      stop = Math.max(now, start);
      verdict = v;
      message = run.mask(why == null ? "" : why);
      // a trace helps with what broke; for a skip or a block it is TestNG's noise
      boolean broke = v == Verdict.FAILED || v == Verdict.ERRORED;
      detail = cause == null || !broke ? "" : run.mask(stackTrace(cause));
      run.publishTest(this);
    }
  }

  public boolean running() {
    return run != null && verdictLocked() == null;
  }

  private Verdict verdictLocked() {
    synchronized (run.lock()) {
      return verdict;
    }
  }

  public TestRecord snapshot() {
    if (run == null) {
      return new TestRecord(id, kind, suite, name, labels, 0, 0, Verdict.SKIPPED, "detached", "", List.of(),
          List.of());
    }
    synchronized (run.lock()) {
      return snapshotLocked();
    }
  }

  TestRecord snapshotLocked() {
    List<StepRecord> s = new ArrayList<>(steps.size());
    for (MutableStep m : steps) {
      s.add(m.snapshot());
    }
    return new TestRecord(id, kind, suite, name, labels, start, stop, verdict, message, detail, s, attachments);
  }

  private MutableStep openStep(String stepName) {
    if (run == null) {
      return null;
    }
    synchronized (run.lock()) {
      if (verdict != null) {
        return null; // the test finished (a step on a thread it left behind): run the body, record nothing
      }
      MutableStep s = new MutableStep(run.mask(stepName), run.now());
      MutableStep parent = open.peek();
      (parent != null ? parent.steps : steps).add(s);
      open.push(s);
      return s;
    }
  }

  private void closeStep(MutableStep s, Throwable thrown) {
    if (s == null) {
      return;
    }
    synchronized (run.lock()) {
      if (s.verdict != null) {
        return; // closed by finish() from another thread
      }
      s.stop = run.now();
      s.verdict = Verdicts.of(thrown);
      s.message = thrown == null ? "" : run.mask(String.valueOf(thrown));
      open.remove(s);
      run.publishProgress(this);
    }
  }

  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  private static String fileNameFor(String attachmentName, String mediaType) {
    String base = attachmentName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    String ext = MediaTypes.extension(mediaType);
    if (base.isEmpty()) {
      base = "attachment";
    }
    return base.endsWith("." + ext) ? base : base + "." + ext;
  }

  private static String extensionOf(String fileName, String mediaType) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot > 0 ? fileName.substring(dot + 1) : "";
    return ext.matches("[A-Za-z0-9]{1,10}") ? ext : MediaTypes.extension(mediaType);
  }

  /** A download name without directories or characters a browser or a shell would trip on. */
  static String safeFileName(String fileName) {
    String n = fileName.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._+-]", "_");
    return n.isEmpty() || n.startsWith(".") ? "attachment" + n : n;
  }
}
