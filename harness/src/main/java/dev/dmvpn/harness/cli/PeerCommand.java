package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.peer.PeerConsole;
import dev.dmvpn.harness.peer.PeerRun;
import dev.dmvpn.ref.config.ConfigProblem;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.node.ios.IosNodeBuilder;
import dev.dmvpn.ref.node.ios.IosNodeLoad;
import dev.dmvpn.ref.node.ios.IosNodePlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness peer}: one reference-peer node on a real NIC, configured by IOS lines. */
@Command(
    name = "peer",
    mixinStandardHelpOptions = true,
    description = {
      "Run one DMVPN node (hub or spoke) on a real network interface, configured by the IOS lines of a router",
      "(interfaces, Tunnel0, crypto isakmp policy and key, transform set, IPsec profile, ip route, router",
      "eigrp). Prints registrations, resolutions, SA and EIGRP neighbour events as they happen; on exit",
      "(--duration, Ctrl-C or SIGTERM) writes the capture of every frame sent and received and the Wireshark key",
      "files next to it. EIGRP runs on the interfaces its network lines cover (over the tunnel through the NHRP",
      "multicast maps). Keys and passwords are never printed.",
      "Exit status: 0 ran and stopped cleanly, 1 the node logged internal errors, 2 configuration or interface",
      "problems (nothing was sent)."
    })
public final class PeerCommand implements Callable<Integer> {

  @Option(names = "--interface", required = true, paramLabel = "NIC",
      description = "network interface to send and receive on (libpcap name, e.g. eth1)")
  String nic;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "IOS configuration lines")
  Path config;

  @Option(names = "--mac", paramLabel = "MAC", converter = MacConverter.class,
      description = "source MAC of the node (default: 02:00 followed by the tunnel source address)")
  MacAddress mac;

  @Option(names = "--capture", paramLabel = "FILE",
      description = "pcap of every frame (default: build-output/peer/<hostname>-<time>.pcap under the project)")
  Path capture;

  @Option(names = "--time-scale", defaultValue = "1", paramLabel = "N",
      description = "node seconds per real second for every timer (default: ${DEFAULT-VALUE})")
  double timeScale;

  @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
      description = "stop after this much real time, e.g. 90s, 5m, 500ms (default: until interrupted)")
  Duration duration;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!(timeScale > 0 && timeScale <= 1000) || (duration != null && duration.isNegative())) {
      err.println("peer: --time-scale must be in (0, 1000] and --duration positive");
      return 2;
    }
    IosNodeLoad load = IosNodeBuilder.load(config);
    String file = config.toString();
    if (!load.ok()) {
      for (ConfigProblem p : load.errors()) {
        err.println(IosNodeLoad.format(file, p));
      }
      err.println("peer: " + load.errors().size() + " error(s) in " + file + "; interface " + nic
          + " not touched");
      return 2;
    }
    IosNodePlan plan = load.plan();
    PeerConsole console = new PeerConsole(out);
    console.notes(file, load.notes());
    Path pcap = capture != null ? capture : defaultCapture(plan.hostname());
    MacAddress useMac = mac != null ? mac : PeerRun.defaultMac(plan);
    console.hostWarnings(nic, plan);
    PeerRun run;
    try {
      run = PeerRun.start(plan, nic, useMac, pcap, timeScale, console::event);
    } catch (IOException e) {
      err.println("peer: " + e.getMessage());
      return 2;
    }
    console.started(plan, nic, useMac, pcap, timeScale);
    return waitAndStop(run, console, err);
  }

  private int waitAndStop(PeerRun run, PeerConsole console, PrintWriter err) throws InterruptedException {
    CountDownLatch stoppedByHook = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopQuietly(run, console, err, "interrupted or terminated");
      stoppedByHook.countDown();
    }, "peer-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (duration == null) {
      stoppedByHook.await(); // the JVM exits when the hook has finished
    } else {
      Thread.sleep(duration.toMillis());
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      stoppedByHook.await();
    }
    stopQuietly(run, console, err, "--duration " + PeerConsole.describe(duration) + " elapsed");
    return console.internalErrors() > 0 ? 1 : 0;
  }

  private static void stopQuietly(PeerRun run, PeerConsole console, PrintWriter err, String why) {
    try {
      if (run.stop()) {
        console.stopped(run, why);
      }
    } catch (IOException | RuntimeException e) {
      err.println("peer: stopping: " + e.getMessage());
      err.flush();
    }
  }

  private static Path defaultCapture(String hostname) {
    Path root = Path.of(System.getProperty("dmvpn.root", "."));
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return root.resolve("build-output/peer").resolve(hostname + "-" + time + ".pcap");
  }

  /** {@code 02:00:c0:a8:01:02}. */
  static final class MacConverter implements ITypeConverter<MacAddress> {
    @Override
    public MacAddress convert(String value) {
      return MacAddress.parse(value);
    }
  }

  /** {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}, a plain number of seconds, or ISO-8601 {@code PT90S}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(java.util.Locale.ROOT);
      if (v.startsWith("pt")) {
        return Duration.parse(value.strip());
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      char unit = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
      String number = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1);
      double n = Double.parseDouble(number);
      double seconds = switch (unit) {
        case 'h' -> n * 3600;
        case 'm' -> n * 60;
        case 's' -> n;
        default -> {
          if (!Character.isDigit(unit)) {
            throw new IllegalArgumentException("'" + value + "' is not a duration (e.g. 90s, 5m, 500ms)");
          }
          yield n;
        }
      };
      return Duration.ofMillis(Math.round(seconds * 1000));
    }
  }
}
