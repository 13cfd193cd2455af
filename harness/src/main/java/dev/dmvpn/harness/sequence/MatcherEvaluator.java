package dev.dmvpn.harness.sequence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Holds one frame against one matcher: every test with what the frame has, so a failure can say what differed. */
final class MatcherEvaluator {
  private final HostTable hosts;

  MatcherEvaluator(HostTable hosts) {
    this.hosts = hosts;
  }

  /**
   * @param since the time the matcher's {@code within} counts from, with {@code sinceLabel} naming it; ignored
   *     when the matcher has no bound
   */
  Candidate evaluate(FrameView f, FrameMatcher m, Scope scope, long since, String sinceLabel) {
    List<FieldCheck> checks = new ArrayList<>();
    if (m.from() != null) {
      checks.add(endpoint("from", m.from(), f.source(), scope));
    }
    if (m.to() != null) {
      checks.add(endpoint("to", m.to(), f.destination(), scope));
    }
    for (FieldCondition c : m.conditions()) {
      checks.add(condition(f, c, scope));
    }
    if (m.within() != null) {
      checks.add(timing(f, m.within(), since, sinceLabel));
    }
    return new Candidate(f.number(), f.timeNanos(), checks);
  }

  private FieldCheck endpoint(String direction, String endpoint, String actual, Scope scope) {
    List<String> want = hosts.resolve(endpoint, scope);
    String field = direction.equals("from") ? "ip.src" : "ip.dst";
    boolean ok = want != null && actual != null && want.contains(actual);
    return new FieldCheck(direction + " " + hosts.describe(endpoint, want) + " [" + field + "]",
        actual == null ? "(no IPv4)" : labelled(actual), ok);
  }

  private String labelled(String address) {
    String label = hosts.labels().get(address);
    return label == null ? address : label + " (" + address + ")";
  }

  private static FieldCheck timing(FrameView f, Duration within, long since, String sinceLabel) {
    long delta = f.timeNanos() - since;
    boolean ok = delta >= 0 && delta <= within.toNanos();
    return new FieldCheck("within " + Durations.format(within) + " of " + sinceLabel,
        "+" + Durations.format(Duration.ofNanos(delta)), ok);
  }

  private static FieldCheck condition(FrameView f, FieldCondition c, Scope scope) {
    List<String> operands = new ArrayList<>();
    for (String o : c.operands()) {
      String v = scope.substitute(o);
      if (v == null) {
        return new FieldCheck(c.describe(), "(not checked: " + unset(o, scope) + " has no value yet)", false);
      }
      operands.add(v);
    }
    FieldCondition resolved = new FieldCondition(c.field(), c.operator(), operands, c.line());
    List<String> names = f.expand(c.field());
    List<Object> values = new ArrayList<>();
    boolean ok = false;
    for (String n : names) {
      if (f.has(n)) {
        values.add(f.get(n));
        ok |= test(f.get(n), true, resolved);
      }
    }
    if (values.isEmpty()) {
      ok = c.operator() == Operator.MISSING;
    }
    return new FieldCheck(resolved.describe(), observed(values), ok);
  }

  private static String unset(String template, Scope scope) {
    for (String n : Template.names(template)) {
      if (scope.lookup(n) == null) {
        return "${" + n + "}";
      }
    }
    return template;
  }

  private static String observed(List<Object> values) {
    if (values.isEmpty()) {
      return "(missing)";
    }
    List<String> texts = values.stream().map(Values::text).toList();
    return texts.size() == 1 ? texts.get(0) : texts.toString();
  }

  private static boolean test(Object value, boolean present, FieldCondition c) {
    return switch (c.operator()) {
      case PRESENT -> present && value != null;
      case MISSING -> value == null;
      case EQ -> Values.equal(value, c.operands().get(0));
      case NE -> !Values.equal(value, c.operands().get(0));
      case IN -> c.operands().stream().anyMatch(o -> Values.equal(value, o));
      case MATCHES -> value != null && Pattern.compile(c.operands().get(0)).matcher(Values.text(value)).matches();
      case LT, LE, GT, GE -> ordered(value, c);
    };
  }

  private static boolean ordered(Object value, FieldCondition c) {
    Integer sign = Values.compare(value, c.operands().get(0));
    if (sign == null) {
      return false;
    }
    return switch (c.operator()) {
      case LT -> sign < 0;
      case LE -> sign <= 0;
      case GT -> sign > 0;
      default -> sign >= 0;
    };
  }
}
