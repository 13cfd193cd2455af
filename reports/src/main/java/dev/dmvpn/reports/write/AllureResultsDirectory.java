package dev.dmvpn.reports.write;

import dev.dmvpn.reports.Verdicts;
import dev.dmvpn.reports.model.AttachmentRecord;
import dev.dmvpn.reports.model.RunRecord;
import dev.dmvpn.reports.model.StepRecord;
import dev.dmvpn.reports.model.TestKind;
import dev.dmvpn.reports.model.TestRecord;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An Allure 2 results directory ({@code allure generate} reads it): {@code <uuid>-result.json} per test, written when
 * it starts (stage {@code running}, status {@code broken}: what a killed run leaves) and again when it finishes;
 * {@code <uuid>-container.json} per suite with its setups and teardowns as befores/afters; attachments as
 * {@code <uuid>-attachment.<ext>} the moment they are added; {@code environment.properties} with the run's labels.
 *
 * <p>JSON comes from Allure's own {@link FileSystemResultsWriter} (its model and mapper), writing into a staging
 * directory beside the results; each file is then renamed into place, so no reader sees half a result.
 */
public final class AllureResultsDirectory implements ReportWriter {
  /** Its name in a report directory; the HTML page beside it links large attachments here. */
  public static final String NAME = "allure-results";

  /** Status message of a result written at its test's start. */
  public static final String RUNNING_MESSAGE =
      "RUNNING: this test had not finished when its result was written (the run was stopped or killed)";

  private final Path dir;
  private final Path staging;

  public AllureResultsDirectory(Path dir) {
    this.dir = dir;
    this.staging = dir.resolveSibling("." + dir.getFileName() + "-staging");
  }

  @Override
  public void runChanged(RunRecord run) throws IOException {
    StringBuilder env = new StringBuilder();
    env.append(property("run", run.title()));
    run.labels().forEach((k, v) -> env.append(property(k, v)));
    AtomicFiles.write(dir.resolve("environment.properties"), env.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (run.finished() && Files.isDirectory(staging)) {
      try (java.util.stream.Stream<Path> s = Files.list(staging)) {
        if (s.findAny().isEmpty()) {
          Files.delete(staging); // every staged file was moved into place
        }
      }
    }
  }

  @Override
  public void testChanged(RunRecord run, TestRecord test) throws IOException {
    if (test.kind() == TestKind.TEST) {
      stageAndMove(test.id() + "-result.json", w -> w.write(result(run, test)));
    }
    String suite = test.suite();
    TestResultContainer c = container(run, suite, run.bySuite().getOrDefault(suite, List.of()));
    stageAndMove(c.getUuid() + "-container.json", w -> w.write(c));
  }

  @Override
  public void attachmentAdded(TestRecord test, AttachmentRecord a) throws IOException {
    AtomicFiles.write(dir.resolve(a.source()), a.content());
  }

  private interface StagedWrite {
    void write(FileSystemResultsWriter w);
  }

  private void stageAndMove(String fileName, StagedWrite write) throws IOException {
    Files.createDirectories(staging);
    Files.createDirectories(dir);
    write.write(new FileSystemResultsWriter(staging));
    AtomicFiles.move(staging.resolve(fileName), dir.resolve(fileName));
  }

  static TestResult result(RunRecord run, TestRecord t) {
    TestResult r = new TestResult().setUuid(t.id()).setName(t.name()).setFullName(t.suite() + "." + t.name())
        .setHistoryId(UUID.nameUUIDFromBytes((t.suite() + "." + t.name()).getBytes(StandardCharsets.UTF_8))
            .toString())
        .setLabels(labels(run, t)).setStart(t.startMillis())
        .setSteps(steps(t.steps())).setAttachments(attachments(t.attachments()));
    if (t.running()) {
      return r.setStage(Stage.RUNNING).setStatus(Status.BROKEN)
          .setStatusDetails(new StatusDetails().setMessage(RUNNING_MESSAGE));
    }
    return r.setStage(Stage.FINISHED).setStop(t.stopMillis()).setStatus(Verdicts.allureStatus(t.verdict()))
        .setStatusDetails(details(t.verdict().name(), t.message(), t.detail()));
  }

  private static TestResultContainer container(RunRecord run, String suite, List<TestRecord> entries) {
    List<String> children = new ArrayList<>();
    List<FixtureResult> befores = new ArrayList<>();
    List<FixtureResult> afters = new ArrayList<>();
    long start = Long.MAX_VALUE;
    long stop = 0;
    for (TestRecord t : entries) {
      start = Math.min(start, t.startMillis());
      stop = Math.max(stop, t.stopMillis());
      switch (t.kind()) {
        case TEST -> children.add(t.id());
        case SETUP -> befores.add(fixture(t));
        case TEARDOWN -> afters.add(fixture(t));
        default -> throw new IllegalStateException("unknown kind " + t.kind());
      }
    }
    String uuid = UUID.nameUUIDFromBytes((run.id() + "/" + suite).getBytes(StandardCharsets.UTF_8)).toString();
    TestResultContainer c = new TestResultContainer().setUuid(uuid).setName(suite).setChildren(children)
        .setBefores(befores).setAfters(afters);
    c.setStart(start == Long.MAX_VALUE ? run.startMillis() : start);
    return stop == 0 ? c : c.setStop(stop);
  }

  private static FixtureResult fixture(TestRecord t) {
    FixtureResult f = new FixtureResult().setName(t.name()).setStart(t.startMillis()).setSteps(steps(t.steps()))
        .setAttachments(attachments(t.attachments()));
    if (t.running()) {
      return f.setStage(Stage.RUNNING).setStatus(Status.BROKEN)
          .setStatusDetails(new StatusDetails().setMessage(RUNNING_MESSAGE));
    }
    return f.setStage(Stage.FINISHED).setStop(t.stopMillis()).setStatus(Verdicts.allureStatus(t.verdict()))
        .setStatusDetails(details(t.verdict().name(), t.message(), t.detail()));
  }

  private static List<Label> labels(RunRecord run, TestRecord t) {
    List<Label> labels = new ArrayList<>();
    labels.add(label("suite", t.suite()));
    labels.add(label("framework", "dmvpn-harness"));
    labels.add(label("verdict", t.running() ? "RUNNING" : t.verdict().name()));
    addAll(labels, run.labels());
    addAll(labels, t.labels());
    return labels;
  }

  /** Comma-separated values (the devices of a testbed) become one label each, as Allure filters them. */
  private static void addAll(List<Label> labels, Map<String, String> values) {
    values.forEach((k, v) -> {
      for (String one : v.split(",")) {
        if (!one.isBlank()) {
          labels.add(label(k, one.trim()));
        }
      }
    });
  }

  private static Label label(String name, String value) {
    return new Label().setName(name).setValue(value);
  }

  private static StatusDetails details(String verdict, String message, String trace) {
    String m = message.isEmpty() ? verdict : verdict + ": " + message;
    StatusDetails d = new StatusDetails().setMessage(m);
    return trace.isEmpty() ? d : d.setTrace(trace);
  }

  private static List<StepResult> steps(List<StepRecord> steps) {
    List<StepResult> out = new ArrayList<>(steps.size());
    for (StepRecord s : steps) {
      StepResult r = new StepResult().setName(s.name()).setStart(s.startMillis()).setSteps(steps(s.steps()))
          .setAttachments(attachments(s.attachments()));
      if (s.running()) {
        r.setStage(Stage.RUNNING).setStatus(Status.BROKEN);
      } else {
        r.setStage(Stage.FINISHED).setStop(s.stopMillis()).setStatus(Verdicts.allureStatus(s.verdict()));
        if (!s.message().isEmpty()) {
          r.setStatusDetails(new StatusDetails().setMessage(s.message()));
        }
      }
      out.add(r);
    }
    return out;
  }

  private static List<Attachment> attachments(List<AttachmentRecord> records) {
    List<Attachment> out = new ArrayList<>(records.size());
    for (AttachmentRecord a : records) {
      out.add(new Attachment().setName(a.name()).setSource(a.source()).setType(a.mediaType())
          .setSize((long) a.content().length));
    }
    return out;
  }

  /** A {@code key=value} line of a Java properties file (ISO-8859-1 with escapes, as Allure reads it). */
  private static String property(String key, String value) {
    return escape(key, true) + "=" + escape(value, false) + "\n";
  }

  private static String escape(String s, boolean key) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!' || (key && c == ' ')) {
        b.append('\\').append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
