package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.lab.LabTestbed;
import dev.dmvpn.harness.lab.TestbedRackPlan;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.generate.TestbedYamlWriter;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.topology.generate.ConfigGenerationException;
import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.TestbedLoader;
import dev.dmvpn.topology.secrets.SecretResolver;
import dev.dmvpn.virtualrack.rack.DocumentWanRack;
import dev.dmvpn.virtualrack.rack.StartupStore;
import dev.dmvpn.virtualrack.rack.Rack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmvpn-harness lab up}: the document's three routers as a virtual rack on loopback, each with the
 * reference DMVPN node underneath, booted from the document's configurations (gaps filled and marked in the
 * configuration files), so {@code ping 2.2.2.2} on sv9-4 works without typing a configuration line.
 */
@Command(name = "lab", mixinStandardHelpOptions = true, description = "Virtual racks of emulated IOS 12.3 routers.",
    subcommands = {CommandLine.HelpCommand.class, LabCommand.Up.class})
public final class LabCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code lab up}. */
  @Command(name = "up", mixinStandardHelpOptions = true, description = {
      "Start the document's rack (sv9-2 hub, sv9-3 and sv9-4 spokes on the document's WAN) with the document's",
      "configurations as startup configs, print each router's console (reverse telnet through the terminal",
      "server), VTY telnet and SSH endpoints, and run until interrupted (Ctrl-C), then shut down cleanly.",
      "Console lines are port-base+1..3, the terminal server's own VTY port-base, router VTYs port-base+100+i.",
      "Logins are the configurations' own: consoles without a password; a VTY without 'line vty' refuses",
      "('Password required, but none set') as IOS does."})
  static final class Up implements Callable<Integer> {
    static final List<String> ROUTERS = List.of("sv9-2", "sv9-3", "sv9-4");

    @Option(names = "--port-base", defaultValue = "2000", paramLabel = "N",
        description = "console lines on N+1.. (0: free ports everywhere; default: ${DEFAULT-VALUE})")
    int portBase;

    @Option(names = "--time-scale", defaultValue = "1", paramLabel = "X",
        description = "router seconds per real second for every timer (default: ${DEFAULT-VALUE})")
    double timeScale;

    @Option(names = "--configs", paramLabel = "DIR", description = "directory with sv9-2.ios, sv9-3.ios, sv9-4.ios "
        + "(default: the document's, gaps filled and marked, shipped in the jar as configs/sv9-N.ios)")
    Path configs;

    @Option(names = "--testbed", paramLabel = "FILE", description = "start a rack from this testbed instead: one "
        + "router per DMVPN member (hub first) booted from the configuration topology generates for it; its secret "
        + "references (pre-shared key, NHRP key) must resolve")
    Path testbed;

    @Option(names = "--blank", description = "start the routers with no startup configuration (the initial "
        + "configuration dialog), for pasting")
    boolean blank;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "keep startup configurations in DIR/<router>-confg:"
        + " 'write memory' writes there, the next 'lab up' with this DIR boots from it ('erase startup-config' "
        + "leaves an empty file: the router starts blank)")
    Path stateDir;

    @Option(names = "--write-testbed", paramLabel = "FILE", description = "write the testbed a driver uses to reach "
        + "this rack (the source testbed with every router's console, telnet and SSH on loopback) to FILE")
    Path writeTestbed;

    @Option(names = "--duration", paramLabel = "TIME", converter = PeerCommand.DurationConverter.class,
        description = "stop after this much real time, e.g. 90s (default: until interrupted)")
    Duration duration;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!(timeScale > 0 && timeScale <= 1000) || portBase < 0 || portBase > 65000) {
        err.println("lab up: --time-scale must be in (0, 1000] and --port-base in [0, 65000]");
        return 2;
      }
      if (testbed != null && configs != null) {
        err.println("lab up: --testbed and --configs exclude each other");
        return 2;
      }
      StartupStore store = null;
      if (stateDir != null) {
        try {
          store = StartupStore.open(stateDir);
        } catch (IOException e) {
          err.println("lab up: " + e.getMessage());
          return 2;
        }
      }
      List<RackRouter> specs = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      List<InterfaceAddress> gateways = null;
      Testbed sourceTestbed = null;
      if (testbed != null) {
        LoadResult loaded = TestbedLoader.loadAndValidate(testbed);
        if (!loaded.ok()) {
          err.println("lab up: " + loaded.report());
          return 2;
        }
        try {
          sourceTestbed = loaded.testbed().get();
          TestbedRackPlan plan = TestbedRackPlan.of(sourceTestbed, SecretResolver.fromProcess());
          gateways = plan.gateways();
          for (RackRouter r : plan.routers()) {
            specs.add(r);
            sources.add("generated from " + testbed);
          }
        } catch (ConfigGenerationException e) {
          err.println("lab up: " + testbed + ": " + e.getMessage());
          return 2;
        }
      } else {
        List<Chassis> chassis = List.of(Chassis.sv92(), Chassis.sv93(), Chassis.sv94());
        for (int i = 0; i < ROUTERS.size(); i++) {
          String name = ROUTERS.get(i) + ".ios";
          String source = configs != null ? configs.resolve(name).toString() : "configs/" + name + " (in the jar)";
          try {
            specs.add(new RackRouter(ROUTERS.get(i), chassis.get(i),
                startupText(configs != null ? Files.readString(configs.resolve(name), StandardCharsets.UTF_8)
                    : shipped(name))));
          } catch (IOException e) {
            err.println("lab up: cannot read " + source + ": " + e.getMessage());
            return 2;
          }
          sources.add(configs != null ? configs.resolve(name).toString()
              : "configs/" + name + " in the jar, gaps filled and marked");
        }
      }
      for (int i = 0; i < specs.size(); i++) {
        RackRouter r = specs.get(i);
        String startup = blank ? null : r.startup();
        String source = blank ? "none: the setup dialog" : sources.get(i);
        if (store != null) {
          try {
            String saved = store.startup(r.name(), startup);
            if (saved != startup) { // the store returns the fallback itself when it holds nothing
              source = saved == null ? "erased in " + store.file(r.name()) : store.file(r.name()).toString();
            }
            startup = saved;
          } catch (IOException | IllegalArgumentException e) {
            err.println("lab up: " + e.getMessage());
            return 2;
          }
        }
        specs.set(i, new RackRouter(r.name(), r.chassis(), startup));
        sources.set(i, source);
      }
      DocumentWanRack running;
      try {
        running = gateways == null
            ? DocumentWanRack.start(specs, "hostname ts\nline vty 0 4\n no login\nend\n", timeScale, portBase, 1)
            : DocumentWanRack.startOnSubnets(specs, "hostname ts\nline vty 0 4\n no login\nend\n", timeScale,
                portBase, 1, gateways);
      } catch (IOException | RuntimeException e) {
        err.println("lab up: cannot start the rack (--port-base " + portBase + "): " + e.getMessage());
        return 2;
      }
      Rack rack = running.rack();
      for (int i = 0; i < specs.size(); i++) {
        String r = specs.get(i).name();
        out.printf("%-6s console 127.0.0.1:%d  telnet 127.0.0.1:%d  ssh 127.0.0.1:%d  (startup %s)%n", r,
            rack.consolePort(r), rack.vtyPort(r), rack.sshPort(r), sources.get(i));
        for (String e : rack.router(r).bootErrors()) {
          out.println("       boot: " + e);
        }
        if (store != null) {
          store.persist(r, rack.router(r).router());
        }
      }
      if (store != null) {
        out.println("startup configurations are kept in " + stateDir + " ('write memory' writes there)");
      }
      if (writeTestbed != null) {
        try {
          Testbed base = sourceTestbed != null ? sourceTestbed : ShippedTestbeds.documentRack();
          Files.writeString(writeTestbed, TestbedYamlWriter.write(LabTestbed.reachable(base, rack,
              specs.stream().map(RackRouter::name).toList())), StandardCharsets.UTF_8);
          out.println("testbed for the drivers written to " + writeTestbed);
        } catch (IOException | RuntimeException e) {
          close(running);
          err.println("lab up: cannot write the testbed to " + writeTestbed + ": " + e.getMessage());
          return 2;
        }
      }
      out.println("time scale x" + timeScale + "; Ctrl-C stops the rack");
      out.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Thread hook = new Thread(() -> {
        close(running);
        stopped.countDown();
      }, "lab-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      if (duration == null) {
        stopped.await();
        return 0;
      }
      Thread.sleep(duration.toMillis());
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        stopped.await();
        return 0;
      }
      close(running);
      out.println("rack stopped");
      return 0;
    }

    /** The document's configuration {@code name} as reference-impl ships it (gaps filled and marked). */
    private static String shipped(String name) throws IOException {
      try (InputStream in = LabCommand.class.getResourceAsStream("/configs/" + name)) {
        if (in == null) {
          throw new IOException("not on the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }

    /** The configuration lines of a text that may hold a {@code show run} capture (header lines left out). */
    static String startupText(String text) {
      return String.join("\n", text.lines()
          .filter(l -> !l.contains("#show run") && !l.startsWith("Building configuration")
              && !l.startsWith("Current configuration :"))
          .toList()) + "\n";
    }

    private static void close(DocumentWanRack running) {
      try {
        running.close();
      } catch (IOException ignored) {
        // the process is ending: nothing to do with a port that would not close
      }
    }
  }
}
