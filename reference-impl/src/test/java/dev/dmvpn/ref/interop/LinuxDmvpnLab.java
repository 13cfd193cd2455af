package dev.dmvpn.ref.interop;

import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Linux DMVPN (FRR nhrpd + strongSwan with kernel IPsec in transport mode over mGRE) in User-Mode Linux
 * guests, driven through the scripts in {@code interop/linux-dmvpn-uml/} (interop-peers.md section 3).
 *
 * <p>Layout per run ({@code id} = 4 random hex digits): netns {@code wan-<id>} holds bridge br0; each guest sits on
 * a tap {@code t<role:3><id>} in it; a veth joins br0 to the probe side, {@code dmvp<id>}, which is either left in
 * the ROOT namespace (link up, no address, IPv6 off: for the Java reference peer's pcap4j handle) or moved into
 * netns {@code probe-<id>} with 172.16.0.100/24 ({@link ProbeMode}). The run directory (copied scripts and role
 * configs, {@code out/} with guest logs, boot marks and the command channel) is under {@code target/interop-runs}.
 *
 * <p>Guests: the document's hub (172.16.0.1, tunnel 10.0.0.1) and spoke1 (172.16.0.11, tunnel 10.0.0.11); PSK
 * cisco123. {@link #close()} powers guests off (stop file, then SIGTERM/SIGKILL by PID) and deletes the namespaces.
 */
public final class LinuxDmvpnLab implements AutoCloseable {
  /** The document's published test key ({@code crypto isakmp key cisco123}), handed to the guests via ike.psk. */
  static final String IKE_PSK = "cisco123";

  /** Where the probe end of the WAN veth lives. */
  public enum ProbeMode {
    /** {@code dmvp<id>} in the root namespace, no address: the Java peer opens it with pcap4j. */
    ROOT,
    /** {@code dmvp<id>} in netns {@code probe-<id>} with 172.16.0.100/24. */
    NETNS
  }

  /** One guest: role (its config folder), NBMA address on vec0, tunnel address on gre1, MAC of its tap NIC. */
  public record Guest(String role, String nbmaCidr, String tunnelCidr, String mac) {
    public static final Guest HUB = new Guest("hub", "172.16.0.1/24", "10.0.0.1/32", "02:00:00:00:00:01");
    public static final Guest SPOKE1 = new Guest("spoke1", "172.16.0.11/24", "10.0.0.11/32", "02:00:00:00:00:11");
  }

  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> FILES = List.of(
      "lab-up.sh", "lab-down.sh", "uml-start.sh", "uml-cmd.sh", "stop-guest.sh", "init-dmvpn.sh", "modprobe-wrap.sh");

  private final String id;
  private final ProbeMode probeMode;
  private final Path dir;
  private final Map<String, ProcessHandle> guests = new LinkedHashMap<>();
  private final Thread shutdownHook = new Thread(this::closeQuietly);
  private boolean closed;

  private LinuxDmvpnLab(String id, ProbeMode probeMode, Path dir) {
    this.id = id;
    this.probeMode = probeMode;
    this.dir = dir;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Copies the scripts into a fresh run directory and brings up the WAN namespace, bridge and probe veth. */
  public static LinuxDmvpnLab create(ProbeMode probeMode) {
    InteropPrerequisites.requireUmlDmvpn();
    String id = RunIds.next();
    LinuxDmvpnLab lab = new LinuxDmvpnLab(id, probeMode, StrongSwanNetns.runDir(InteropRuns.workRoot(), "uml-" + id));
    try {
      lab.prepareDirectory(SharedFiles.projectRoot().resolve("interop/linux-dmvpn-uml"));
      lab.script("lab-up.sh").requireOk();
      return lab;
    } catch (RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  public String id() {
    return id;
  }

  public String wanNamespace() {
    return "wan-" + id;
  }

  public ProbeMode probeMode() {
    return probeMode;
  }

  /** The probe end of the WAN veth, {@code dmvp<id>}. */
  public String probeInterface() {
    return "dmvp" + id;
  }

  /** {@code probe-<id>} in {@link ProbeMode#NETNS}, empty in {@link ProbeMode#ROOT}. */
  public Optional<String> probeNamespace() {
    return probeMode == ProbeMode.NETNS ? Optional.of("probe-" + id) : Optional.empty();
  }

  public Path directory() {
    return dir;
  }

  public Path outDir() {
    return dir.resolve("out");
  }

  /** Boots a guest (returns at once; see {@link #awaitReady}). */
  public void start(Guest guest) {
    HostCommand.Result r = script("uml-start.sh", guest.role(), guest.nbmaCidr(), guest.tunnelCidr(), guest.mac())
        .requireOk();
    long pid = Long.parseLong(r.stdout().trim());
    // the handle remembers the start time, so a later destroy can never hit a reused PID
    guests.put(guest.role(), ProcessHandle.of(pid).orElseThrow(
        () -> new IllegalStateException(guest.role() + " died at once: " + tail(guest.role() + "-kernel.log"))));
  }

  /**
   * How long a guest may take to boot to its services: a wait's bound, not a pause (polled every 100 ms). A quiet
   * 2-core machine boots a guest in well under a minute; at a load of 15 one took 62 s to its services.
   */
  public static final Duration BOOT_WITHIN = Duration.ofSeconds(180);

  /** Waits until the guest's services are up (its init wrote {@code out/<role>.ready}); fails if it died. */
  public void awaitReady(String role, Duration timeout) {
    Poll.until(role + " ready (see " + outDir() + ")", timeout, Duration.ofMillis(100),
        () -> Files.exists(outDir().resolve(role + ".ready")) || !alive(role), done -> done);
    if (!alive(role)) {
      throw new IllegalStateException("guest " + role + " exited; kernel log tail:\n" + tail(role + "-kernel.log"));
    }
  }

  /** Runs shell commands inside the guest (through {@code out/<role>.cmd}) and returns their stdout+stderr. */
  public synchronized String exec(String role, String shellCommand, Duration timeout) {
    Path out = outDir().resolve(role + ".out");
    Path tmp = outDir().resolve(role + ".cmd.tmp");
    try {
      Files.deleteIfExists(out);
      Files.writeString(tmp, shellCommand + "\n");
      Files.move(tmp, outDir().resolve(role + ".cmd"), StandardCopyOption.ATOMIC_MOVE);
      Poll.until("answer from " + role + " to: " + shellCommand, timeout, Duration.ofMillis(50),
          () -> Files.exists(out) || !alive(role), done -> done);
      if (!Files.exists(out)) {
        throw new IllegalStateException("guest " + role + " is gone");
      }
      return Files.readString(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String exec(String role, String shellCommand) {
    return exec(role, shellCommand, Duration.ofSeconds(30));
  }

  /** The guest's boot marks ({@code init, modules, charon, swanctl, crypto-warm, services}) in guest uptime seconds. */
  public Map<String, Double> bootMarks(String role) {
    Map<String, Double> marks = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(outDir().resolve(role + ".times"))) {
        String[] f = line.split(" ");
        marks.put(f[0], Double.parseDouble(f[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return marks;
  }

  /** The guest kernel's host PID, or -1 if it was not started. */
  public long pid(String role) {
    ProcessHandle h = guests.get(role);
    return h == null ? -1 : h.pid();
  }

  public boolean alive(String role) {
    ProcessHandle h = guests.get(role);
    return h != null && h.isAlive();
  }

  /** Powers every guest off (by PID if it does not go within 5 s) and deletes the namespaces. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      for (Map.Entry<String, ProcessHandle> g : guests.entrySet()) {
        script("stop-guest.sh", g.getKey());
        killLeftovers(g.getValue());
      }
    } finally {
      script("lab-down.sh");
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // called from the hook itself
      }
    }
  }

  /** If the guest kernel survived stop-guest.sh, SIGKILL it and the helper processes it forked. */
  private static void killLeftovers(ProcessHandle guest) {
    if (guest.isAlive()) {
      List<ProcessHandle> helpers = guest.descendants().toList();
      guest.destroyForcibly();
      helpers.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException ignored) {
      // best effort at JVM exit
    }
  }

  private HostCommand.Result script(String name, String... args) {
    List<String> cmd = new ArrayList<>(List.of(dir.resolve(name).toString()));
    cmd.addAll(List.of(args));
    Map<String, String> env = Map.of("UML_DIR", dir.toString(), "LAB_ID", id, "PROBE",
        probeMode == ProbeMode.NETNS ? "netns" : "root");
    return HostCommand.run(SCRIPT_TIMEOUT, env, cmd);
  }

  /** Scripts and role folders into the run directory, out/ writable by the guests' frr user, modroot link. */
  private void prepareDirectory(Path source) {
    try {
      for (String f : FILES) {
        Files.copy(source.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(dir.resolve(f), PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      for (String role : List.of(Guest.HUB.role(), Guest.SPOKE1.role())) {
        Path target = Files.createDirectories(dir.resolve(role));
        try (Stream<Path> files = Files.list(source.resolve(role))) {
          for (Path f : files.toList()) {
            Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      // the guests' swanctl.conf say @IKE_PSK@: the key lives in the run directory only, readable by root
      Path psk = dir.resolve("ike.psk");
      Files.writeString(psk, IKE_PSK + "\n");
      Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-------"));
      Path out = Files.createDirectories(dir.resolve("out"));
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path modules = Files.createDirectories(dir.resolve("modroot/lib/modules"));
      Path version = umlModulesVersion();
      Files.createSymbolicLink(modules.resolve(version.getFileName()), version);
    } catch (IOException e) {
      throw new UncheckedIOException("preparing " + dir, e);
    }
  }

  private static Path umlModulesVersion() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/uml/modules"))) {
      return versions.filter(Files::isDirectory).findFirst()
          .orElseThrow(() -> new IllegalStateException("no /usr/lib/uml/modules/<version>: user-mode-linux broken"));
    }
  }

  private String tail(String file) {
    try {
      List<String> lines = Files.readAllLines(outDir().resolve(file));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no " + file + ")";
    }
  }
}
