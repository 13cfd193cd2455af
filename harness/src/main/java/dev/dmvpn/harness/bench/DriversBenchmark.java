package dev.dmvpn.harness.bench;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.ios.ConfigureResult;
import dev.dmvpn.drivers.ios.Credentials;
import dev.dmvpn.drivers.ios.IosSession;
import dev.dmvpn.drivers.ios.SessionOptions;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.rack.Rack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The drivers against one virtual-rack router over a telnet VTY on loopback, and the same router driven by another
 * client (netmiko) in the same run: the hub sv9-2 (a 3725) booted from the document's hub configuration (its VTYs
 * take the document's line password) plus a bench enable secret. Measures connect + login + enable, a {@code show
 * version} (about 1 KB), and pushing the hub configuration with every line's echo and answer checked; medians after
 * a warm-up. Run by {@code bench/drivers.sh} with {@code java -cp dmvpn-harness.jar} (not a subcommand):
 * {@code DriversBenchmark CONFIG [ROUNDS] [SHOWS] [-- CLIENT ARGS...]}; the client gets {@code --port P} appended and
 * its standard output is copied.
 */
public final class DriversBenchmark {
  /** The line password of the document's hub configuration (seed), the one the pushed config itself sets. */
  static final String VTY_PASSWORD = "cisco";
  /** A fresh enable secret per run on the throwaway rack; the client gets both by environment, never as text. */
  static final String ENABLE = "bench-" + java.util.HexFormat.of().formatHex(
      new java.security.SecureRandom().generateSeed(6));

  private DriversBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path config = Path.of(args[0]);
    int rounds = args.length > 1 && !args[1].equals("--") ? Integer.parseInt(args[1]) : 20;
    int shows = args.length > 2 && !args[2].equals("--") ? Integer.parseInt(args[2]) : 500;
    int dash = Arrays.asList(args).indexOf("--");
    List<String> client = dash < 0 ? List.of() : List.of(args).subList(dash + 1, args.length);
    List<String> hub = Files.readAllLines(config, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.contains("#show run") && !l.startsWith("Building configuration")
            && !l.startsWith("Current configuration :") && !l.strip().equals("end"))
        .toList();
    String startup = String.join("\n", hub) + "\nenable secret " + ENABLE + "\nend\n";
    try (ExecutorScheduler scheduler = ExecutorScheduler.realTime("bench-drivers");
        Rack rack = Rack.start(List.of(new RackRouter("sv9-2", Chassis.sv92(), startup)), scheduler,
            "hostname ts\nend\n", 0, 0, 0)) {
      int port = rack.vtyPort("sv9-2");
      long pushLines = hub.stream().filter(l -> !l.isBlank() && !l.strip().startsWith("!")).count();
      System.out.println("router: sv9-2 (3725) on the virtual rack, telnet VTY 127.0.0.1:" + port + ", hub config "
          + pushLines + " lines");
      ours(port, hub, rounds, shows);
      if (!client.isEmpty()) {
        List<String> cmd = new ArrayList<>(client);
        cmd.addAll(List.of("--port", String.valueOf(port)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DMVPN_BENCH_VTY_PASSWORD", VTY_PASSWORD);
        pb.environment().put("DMVPN_BENCH_ENABLE", ENABLE);
        Process p = pb.start();
        p.getOutputStream().close();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
            StandardCharsets.UTF_8))) {
          r.lines().forEach(System.out::println);
        }
        System.out.println("client exit status " + p.waitFor());
      }
    }
  }

  private static IosSession open(int port) throws IOException {
    IosSession s = IosSession.open(TelnetTransport.connect("127.0.0.1", port, TelnetOptions.DEFAULT),
        new Credentials(null, VTY_PASSWORD, ENABLE), SessionOptions.IOS_DEFAULT, Transcript.none());
    s.enable();
    return s;
  }

  private static void ours(int port, List<String> hub, int rounds, int shows) throws IOException {
    for (int i = 0; i < 5; i++) { // warm-up: JIT, class loading
      try (IosSession s = open(port)) {
        for (int j = 0; j < 50; j++) {
          s.execute("show version");
        }
        s.configure(hub);
      }
    }
    long[] connect = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      IosSession s = open(port);
      connect[i] = System.nanoTime() - t0;
      s.close();
    }
    long[] show = new long[shows];
    long[] push = new long[rounds];
    try (IosSession s = open(port)) {
      for (int i = 0; i < shows; i++) {
        long t0 = System.nanoTime();
        s.execute("show version");
        show[i] = System.nanoTime() - t0;
      }
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        ConfigureResult r = s.configure(hub);
        push[i] = System.nanoTime() - t0;
        if (!r.ok()) {
          throw new IllegalStateException("hub config refused: " + r);
        }
      }
    }
    System.out.println(row("drivers", "connect+login+enable", connect));
    System.out.println(row("drivers", "show version", show));
    System.out.println(row("drivers", "push hub config (each line checked)", push));
  }

  static String row(String who, String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format(java.util.Locale.ROOT, "%-8s %-38s n=%-4d median %9.3f ms  p90 %9.3f ms  min %9.3f ms",
        who, what, s.length, s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6, s[0] / 1e6);
  }

}
