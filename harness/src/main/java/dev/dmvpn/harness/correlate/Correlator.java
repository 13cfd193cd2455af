package dev.dmvpn.harness.correlate;

import dev.dmvpn.drivers.parse.DebugEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs each router's debug lines with the frames of a capture, by time. The router's clock and the capture's
 * differ by an unknown offset (a real router's clock is its own, often {@code *Mar 1} since boot; on the virtual
 * rack both come from the rack's scaled scheduler but the router counts from its boot): per device,
 *
 * <ol>
 *   <li>each line a rule matches gets its candidate frames, time aside (direction, peer, type, size, ports);
 *   <li>anchors: lines of an anchor rule with exactly one candidate frame that no other line of the device has as
 *       a candidate; the offset is the median of their (frame time - line time), of the received ones when there
 *       are any (a router prints a received packet's debug right after its input work, while a sent packet's
 *       debug comes before encryption and queueing); anchors farther than the window from it are not counted. Without anchors, the offset most candidate pairs agree on (within the window)
 *       wins the vote;
 *   <li>with the offset, candidate pairs whose residual is within the window (plus half the stamp's resolution,
 *       plus the lag on the causal side: a sent frame after its line, a received packet's line after its frame)
 *       are taken closest first, each line and each frame at most once.
 * </ol>
 *
 * A line left without a frame, and a frame a rule would accept that no line took, are reported as unpaired. The
 * offset is constant over a run: a router's drift over minutes is far below the window (ppm); on the virtual rack
 * router and capture run on one clock and the offset is exact to the stamp's millisecond.
 */
public final class Correlator {
  /** Default window: a router prints the debug within milliseconds of the packet leaving or arriving. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMillis(250);
  /** Default extra allowance on the causal side (a sent frame after its line, a received line after its frame). */
  public static final Duration DEFAULT_LAG = Duration.ofMillis(250);

  private final List<DebugRule> rules;
  private final long windowNanos;
  private final long lagNanos;
  private final Map<String, Long> givenOffsets = new HashMap<>();

  /**
   * @param window how far a frame may be from its line either way, once the offset is applied
   * @param lag how much later still a sent frame may follow its line, or a received packet's line its frame: the
   *     router's own work between the two (encryption, a busy CPU; on the virtual rack the scheduler thread that
   *     prints the debugs also moves the packets, so a burst of debug output delays the frames by a
   *     scale-multiplied stall)
   */
  public Correlator(List<DebugRule> rules, Duration window, Duration lag) {
    this.rules = List.copyOf(rules);
    this.windowNanos = window.toNanos();
    this.lagNanos = lag.toNanos();
    Set<String> names = new HashSet<>();
    for (DebugRule r : rules) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("two correlation rules are named " + r.name());
      }
    }
  }

  /** The IOS 12.3 rules and the default window. */
  public static Correlator ios123() {
    return new Correlator(DebugRules.ios123(), DEFAULT_WINDOW, DEFAULT_LAG);
  }

  /** Uses a known offset for {@code device} instead of estimating it (capture time = router time + offset). */
  public Correlator withOffset(String device, Duration offset) {
    givenOffsets.put(device, offset.toNanos());
    return this;
  }

  /**
   * @param framesByDevice the frames to pair each device's lines with: the capture of the segment its own address
   *     is on (where its packets are seen first and the packets to it last)
   */
  public Correlation correlate(List<DeviceDebug> devices, Map<String, List<WireFrame>> framesByDevice) {
    List<PairedLine> lines = new ArrayList<>();
    Map<String, Optional<ClockOffset>> offsets = new LinkedHashMap<>();
    Map<String, List<WireFrame>> unclaimed = new LinkedHashMap<>();
    for (DeviceDebug d : devices) {
      List<WireFrame> frames = framesByDevice.getOrDefault(d.device(), List.of());
      DeviceRun run = new DeviceRun(d, frames);
      offsets.put(d.device(), run.offset);
      lines.addAll(run.lines);
      unclaimed.put(d.device(), run.unclaimed);
    }
    return new Correlation(lines, offsets, unclaimed);
  }

  /** One device's lines, their candidates, the offset and the pairing. */
  private final class DeviceRun {
    final List<PairedLine> lines = new ArrayList<>();
    final List<WireFrame> unclaimed = new ArrayList<>();
    Optional<ClockOffset> offset = Optional.empty();

    DeviceRun(DeviceDebug d, List<WireFrame> frames) {
      List<DebugEvent> events = d.events();
      String style = events.isEmpty() ? null : RouterTime.of(events.get(0).timestamp()).style();
      List<RuleMatch> matches = new ArrayList<>();
      List<RouterTime> times = new ArrayList<>();
      List<List<WireFrame>> candidates = new ArrayList<>();
      Map<String, DebugEvent> lastByFacility = new HashMap<>();
      for (DebugEvent e : events) {
        RouterTime t = RouterTime.of(e.timestamp());
        RuleMatch m = RuleMatch.find(rules, e, lastByFacility.get(e.facility())).orElse(null);
        if (e.facility() != null) {
          lastByFacility.put(e.facility(), e);
        }
        if (!t.style().equals(style)) {
          m = null; // another axis: cannot be placed with this device's offset
        }
        List<WireFrame> c = new ArrayList<>();
        if (m != null) {
          for (WireFrame f : frames) {
            if (m.accepts(f, d.addresses())) {
              c.add(f);
            }
          }
        }
        matches.add(m);
        times.add(t);
        candidates.add(c);
      }
      Long given = givenOffsets.get(d.device());
      offset = given != null ? Optional.of(new ClockOffset(given, "given", 0, 0, 0))
          : estimate(matches, times, candidates);
      Map<Integer, WireFrame> pairs = offset.map(o -> pair(o.nanos(), matches, times, candidates)).orElse(Map.of());
      Set<WireFrame> claimed = new HashSet<>(pairs.values());
      Set<WireFrame> wanted = new HashSet<>();
      for (int i = 0; i < events.size(); i++) {
        RuleMatch m = matches.get(i);
        wanted.addAll(candidates.get(i));
        Optional<WireFrame> f = Optional.ofNullable(pairs.get(i));
        long mid = times.get(i).midNanos();
        Optional<Long> at = offset.map(o -> mid + o.nanos());
        long residual = f.isPresent() ? f.get().timeNanos() - at.orElseThrow() : 0;
        lines.add(new PairedLine(d.device(), events.get(i), Optional.ofNullable(m).map(x -> x.rule().name()), f, at,
            residual));
      }
      for (WireFrame f : frames) {
        if (wanted.contains(f) && !claimed.contains(f)) {
          unclaimed.add(f);
        }
      }
    }
  }

  private Optional<ClockOffset> estimate(List<RuleMatch> matches, List<RouterTime> times,
      List<List<WireFrame>> candidates) {
    Map<WireFrame, Integer> claims = new HashMap<>();
    for (List<WireFrame> c : candidates) {
      c.forEach(f -> claims.merge(f, 1, Integer::sum));
    }
    List<Long> anchors = new ArrayList<>();
    List<Long> receivedAnchors = new ArrayList<>();
    List<Long> all = new ArrayList<>();
    long slack = 0;
    for (int i = 0; i < matches.size(); i++) {
      RuleMatch m = matches.get(i);
      if (m == null) {
        continue;
      }
      slack = Math.max(slack, times.get(i).resolutionNanos() / 2);
      for (WireFrame f : candidates.get(i)) {
        all.add(f.timeNanos() - times.get(i).midNanos());
      }
      if (m.rule().anchor() && candidates.get(i).size() == 1 && claims.get(candidates.get(i).get(0)) == 1) {
        long o = candidates.get(i).get(0).timeNanos() - times.get(i).midNanos();
        anchors.add(o);
        if (m.rule().direction() == Direction.RECEIVED) {
          receivedAnchors.add(o);
        }
      }
    }
    if (!receivedAnchors.isEmpty()) {
      anchors = receivedAnchors; // the router's work lies before a sent frame, but after a received one's arrival
    }
    long tolerance = windowNanos + slack;
    if (!anchors.isEmpty()) {
      anchors.sort(Comparator.naturalOrder());
      long median = anchors.get(anchors.size() / 2);
      List<Long> in = anchors.stream().filter(o -> Math.abs(o - median) <= tolerance).toList();
      return Optional.of(new ClockOffset(median, receivedAnchors.isEmpty() ? "anchors" : "received anchors",
          in.size(), anchors.size(), spread(in)));
    }
    if (all.isEmpty()) {
      return Optional.empty();
    }
    all.sort(Comparator.naturalOrder());
    int best = -1;
    int bestCount = 0;
    int hi = 0;
    for (int lo = 0; lo < all.size(); lo++) { // the densest window of width "tolerance" starting at each offset
      while (hi < all.size() && all.get(hi) - all.get(lo) <= tolerance) {
        hi++;
      }
      if (hi - lo > bestCount) {
        bestCount = hi - lo;
        best = lo;
      }
    }
    List<Long> in = all.subList(best, best + bestCount);
    return Optional.of(new ClockOffset(in.get(in.size() / 2), "vote", bestCount, all.size(), spread(in)));
  }

  private static long spread(List<Long> offsets) {
    return offsets.isEmpty() ? 0 : offsets.stream().mapToLong(Long::longValue).max().orElse(0)
        - offsets.stream().mapToLong(Long::longValue).min().orElse(0);
  }

  /** Candidate pairs within the window, closest first, each line and frame once: line index to frame. */
  private Map<Integer, WireFrame> pair(long offset, List<RuleMatch> matches, List<RouterTime> times,
      List<List<WireFrame>> candidates) {
    record Option(int line, WireFrame frame, long residual) {}
    List<Option> options = new ArrayList<>();
    for (int i = 0; i < matches.size(); i++) {
      if (matches.get(i) == null) {
        continue;
      }
      long at = times.get(i).midNanos() + offset;
      long tolerance = windowNanos + times.get(i).resolutionNanos() / 2;
      boolean sent = matches.get(i).rule().direction() == Direction.SENT;
      long early = sent ? tolerance : tolerance + lagNanos;  // how much before the line the frame may be
      long late = sent ? tolerance + lagNanos : tolerance;   // and after
      for (WireFrame f : candidates.get(i)) {
        long r = f.timeNanos() - at;
        if (r >= -early && r <= late) {
          options.add(new Option(i, f, r));
        }
      }
    }
    options.sort(Comparator.comparingLong((Option o) -> Math.abs(o.residual())).thenComparingInt(Option::line));
    Map<Integer, WireFrame> out = new HashMap<>();
    Set<WireFrame> used = new HashSet<>();
    for (Option o : options) {
      if (!out.containsKey(o.line()) && !used.contains(o.frame())) {
        out.put(o.line(), o.frame());
        used.add(o.frame());
      }
    }
    return out;
  }
}
