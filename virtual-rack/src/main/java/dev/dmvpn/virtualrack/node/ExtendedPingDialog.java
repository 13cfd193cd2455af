package dev.dmvpn.virtualrack.node;

import dev.dmvpn.virtualrack.session.CliSession;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The dialog of a bare {@code ping} (privileged exec), question by question as IOS 12.3 asks them: {@code Protocol
 * [ip]: }, {@code Target IP address: }, {@code Repeat count [5]: }, {@code Datagram size [100]: }, {@code Timeout in
 * seconds [2]: }, {@code Extended commands [n]: }; after {@code y}: {@code Source address or interface: }, {@code
 * Type of service [0]: }, {@code Set DF bit in IP header? [no]: }, {@code Validate reply data? [no]: }, {@code Data
 * pattern [0xABCD]: }, {@code Loose, Strict, Record, Timestamp, Verbose[none]: }; then {@code Sweep range of sizes
 * [n]: }. Sources: ../shared/docs/ios-drivers.md row 22 and unicon's IOS mock (../shared/fixtures/ios-outputs/
 * _dialog_transcripts/unicon-plugins-mock_3.yaml, {@code ping1_*} states: {@code [n]} forms); the later {@code
 * Ingress ping [n]:}, {@code DSCP Value [0]:} and {@code 0x0000ABCD} of the mock's other states are IOS-XE's and left
 * out. Return takes the bracketed default. Only the defaults of the options after the source are emulated: another
 * answer is refused with a line saying so, never silently ignored. Error wordings {@code % Unknown protocol - "x",
 * type "ping ?" for help}, {@code % Bad IP address}, {@code % A decimal number between 1 and 2147483647.} are best
 * knowledge [unconfirmed].
 */
final class ExtendedPingDialog {
  private final CliSession s;
  private final Consumer<PingRequest> run;
  private PingRequest r;

  private ExtendedPingDialog(CliSession s, Consumer<PingRequest> run) {
    this.s = s;
    this.run = run;
  }

  static void start(CliSession s, Consumer<PingRequest> run) {
    ExtendedPingDialog d = new ExtendedPingDialog(s, run);
    s.ask("Protocol [ip]: ", d::protocol);
  }

  private void protocol(String a) {
    String p = a.strip();
    if (!p.isEmpty() && !"ip".startsWith(p.toLowerCase(Locale.ROOT))) {
      s.println("% Unknown protocol - \"" + p + "\", type \"ping ?\" for help");
      return;
    }
    s.ask("Target IP address: ", this::target);
  }

  private void target(String a) {
    String t = a.strip();
    if (!isAddress(t)) {
      s.println("% Bad IP address");
      return;
    }
    r = PingRequest.defaults(t);
    s.ask("Repeat count [5]: ", this::repeat);
  }

  private void repeat(String a) {
    Integer n = number(a, 5, 1, 2147483647);
    if (n != null) {
      r = r.withRepeat(n);
      s.ask("Datagram size [100]: ", this::size);
    }
  }

  private void size(String a) {
    Integer n = number(a, 100, 36, 18024);
    if (n != null) {
      r = r.withSize(n);
      s.ask("Timeout in seconds [2]: ", this::timeout);
    }
  }

  private void timeout(String a) {
    Integer n = number(a, 2, 0, 3600);
    if (n != null) {
      r = r.withTimeout(n);
      s.ask("Extended commands [n]: ", this::extended);
    }
  }

  private void extended(String a) {
    if (yes(a)) {
      s.ask("Source address or interface: ", this::source);
    } else {
      s.ask("Sweep range of sizes [n]: ", this::sweep);
    }
  }

  private void source(String a) {
    String src = a.strip();
    r = r.withSource(src.isEmpty() ? null : src);
    s.ask("Type of service [0]: ", x -> onlyDefault(x, "0", "Type of service", this::askDf));
  }

  private void askDf() {
    s.ask("Set DF bit in IP header? [no]: ", x -> onlyNo(x, "Set DF bit", this::askValidate));
  }

  private void askValidate() {
    s.ask("Validate reply data? [no]: ", x -> onlyNo(x, "Validate reply data", this::askPattern));
  }

  private void askPattern() {
    s.ask("Data pattern [0xABCD]: ", x -> onlyDefault(x, "0xABCD", "Data pattern", this::askOptions));
  }

  private void askOptions() {
    s.ask("Loose, Strict, Record, Timestamp, Verbose[none]: ",
        x -> onlyDefault(x, "none", "Loose, Strict, Record, Timestamp, Verbose", this::askSweep));
  }

  private void askSweep() {
    s.ask("Sweep range of sizes [n]: ", this::sweep);
  }

  private void sweep(String a) {
    if (yes(a)) {
      s.println("% Sweep range of sizes is not emulated by the virtual rack");
      return;
    }
    run.accept(r);
  }

  private void onlyDefault(String a, String dflt, String what, Runnable next) {
    String v = a.strip();
    if (v.isEmpty() || v.equalsIgnoreCase(dflt)) {
      next.run();
    } else {
      s.println("% " + what + " other than " + dflt + " is not emulated by the virtual rack");
    }
  }

  private void onlyNo(String a, String what, Runnable next) {
    String v = a.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty() || "no".startsWith(v)) {
      next.run();
    } else {
      s.println("% " + what + " is not emulated by the virtual rack");
    }
  }

  private Integer number(String a, int dflt, int min, long max) {
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
      // refused below, as IOS refuses it
    }
    s.println("% A decimal number between " + min + " and " + max + ".");
    return null;
  }

  private static boolean yes(String a) {
    String v = a.strip().toLowerCase(Locale.ROOT);
    return !v.isEmpty() && "yes".startsWith(v);
  }

  static boolean isAddress(String t) {
    String[] p = t.split("\\.", -1);
    if (p.length != 4) {
      return false;
    }
    for (String x : p) {
      if (x.isEmpty() || x.length() > 3 || !x.chars().allMatch(Character::isDigit) || Integer.parseInt(x) > 255) {
        return false;
      }
    }
    return true;
  }
}
