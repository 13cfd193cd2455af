package dev.dmvpn.harness.sequence;

import dev.dmvpn.ref.capture.DecodedFrame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a capture against an {@link ExpectedSequence}. Groups are checked in file order, each over its window
 * (the whole capture, or from the frame after its {@code after:} matcher's last frame, for {@code within} if
 * given). Ordered groups match greedily: each matcher takes the earliest frames after the previous matcher's that
 * pass every test (no backtracking: a later choice for one matcher is never tried to satisfy the next). A matcher
 * that fails is reported and skipped; the ones after it are still checked, from the same place.
 */
public final class SequenceChecker {
  private final ExpectedSequence expected;
  private final List<FrameView> frames;
  private final Scope scope;
  private final HostTable hosts;
  private final MatcherEvaluator evaluator;
  private final List<GroupResult> results = new ArrayList<>();

  private SequenceChecker(List<FrameView> frames, ExpectedSequence expected, Map<String, String> variables) {
    this.expected = expected;
    this.frames = frames;
    this.scope = new Scope(Map.copyOf(variables), expected.defaults());
    this.hosts = new HostTable(expected.hosts(), scope);
    this.evaluator = new MatcherEvaluator(hosts);
  }

  /**
   * Decodes nothing itself: {@code frames} come from {@code FrameDecoder} (with a decryptor when keys exist).
   *
   * @param variables values for {@code ${name}}, overriding the file's defaults (e.g. SPIs from {@code show crypto
   *     ipsec sa})
   * @throws SequenceFileException a variable the file uses has no value (named with its file and line)
   */
  public static SequenceResult check(List<DecodedFrame> frames, ExpectedSequence expected,
      Map<String, String> variables) throws SequenceFileException {
    return checkViews(FrameViews.of(frames), expected, variables);
  }

  /** {@link #check} on frames already turned into views. */
  public static SequenceResult checkViews(List<FrameView> frames, ExpectedSequence expected,
      Map<String, String> variables) throws SequenceFileException {
    VariableCheck.requireValues(expected, variables);
    SequenceChecker c = new SequenceChecker(frames, expected, variables);
    for (ExpectedGroup g : expected.groups()) {
      c.group(g);
    }
    return new SequenceResult(expected.file(), expected.description(), c.results, frames, c.hosts.labels());
  }

  private void group(ExpectedGroup g) {
    if (g.forEachVariable() == null) {
      results.add(instance(g, g.name(), scope));
      return;
    }
    String values = scope.substitute(g.forEachValues());
    for (String v : HostTable.split(values == null ? "" : values)) {
      Scope s = scope.child();
      s.bind(g.forEachVariable(), v);
      results.add(instance(g, g.name() + " [" + g.forEachVariable() + "=" + v + "]", s));
    }
  }

  private GroupResult instance(ExpectedGroup g, String name, Scope s) {
    int start = 0;
    String startLabel = "the capture's start";
    if (g.after() != null) {
      long anchor = anchorFrame(g.after());
      if (anchor < 0) {
        return new GroupResult(name, g.kind(), g.line(), "not checked: its start, matcher '" + g.after()
            + "', did not match", List.of());
      }
      start = index(anchor) + 1;
      startLabel = "frame " + anchor + " ('" + g.after() + "')";
    }
    long startTime = g.after() != null ? frames.get(start - 1).timeNanos()
        : frames.isEmpty() ? 0 : frames.get(0).timeNanos();
    int end = frames.size();
    if (g.within() != null) {
      end = start;
      while (end < frames.size() && frames.get(end).timeNanos() - startTime <= g.within().toNanos()) {
        end++;
      }
    }
    Window w = new Window(start, end, startTime, startLabel);
    List<StepResult> steps = switch (g.kind()) {
      case ORDERED -> ordered(g, w, s);
      case UNORDERED -> unordered(g, w, s);
      case ABSENT -> absent(g, w, s);
    };
    return new GroupResult(name, g.kind(), g.line(), "", steps);
  }

  /** Frames [start, end) of the capture; times count from {@code startTime}. */
  private record Window(int start, int end, long startTime, String startLabel) {}

  private List<StepResult> ordered(ExpectedGroup g, Window w, Scope s) {
    List<StepResult> out = new ArrayList<>();
    int pos = w.start();
    long since = w.startTime();
    String sinceLabel = w.startLabel();
    for (FrameMatcher m : g.matchers()) {
      List<Integer> hits = new ArrayList<>();
      Candidate first = null;
      for (int i = pos; i < w.end() && hits.size() < m.count(); i++) {
        Candidate c = evaluator.evaluate(frames.get(i), m, s, since, sinceLabel);
        if (hits.isEmpty() ? c.ok() : c.checks().stream().limit(nonTiming(m)).allMatch(FieldCheck::ok)) {
          hits.add(i);
          first = first == null ? c : first;
        }
      }
      if (hits.size() == m.count()) {
        bind(m, frames.get(hits.get(0)), s);
        pos = hits.get(hits.size() - 1) + 1;
        FrameView last = frames.get(pos - 1);
        since = last.timeNanos();
        sinceLabel = "frame " + last.number() + " ('" + m.name() + "')";
        out.add(new StepResult(m.name(), m.line(), true, numbers(hits), first, ""));
      } else {
        out.add(failed(m, w, pos, hits, s, since, sinceLabel));
      }
    }
    return out;
  }

  /** The checks of a matcher other than its timing bound (the last check when there is one). */
  private static int nonTiming(FrameMatcher m) {
    return (m.from() != null ? 1 : 0) + (m.to() != null ? 1 : 0) + m.conditions().size();
  }

  private List<StepResult> unordered(ExpectedGroup g, Window w, Scope s) {
    List<StepResult> out = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    for (FrameMatcher m : g.matchers()) {
      List<Integer> hits = new ArrayList<>();
      Candidate first = null;
      for (int i = w.start(); i < w.end() && hits.size() < m.count(); i++) {
        if (used.contains(i)) {
          continue;
        }
        Candidate c = evaluator.evaluate(frames.get(i), m, s, w.startTime(), w.startLabel());
        if (c.ok()) {
          hits.add(i);
          first = first == null ? c : first;
        }
      }
      if (hits.size() == m.count()) {
        used.addAll(hits);
        bind(m, frames.get(hits.get(0)), s);
        out.add(new StepResult(m.name(), m.line(), true, numbers(hits), first, ""));
      } else {
        out.add(failed(m, w, w.start(), hits, s, w.startTime(), w.startLabel()));
      }
    }
    return out;
  }

  private List<StepResult> absent(ExpectedGroup g, Window w, Scope s) {
    List<StepResult> out = new ArrayList<>();
    for (FrameMatcher m : g.matchers()) {
      List<Integer> seen = new ArrayList<>();
      Candidate first = null;
      for (int i = w.start(); i < w.end(); i++) {
        Candidate c = evaluator.evaluate(frames.get(i), m, s, w.startTime(), w.startLabel());
        if (c.ok()) {
          seen.add(i);
          first = first == null ? c : first;
        }
      }
      String reason = seen.isEmpty() ? "" : "seen in frame" + (seen.size() > 1 ? "s " : " ")
          + numbers(seen).toString().replaceAll("[\\[\\]]", "") + " although it must be absent (window from "
          + w.startLabel() + ")";
      out.add(new StepResult(m.name(), m.line(), seen.isEmpty(), numbers(seen), first, reason));
    }
    return out;
  }

  private StepResult failed(FrameMatcher m, Window w, int from, List<Integer> hits, Scope s, long since,
      String sinceLabel) {
    Candidate closest = null;
    for (int i = from; i < w.end(); i++) {
      Candidate c = evaluator.evaluate(frames.get(i), m, s, since, sinceLabel);
      if (closest == null || c.passed() > closest.passed()) {
        closest = c;
      }
    }
    String reason;
    if (closest == null) {
      reason = "no frame to look at in its window (after " + sinceLabel + ")";
    } else if (!hits.isEmpty()) {
      reason = "matched " + hits.size() + " of " + m.count() + " frames (" + numbers(hits) + ")";
    } else {
      reason = "no frame matched; closest is frame " + closest.frame() + ", which differs in "
          + String.join("; ", closest.differences().stream().map(FieldCheck::expected).toList());
    }
    return new StepResult(m.name(), m.line(), false, numbers(hits), closest, reason);
  }

  private void bind(FrameMatcher m, FrameView f, Scope s) {
    m.captures().forEach((var, field) -> {
      List<String> names = f.expand(field);
      Object v = names.isEmpty() ? null : f.get(names.get(0));
      if (v != null) {
        s.bind(var, Values.text(v));
      }
    });
  }

  /** The last frame a matcher of that name matched in an earlier ordered/unordered group, or -1. */
  private long anchorFrame(String matcher) {
    long last = -1;
    for (GroupResult g : results) {
      if (g.kind() == GroupKind.ABSENT) {
        continue;
      }
      for (StepResult st : g.steps()) {
        if (st.ok() && st.matcher().equals(matcher) && !st.frames().isEmpty()) {
          last = Math.max(last, st.frames().get(st.frames().size() - 1));
        }
      }
    }
    return last;
  }

  private int index(long frameNumber) {
    for (int i = 0; i < frames.size(); i++) {
      if (frames.get(i).number() == frameNumber) {
        return i;
      }
    }
    throw new IllegalStateException("frame " + frameNumber + " is not in the capture");
  }

  private List<Long> numbers(List<Integer> indices) {
    List<Long> out = new ArrayList<>(indices.size());
    for (int i : indices) {
      out.add(frames.get(i).number());
    }
    return out;
  }

  /** Names a template uses, in file order (for {@link VariableCheck}). */
  static Set<String> names(String... templates) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : templates) {
      out.addAll(Template.names(t));
    }
    return out;
  }
}
