package dev.dmvpn.harness.bench;

import dev.dmvpn.harness.lab.TestbedRackPlan;
import dev.dmvpn.topology.generate.ConfigGenerationException;
import dev.dmvpn.topology.generate.HubAndSpokes;
import dev.dmvpn.topology.secrets.SecretResolver;
import dev.dmvpn.virtualrack.node.NodeViews;
import dev.dmvpn.virtualrack.rack.DocumentWanRack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The virtual rack's benchmarks (issue 8), each printing its figure: (1) {@code lab up} until the three document
 * routers' consoles show their prompts; (2) {@code show} latency over a telnet VTY (line sent to prompt back,
 * median and 90th percentile); (3) the document's configurations pasted into three blank consoles until {@code ping
 * 2.2.2.2} on sv9-4 succeeds 5/5, at a given time scale; (4) one hub and N spokes from {@code
 * HubAndSpokes.testbed(N)}: start time, time until the hub holds N registrations, heap after GC.
 */
public final class RackBenchmark {
  private static final List<String> DOC = List.of("sv9-2", "sv9-3", "sv9-4");
  private final PrintWriter out;

  public RackBenchmark(PrintWriter out) {
    this.out = out;
  }

  /** (1) and (2) on one rack started from the document's configurations (sv9-4's VTYs opened for the benchmark). */
  public void startAndShowLatency(int commands) throws IOException {
    List<RackRouter> routers = documentRouters(false);
    long t0 = System.nanoTime();
    try (DocumentWanRack lab = DocumentWanRack.start(routers, "hostname ts\nend\n", 1.0, 0, 1)) {
      long started = System.nanoTime();
      List<RawConsole> consoles = new ArrayList<>();
      try {
        for (String r : DOC) {
          RawConsole c = new RawConsole(lab.rack().consolePort(r));
          consoles.add(c);
          c.send("\r\n");
        }
        for (int i = 0; i < DOC.size(); i++) {
          consoles.get(i).waitFor(DOC.get(i) + ">", 30_000);
        }
      } finally {
        for (RawConsole c : consoles) {
          c.close();
        }
      }
      long prompts = System.nanoTime();
      out.printf("lab up (document rack, x1): rack started in %d ms, all three console prompts after %d ms%n",
          (started - t0) / 1_000_000, (prompts - t0) / 1_000_000);
      try (RawConsole vty = new RawConsole(lab.rack().vtyPort("sv9-4"))) {
        vty.waitFor("sv9-4>", 10_000);
        vty.send("terminal length 0\r\n");
        vty.waitFor("sv9-4>", 10_000);
        for (String cmd : List.of("show version", "show running-config", "show ip route", "show ip nhrp",
            "show crypto isakmp sa")) {
          latency(vty, cmd, commands);
        }
      }
    }
  }

  private void latency(RawConsole vty, String command, int n) throws IOException {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < n + 20; i++) {
      long t = System.nanoTime();
      vty.send(command + "\r\n");
      vty.waitFor("\r\nsv9-4>", 10_000);
      if (i >= 20) { // 20 warm-up runs
        micros.add((System.nanoTime() - t) / 1000);
      }
    }
    Collections.sort(micros);
    out.printf("show latency over a VTY, %-22s median %.2f ms, p90 %.2f ms (%d runs)%n", command + ":",
        micros.get(n / 2) / 1000.0, micros.get(n * 9 / 10) / 1000.0, n);
  }

  /** (3): blank routers, the three configurations pasted, {@code no shutdown}, then ping until 5/5. */
  public void pasteToPing(double timeScale) throws IOException {
    List<RackRouter> routers = documentRouters(true);
    try (DocumentWanRack lab = DocumentWanRack.start(routers, "hostname ts\nend\n", timeScale, 0, 1)) {
      List<RawConsole> consoles = new ArrayList<>();
      try {
        for (String r : DOC) {
          RawConsole c = new RawConsole(lab.rack().consolePort(r));
          consoles.add(c);
          c.send("\r\n");
          c.waitFor("[yes/no]: ", 30_000);
          c.send("no\r\n");
          c.waitFor("Press RETURN to get started!", 30_000);
          c.send("\r\n");
          c.waitFor("Router>", 30_000);
          c.send("enable\r\nconfigure terminal\r\n");
          c.waitFor("Router(config)#", 30_000);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < DOC.size(); i++) {
          RawConsole c = consoles.get(i);
          c.send(configuration(DOC.get(i)).replace("\n", "\r\n"));
          c.send("configure terminal\r\ninterface FastEthernet0/0\r\nno shutdown\r\n"
              + "interface FastEthernet0/1\r\nno shutdown\r\nend\r\n");
        }
        for (int i = 0; i < DOC.size(); i++) {
          consoles.get(i).waitFor("%SYS-5-CONFIG_I", 60_000);
          consoles.get(i).waitFor("%SYS-5-CONFIG_I", 60_000);
        }
        long pasted = System.nanoTime();
        RawConsole sv94 = consoles.get(2);
        int attempts = 0;
        while (true) {
          attempts++;
          sv94.send("ping 2.2.2.2\r\n");
          String result = sv94.waitFor("sv9-4#", 120_000);
          if (result.contains("Success rate is 100 percent (5/5)")) {
            break;
          }
          if (System.nanoTime() - t0 > 300_000_000_000L) {
            throw new IOException("no 5/5 ping within 300 s");
          }
        }
        long done = System.nanoTime();
        out.printf("paste to ping (x%s): pasted and applied in %d ms, ping 2.2.2.2 5/5 after %d ms (%d pings)%n",
            timeScale, (pasted - t0) / 1_000_000, (done - t0) / 1_000_000, attempts);
      } finally {
        for (RawConsole c : consoles) {
          c.close();
        }
      }
    }
  }

  /** (4): one hub + {@code spokes} spokes from the generated testbed, until the hub holds every registration. */
  public void hubAndSpokes(int spokes, double timeScale) throws IOException, ConfigGenerationException,
      InterruptedException {
    HeapMeter heap = new HeapMeter();
    heap.baseline();
    TestbedRackPlan plan = TestbedRackPlan.of(HubAndSpokes.testbed(spokes),
        new SecretResolver(Map.of("DMVPN_PSK", "benchkey1", "DMVPN_NHRP_KEY", "benchnh")));
    long t0 = System.nanoTime();
    try (DocumentWanRack lab = DocumentWanRack.startOnSubnets(plan.routers(), "hostname ts\nend\n", timeScale, 0,
        1, plan.gateways())) {
      long started = System.nanoTime();
      int registered = 0;
      while (registered < spokes) {
        Thread.sleep(200);
        registered = lab.readNodes(List.of(plan.routers().get(0).name()), nodes -> nodes.isEmpty() ? 0
            : (int) NodeViews.nhrp(nodes.get(0), 0, 0).stream().filter(r -> r.type().equals("dynamic")).count());
        if (System.nanoTime() - started > 600_000_000_000L) {
          throw new IOException("only " + registered + " of " + spokes + " spokes registered within 600 s");
        }
      }
      long ready = System.nanoTime();
      long used = heap.usedAfterGc() - heap.baselineBytes();
      out.printf("1 hub + %d spokes (x%s): rack started in %d ms, all registered at the hub after %d ms; heap %d MiB "
          + "after GC (%d KiB per router)%n", spokes, timeScale, (started - t0) / 1_000_000,
          (ready - t0) / 1_000_000, used >> 20, (used >> 10) / (spokes + 1));
    }
  }

  private static List<RackRouter> documentRouters(boolean blank) throws IOException {
    List<Chassis> chassis = List.of(Chassis.sv92(), Chassis.sv93(), Chassis.sv94());
    List<RackRouter> out = new ArrayList<>();
    for (int i = 0; i < DOC.size(); i++) {
      String text = configuration(DOC.get(i));
      if (DOC.get(i).equals("sv9-4")) { // the benchmark's VTY: no login (the document's says 'login' without one)
        text = text.substring(0, text.lastIndexOf("\nend")) + "\nline vty 0 4\n no login\nend\n";
      }
      out.add(new RackRouter(DOC.get(i), chassis.get(i), blank ? null : text));
    }
    return out;
  }

  /** The document's configuration as shipped, without the capture's header lines. */
  static String configuration(String router) throws IOException {
    try (InputStream in = RackBenchmark.class.getResourceAsStream("/configs/" + router + ".ios")) {
      if (in == null) {
        throw new IOException("configs/" + router + ".ios is not on the classpath");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return String.join("\n", text.lines().filter(l -> !l.contains("#show run")
          && !l.startsWith("Building configuration") && !l.startsWith("Current configuration :")).toList()) + "\n";
    }
  }
}
