package dev.dmvpn.harness.correlate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the correlation found: every debug line of every device (paired, unpaired, or a line no rule describes),
 * each device's clock offset, and the frames a rule would have accepted that no line took.
 */
public record Correlation(List<PairedLine> lines, Map<String, Optional<ClockOffset>> offsets,
    Map<String, List<WireFrame>> unclaimedFrames) {
  public Correlation {
    lines = List.copyOf(lines);
    offsets = Collections.unmodifiableMap(new LinkedHashMap<>(offsets));
    Map<String, List<WireFrame>> u = new LinkedHashMap<>();
    unclaimedFrames.forEach((k, v) -> u.put(k, List.copyOf(v)));
    unclaimedFrames = Collections.unmodifiableMap(u);
  }

  /** {@code device}'s lines a rule matched (those that stand for a frame), in printed order. */
  public List<PairedLine> ruled(String device) {
    return lines.stream().filter(l -> l.device().equals(device) && l.rule().isPresent()).toList();
  }

  /** {@code device}'s lines whose message contains {@code text} ({@code Send Resolution Request}). */
  public List<PairedLine> saying(String device, String text) {
    return select(l -> l.device().equals(device) && l.event().message().contains(text));
  }

  public List<PairedLine> select(Predicate<PairedLine> p) {
    return lines.stream().filter(p).toList();
  }

  public long pairedCount() {
    return lines.stream().filter(PairedLine::paired).count();
  }

  public long unpairedCount() {
    return lines.stream().filter(PairedLine::unpaired).count();
  }

  /** One line per device: offset, lines, paired, unpaired, unclaimed frames. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Optional<ClockOffset>> e : offsets.entrySet()) {
      String d = e.getKey();
      List<PairedLine> mine = lines.stream().filter(l -> l.device().equals(d)).toList();
      b.append(String.format(java.util.Locale.ROOT, "%s: %d debug lines, %d describe a frame, %d paired, %d unpaired,"
              + " %d frames unclaimed; clock offset %s%n", d, mine.size(),
          mine.stream().filter(l -> l.rule().isPresent()).count(), mine.stream().filter(PairedLine::paired).count(),
          mine.stream().filter(PairedLine::unpaired).count(), unclaimedFrames.getOrDefault(d, List.of()).size(),
          e.getValue().map(Object::toString).orElse("unknown (no candidate pair: lines not placed)")));
    }
    return b.toString();
  }

  /**
   * The table for the report, in capture-clock order: time, device, debug line, frame number, frame summary; an
   * unpaired line shows {@code UNPAIRED}, a frame no line took is a row of its own (device in brackets). Lines of a
   * device without an offset follow at the end, in their order.
   */
  public String table() {
    record Row(long at, int order, String device, String line, String frame, String summary) {}
    List<Row> rows = new ArrayList<>();
    List<Row> unplaced = new ArrayList<>();
    int order = 0;
    for (PairedLine l : lines) {
      String frame = l.frame().map(f -> f.capture() + ":" + f.number()).orElse(l.unpaired() ? "UNPAIRED" : "");
      String summary = l.frame().map(f -> f.summary() + String.format(java.util.Locale.ROOT, "  (%+.1f ms)",
          l.residualNanos() / 1e6)).orElse("");
      Row r = new Row(l.captureNanos().orElse(0L), order++, l.device(), l.text(), frame, summary);
      (l.captureNanos().isPresent() ? rows : unplaced).add(r);
    }
    unclaimedFrames.forEach((d, frames) -> frames.forEach(f -> rows.add(new Row(f.timeNanos(), Integer.MAX_VALUE,
        "(" + d + ")", "(no debug line)", f.capture() + ":" + f.number(), f.summary()))));
    rows.sort((a, c) -> a.at() != c.at() ? Long.compare(a.at(), c.at()) : Integer.compare(a.order(), c.order()));
    StringBuilder b = new StringBuilder(summary()).append('\n');
    b.append(String.format("%-15s %-8s %-100s %-16s %s%n", "capture time", "device", "debug line", "frame",
        "frame summary"));
    for (Row r : rows) {
      b.append(String.format("%-15s %-8s %-100s %-16s %s%n", clock(r.at()), r.device(), r.line(), r.frame(),
          r.summary()));
    }
    for (Row r : unplaced) {
      b.append(String.format("%-15s %-8s %-100s %-16s %s%n", "(no offset)", r.device(), r.line(), r.frame(), ""));
    }
    return b.toString();
  }

  private static String clock(long nanos) {
    java.time.Instant t = java.time.Instant.ofEpochSecond(0, nanos);
    return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC).format(t);
  }
}
