package dev.dmvpn.harness.sequence;

import dev.dmvpn.ref.capture.DecodedFrame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a capture against an {@link ExpectedSequence}. Groups are checked in file order, each over its window
 * (the whole capture, or from the frame after its {@code after:} matcher's last frame, for {@code within} if
 * given). Ordered groups match greedily: each matcher takes the earliest frames after the previous matcher's that
 * pass every test (no backtracking). A matcher's {@code within} counts from the latest frame before the candidate
 * that passes the previous matcher's tests, so a reply is timed from the retransmission it answers, not from the
 * first request. A matcher that fails is reported and skipped; the ones after it are still checked, from the same
 * place.
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
    Anchor previous = null;
    for (FrameMatcher m : g.matchers()) {
      List<Integer> hits = new ArrayList<>();
      Candidate first = null;
      for (int i = pos; i < w.end() && hits.size() < m.count(); i++) {
        Candidate c = hits.isEmpty() ? evaluateAfter(frames.get(i), i, m, s, previous, w)
            : evaluator.evaluate(frames.get(i), m, s, 0, "");
        if (hits.isEmpty() ? c.ok() : c.checks().stream().limit(nonTiming(m)).allMatch(FieldCheck::ok)) {
          hits.add(i);
          first = first == null ? c : first;
        }
      }
      if (hits.size() == m.count()) {
        bind(m, frames.get(hits.get(0)), s);
        pos = hits.get(hits.size() - 1) + 1;
        previous = new Anchor(m, repeats(m, hits.get(hits.size() - 1), w, s));
        out.add(new StepResult(m.name(), m.line(), true, numbers(hits), first, ""));
      } else {
        out.add(failed(m, w, pos, hits, s, previous));
      }
    }
    return out;
  }

  /**
   * The previous matched step of an ordered group: its matcher and the frames from its last hit on that pass its
   * tests (a request and its retransmissions).
   */
  private record Anchor(FrameMatcher matcher, List<Integer> frames) {}

  private List<Integer> repeats(FrameMatcher m, int from, Window w, Scope s) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < w.end(); i++) {
      Candidate c = evaluator.evaluate(frames.get(i), m, s, 0, "");
      if (c.checks().stream().limit(nonTiming(m)).allMatch(FieldCheck::ok)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * A candidate for an ordered step, its {@code within} counted from the latest frame before it that matches the
   * previous step (so a reply is timed from the retransmission it answers), or from the window's start.
   */
  private Candidate evaluateAfter(FrameView f, int index, FrameMatcher m, Scope s, Anchor previous, Window w) {
    if (previous == null) {
      return evaluator.evaluate(f, m, s, w.startTime(), w.startLabel());
    }
    int latest = previous.frames().get(0);
    for (int j : previous.frames()) {
      if (j < index) {
        latest = j;
      }
    }
    FrameView a = frames.get(latest);
    return evaluator.evaluate(f, m, s, a.timeNanos(), "frame " + a.number() + " ('" + previous.matcher().name()
        + "')");
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
        out.add(failedUnordered(m, w, hits, s, used));
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

  /** The closest frame of the ones the matcher could have taken, and why it failed. */
  private StepResult failed(FrameMatcher m, Window w, int from, List<Integer> hits, Scope s, Anchor previous) {
    Candidate closest = null;
    for (int i = from; i < w.end(); i++) {
      Candidate c = evaluateAfter(frames.get(i), i, m, s, previous, w);
      if (closest == null || c.closerThan(closest)) {
        closest = c;
      }
    }
    return failure(m, hits, closest, previous == null ? w.startLabel()
        : "frame " + frames.get(previous.frames().get(0)).number() + " ('" + previous.matcher().name() + "')");
  }

  /** As {@link #failed}, over the whole window: the closest frame may be one another matcher took. */
  private StepResult failedUnordered(FrameMatcher m, Window w, List<Integer> hits, Scope s, Set<Integer> used) {
    Candidate closest = null;
    int closestIndex = -1;
    for (int i = w.start(); i < w.end(); i++) {
      Candidate c = evaluator.evaluate(frames.get(i), m, s, w.startTime(), w.startLabel());
      if (closest == null || c.closerThan(closest)) {
        closest = c;
        closestIndex = i;
      }
    }
    StepResult r = failure(m, hits, closest, w.startLabel());
    if (closest != null && closest.ok() && used.contains(closestIndex)) {
      return new StepResult(r.matcher(), r.line(), false, r.frames(), closest, r.reason().startsWith("matched")
          ? r.reason() + "; the other matching frames are taken by earlier matchers of the group"
          : "every matching frame is taken by an earlier matcher of the group (first: frame " + closest.frame() + ")");
    }
    return r;
  }

  private StepResult failure(FrameMatcher m, List<Integer> hits, Candidate closest, String after) {
    String reason;
    if (!hits.isEmpty()) {
      reason = "matched " + hits.size() + " of " + m.count() + " frames (" + numbers(hits) + ")";
    } else if (closest == null) {
      reason = "no frame to look at in its window (after " + after + ")";
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
}
