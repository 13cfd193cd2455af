package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.node.Tracer;
import dev.dmvpn.virtualrack.session.CliSession;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The dialog of a bare {@code traceroute} (privileged exec), as classic IOS asks it: {@code Protocol [ip]: },
 * {@code Target IP address: }, {@code Source address: }, {@code Numeric display [n]: }, {@code Timeout in seconds
 * [3]: }, {@code Probe count [3]: }, {@code Minimum Time to Live [1]: }, {@code Maximum Time to Live [30]: },
 * {@code Port Number [33434]: }, {@code Loose, Strict, Record, Timestamp, Verbose[none]: }. Sources: the IOS-XE
 * dialogs of ../shared/fixtures/ios-outputs/traceroute/genieparser-iosxe_7/8.txt minus what XE added ({@code Ingress
 * traceroute [n]:}, {@code DSCP Value [0]:}, {@code Resolve AS number ...}); 12.3's {@code Source address: } without
 * {@code or interface} is best knowledge [unconfirmed] (drivers' ExtendedDialog accepts both). The rack prints
 * addresses only, so {@code Numeric display} changes nothing; a port or option other than the default is refused
 * with a line saying it is not emulated.
 */
final class ExtendedTracerouteDialog {
  private final CliSession s;
  private final Consumer<TraceRequest> run;
  private String target;
  private String source;
  private int timeout = 3;
  private int probes = 3;
  private int minTtl = 1;

  private ExtendedTracerouteDialog(CliSession s, Consumer<TraceRequest> run) {
    this.s = s;
    this.run = run;
  }

  static void start(CliSession s, Consumer<TraceRequest> run) {
    ExtendedTracerouteDialog d = new ExtendedTracerouteDialog(s, run);
    s.ask("Protocol [ip]: ", d::protocol);
  }

  private void protocol(String a) {
    String p = a.strip();
    if (!p.isEmpty() && !"ip".startsWith(p.toLowerCase(Locale.ROOT))) {
      s.println("% Unknown protocol - \"" + p + "\", type \"traceroute ?\" for help");
      return;
    }
    s.ask("Target IP address: ", this::target);
  }

  private void target(String a) {
    String t = a.strip();
    if (!ExtendedPingDialog.isAddress(t)) {
      s.println("% Bad IP address");
      return;
    }
    target = t;
    s.ask("Source address: ", x -> {
      source = x.strip().isEmpty() ? null : x.strip();
      s.ask("Numeric display [n]: ", y -> s.ask("Timeout in seconds [3]: ", this::timeout));
    });
  }

  private void timeout(String a) {
    Integer n = number(a, 3, 0, 3600);
    if (n != null) {
      timeout = n;
      s.ask("Probe count [3]: ", this::probes);
    }
  }

  private void probes(String a) {
    Integer n = number(a, 3, 1, 65535);
    if (n != null) {
      probes = n;
      s.ask("Minimum Time to Live [1]: ", this::minTtl);
    }
  }

  private void minTtl(String a) {
    Integer n = number(a, 1, 0, 255);
    if (n != null) {
      minTtl = Math.max(1, n);
      s.ask("Maximum Time to Live [30]: ", this::maxTtl);
    }
  }

  private void maxTtl(String a) {
    Integer n = number(a, 30, minTtl, 255);
    if (n == null) {
      return;
    }
    int maxTtl = n;
    s.ask("Port Number [" + Tracer.BASE_PORT + "]: ", p -> {
      String v = p.strip();
      if (!v.isEmpty() && !v.equals(Integer.toString(Tracer.BASE_PORT))) {
        s.println("% Port numbers other than " + Tracer.BASE_PORT + " are not emulated by the virtual rack");
        return;
      }
      s.ask("Loose, Strict, Record, Timestamp, Verbose[none]: ", o -> {
        String w = o.strip();
        if (!w.isEmpty() && !w.equalsIgnoreCase("none")) {
          s.println("% Loose, Strict, Record, Timestamp, Verbose are not emulated by the virtual rack");
          return;
        }
        run.accept(new TraceRequest(target, source, timeout, probes, minTtl, maxTtl));
      });
    });
  }

  private Integer number(String a, int dflt, int min, int max) {
    String v = a.strip();
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return (int) n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    s.println("% A decimal number between " + min + " and " + max + ".");
    return null;
  }
}
