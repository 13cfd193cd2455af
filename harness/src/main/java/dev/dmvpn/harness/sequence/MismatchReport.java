package dev.dmvpn.harness.sequence;

import java.math.BigDecimal;
import java.util.List;

/**
 * A {@link SequenceResult} as text: one line per matcher, and for each failed one the expected tests beside what
 * the closest frame (or the violating frame, for an absent matcher) carries, with frame numbers and times in
 * seconds from the capture's first frame.
 */
public final class MismatchReport {
  private static final int COLUMN = 52;

  private MismatchReport() {}

  public static String text(SequenceResult r) {
    StringBuilder b = new StringBuilder();
    int failed = r.failures().size();
    int total = r.groups().stream().mapToInt(g -> Math.max(1, g.steps().size())).sum();
    b.append(r.file()).append(": ").append(r.matched() ? "MATCH" : "MISMATCH");
    if (!r.matched()) {
      b.append(" (").append(failed).append(" of ").append(total).append(" matchers failed)");
    }
    b.append(", ").append(r.frames().size()).append(" frames; times in seconds from frame 1\n");
    for (GroupResult g : r.groups()) {
      b.append('\n').append(g.kind().key()).append(" group '").append(g.name()).append("' (line ")
          .append(g.line()).append(")\n");
      if (!g.note().isEmpty()) {
        b.append("  FAIL  ").append(g.note()).append('\n');
      }
      for (StepResult s : g.steps()) {
        step(b, r, g, s);
      }
    }
    return b.toString();
  }

  private static void step(StringBuilder b, SequenceResult r, GroupResult g, StepResult s) {
    b.append(s.ok() ? "  ok    " : "  FAIL  ").append(s.matcher()).append(" (line ").append(s.line()).append(")");
    if (s.ok()) {
      if (g.kind() == GroupKind.ABSENT) {
        b.append(": not seen\n");
      } else {
        b.append(": frame").append(s.frames().size() > 1 ? "s " : " ").append(frames(s.frames())).append(" at ")
            .append(seconds(r, s.evidence().timeNanos())).append('\n');
      }
      return;
    }
    b.append(": ").append(s.reason()).append('\n');
    Candidate c = s.evidence();
    if (c == null) {
      return;
    }
    FrameView f = frame(r, c.frame());
    String title = (g.kind() == GroupKind.ABSENT ? "observed (frame " : "observed (closest: frame ") + c.frame()
        + ", " + seconds(r, c.timeNanos()) + ")";
    b.append("        ").append(pad("expected")).append(" | ").append(title).append('\n');
    String okWord = g.kind() == GroupKind.ABSENT ? "  matches" : "  ok";
    for (FieldCheck check : c.checks()) {
      String verdict = check.ok() ? okWord
          : check.observed().startsWith("(not checked") ? "  NOT CHECKED" : "  DIFFERS";
      b.append("        ").append(pad(check.expected())).append(" | ").append(pad(check.observed()))
          .append(verdict).append('\n');
    }
    if (f != null) {
      b.append("        frame ").append(c.frame()).append(": ").append(FrameLabels.line(f)).append('\n');
    }
  }

  private static String frames(List<Long> numbers) {
    return numbers.toString().replaceAll("[\\[\\]]", "");
  }

  private static FrameView frame(SequenceResult r, long number) {
    for (FrameView f : r.frames()) {
      if (f.number() == number) {
        return f;
      }
    }
    return null;
  }

  private static String pad(String s) {
    return s.length() >= COLUMN ? s : s + " ".repeat(COLUMN - s.length());
  }

  /** Seconds from the capture's first frame, six decimals. */
  static String seconds(SequenceResult r, long nanos) {
    return BigDecimal.valueOf(nanos - r.startNanos()).movePointLeft(9).setScale(6, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }
}
