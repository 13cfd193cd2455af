package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.ios.ConfigureResult.RejectedLine;
import dev.dmvpn.drivers.parse.RunningConfig;
import dev.dmvpn.drivers.parse.ShowRunningConfigParser;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link IosSession#configure} with a rollback to the configuration of before the push when a line is rejected:
 * {@code show running-config} is saved first; on a rejection the {@link ConfigInverse inverse} of the applied lines
 * is pushed, then {@code show running-config} is compared with the saved one and the remaining differences are
 * pushed as {@link ConfigInverse#repair repair} lines, and the comparison is made again. How exact: the result says
 * whether the text is equal; what a {@code no} form cannot undo (a physical interface's existence, a default IOS
 * adds when a block is created, secrets IOS re-encrypts with a new salt, banners, sub-sub-mode lines) stays listed
 * in {@link RollbackResult#differences()}. A broken connection ends the rollback with the exception.
 */
public final class ConfigRollback {
  /** Lines IOS changes on every configuration change; not part of the comparison. */
  private static final Pattern VOLATILE = Pattern.compile(
      "^! (?:Last configuration change|NVRAM config last updated|No configuration change since).*$");

  private ConfigRollback() {}

  /** Pushes {@code lines}; with {@code rollback} and a rejected line, rolls back as described above. */
  public static GuardedConfigureResult configure(IosSession session, List<String> lines, boolean rollback)
      throws IOException {
    if (!rollback) {
      return new GuardedConfigureResult(session.configure(lines), java.util.Optional.empty());
    }
    session.changeMode(IosMode.PRIVILEGED_EXEC);
    String before = session.execute("show running-config").output();
    ConfigureResult push = session.configure(lines);
    if (push.rejected().isEmpty()) {
      return new GuardedConfigureResult(push, java.util.Optional.empty());
    }
    return new GuardedConfigureResult(push, java.util.Optional.of(rollBack(session, before, push, lines)));
  }

  private static RollbackResult rollBack(IosSession session, String before, ConfigureResult push, List<String> input)
      throws IOException {
    long t0 = System.nanoTime();
    RunningConfig saved = ShowRunningConfigParser.parse(before);
    List<String> applied = push.applied().stream().map(a -> input.get(a.number() - 1)).toList();
    List<String> inverse = ConfigInverse.of(applied, saved);
    List<RejectedLine> refused = new ArrayList<>(pushAll(session, inverse));
    String now = session.execute("show running-config").output();
    List<String> repair = List.of();
    if (!differences(before, now).isEmpty()) {
      repair = ConfigInverse.repair(saved, ShowRunningConfigParser.parse(now));
      refused.addAll(pushAll(session, repair));
      now = session.execute("show running-config").output();
    }
    List<String> diff = differences(before, now);
    return new RollbackResult(inverse, repair, refused, diff.isEmpty(), diff,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Pushes every line, going on after a refused one; returns the refused lines (numbers in {@code lines}). */
  private static List<RejectedLine> pushAll(IosSession session, List<String> lines) throws IOException {
    List<RejectedLine> refused = new ArrayList<>();
    int from = 0;
    while (from < lines.size()) {
      List<String> rest = lines.subList(from, lines.size());
      ConfigureResult r = session.configure(rest);
      if (r.connectionFailure().isPresent()) {
        throw new DriverException("rollback on " + session.peer() + " cut short: " + r.connectionFailure().get());
      }
      if (r.rejected().isEmpty()) {
        break;
      }
      RejectedLine bad = r.rejected().get();
      refused.add(new RejectedLine(from + bad.number(), bad.line(), bad.error()));
      from += bad.number();
    }
    return refused;
  }

  /** Lines only in {@code before} ({@code - }) or only in {@code after} ({@code + }), volatile lines aside. */
  static List<String> differences(String before, String after) {
    List<String> a = significant(before);
    List<String> b = significant(after);
    List<String> out = new ArrayList<>();
    if (a.equals(b)) {
      return out;
    }
    Set<String> inB = new LinkedHashSet<>(b);
    Set<String> inA = new LinkedHashSet<>(a);
    a.stream().filter(l -> !inB.contains(l)).forEach(l -> out.add("- " + l));
    b.stream().filter(l -> !inA.contains(l)).forEach(l -> out.add("+ " + l));
    if (out.isEmpty()) {
      out.add("~ same lines in another order");
    }
    return out;
  }

  private static List<String> significant(String text) {
    return text.lines().map(String::stripTrailing).filter(l -> !VOLATILE.matcher(l).matches()).toList();
  }

}
