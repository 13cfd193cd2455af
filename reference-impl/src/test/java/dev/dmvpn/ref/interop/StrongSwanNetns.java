package dev.dmvpn.ref.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One strongSwan charon in its own network namespace, driven through its own vici socket with swanctl.
 *
 * <p>Charon runs with a private {@code /run} ({@code unshare -m} + tmpfs, so pid files never clash), its own
 * strongswan.conf (kernel-libipsec before kernel-netlink: userspace ESP through a TUN device, always ESP-in-UDP on
 * 4500, tunnel mode only) and a swanctl.conf generated from a {@link SwanctlConnection}. Two layouts:
 *
 * <ul>
 *   <li>{@link #createPair}: namespaces {@code ssa<id>} (192.168.100.1/24, LAN 10.1.0.1/32 on lo) and
 *       {@code ssb<id>} (192.168.100.2/24, LAN 10.2.0.1/32), joined by a veth created directly inside them;
 *   <li>{@link #createWithRootPeer}: namespace {@code ss<id>} with 192.168.100.2/24 on {@code veth0}, whose other
 *       end {@code dmvs<id>} stays in the ROOT namespace, up, with no IPv4 and IPv6 disabled, so only a raw socket
 *       (the Java reference peer through pcap4j) talks on it. That peer must answer ARP for its address itself, or
 *       the test calls {@link #setNeighbor}.
 * </ul>
 *
 * Nothing is routed to the host's own interfaces. {@link #close()} stops charon (by its PID) and deletes the
 * namespace, which deletes the veth (both ends). The run directory keeps the configs and logs for diagnosis; the
 * PSK is in swanctl.conf there and nowhere else.
 */
public final class StrongSwanNetns implements AutoCloseable {
  public static final String CHARON = "/usr/lib/ipsec/charon";
  private static final Duration CMD_TIMEOUT = Duration.ofSeconds(20);

  private final String namespace;
  private final Path dir;
  private final String rootPeerInterface;
  private final Thread shutdownHook = new Thread(this::closeQuietly);
  private Process charon;
  private boolean closed;

  private StrongSwanNetns(String namespace, Path dir, String rootPeerInterface) {
    this.namespace = namespace;
    this.dir = dir;
    this.rootPeerInterface = rootPeerInterface;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Two charon namespaces A and B joined by a veth (the shared recipe); charon not started yet. */
  public static Pair createPair(Path workRoot) {
    InteropPrerequisites.requireStrongSwan();
    String id = RunIds.next();
    StrongSwanNetns a = new StrongSwanNetns("ssa" + id, runDir(workRoot, "ss-" + id + "/A"), null);
    StrongSwanNetns b = new StrongSwanNetns("ssb" + id, runDir(workRoot, "ss-" + id + "/B"), null);
    Pair pair = new Pair(a, b);
    try {
      a.addNamespace();
      b.addNamespace();
      ip("link", "add", "vA", "netns", a.namespace, "type", "veth", "peer", "name", "vB", "netns", b.namespace);
      a.configureInterface("vA", "192.168.100.1/24");
      b.configureInterface("vB", "192.168.100.2/24");
      a.addAddress("10.1.0.1/32", "lo");
      b.addAddress("10.2.0.1/32", "lo");
      return pair;
    } catch (RuntimeException e) {
      pair.close();
      throw e;
    }
  }

  /** Charon's namespace {@code ss<id>} (192.168.100.2/24) with its veth peer {@code dmvs<id>} in the root namespace. */
  public static StrongSwanNetns createWithRootPeer(Path workRoot) {
    InteropPrerequisites.requireStrongSwan();
    String id = RunIds.next();
    StrongSwanNetns s = new StrongSwanNetns("ss" + id, runDir(workRoot, "ss-" + id), "dmvs" + id);
    try {
      s.addNamespace();
      ip("link", "add", s.rootPeerInterface, "type", "veth", "peer", "name", "veth0", "netns", s.namespace);
      HostCommand.run(CMD_TIMEOUT, "sysctl", "-qw", "net.ipv6.conf." + s.rootPeerInterface + ".disable_ipv6=1")
          .requireOk();
      ip("link", "set", s.rootPeerInterface, "up");
      s.configureInterface("veth0", "192.168.100.2/24");
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  public String namespace() {
    return namespace;
  }

  /** The run directory: strongswan.conf, swanctl.conf, charon.log, charon.vici. */
  public Path directory() {
    return dir;
  }

  /** The root-namespace end of the veth ({@code dmvs<id>}), for the Java peer's pcap4j handle. */
  public Optional<String> rootPeerInterface() {
    return Optional.ofNullable(rootPeerInterface);
  }

  public Path logFile() {
    return dir.resolve("charon.log");
  }

  public long charonPid() {
    return charon == null ? -1 : charon.pid();
  }

  /** Writes strongswan.conf, starts charon in the namespace and waits (5 s at most) for its vici socket. */
  public void start() {
    write("strongswan.conf", StrongSwanConf.libipsec(dir));
    List<String> cmd = List.of("ip", "netns", "exec", namespace, "unshare", "-m", "--propagation", "private",
        "sh", "-c", "mount -t tmpfs tmpfs /run && exec " + CHARON);
    try {
      Files.deleteIfExists(vici());
      ProcessBuilder pb = new ProcessBuilder(cmd)
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("charon.stdout").toFile());
      pb.environment().put("STRONGSWAN_CONF", dir.resolve("strongswan.conf").toString());
      charon = pb.start(); // ip netns exec, unshare and sh all exec: this PID is charon's
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start charon in " + namespace, e);
    }
    Poll.until("charon vici socket " + vici(), Duration.ofSeconds(5), Duration.ofMillis(50),
        () -> Files.exists(vici()) && charon.isAlive(), ok -> ok || !charon.isAlive());
    if (!charon.isAlive()) {
      throw new IllegalStateException("charon in " + namespace + " exited with " + charon.exitValue()
          + "; see " + dir.resolve("charon.stdout"));
    }
  }

  /** Writes swanctl.conf for these connections and loads it ({@code swanctl --load-all}). */
  public void load(SwanctlConnection... connections) {
    StringBuilder conf = new StringBuilder();
    for (SwanctlConnection c : connections) {
      conf.append(c.toSwanctlConf());
    }
    write("swanctl.conf", conf.toString());
    swanctl("--load-all", "--file", dir.resolve("swanctl.conf").toString()).requireOk();
  }

  /** {@code swanctl --initiate --child NAME}; the result says whether charon reported success. */
  public HostCommand.Result initiate(String child, Duration timeout) {
    return swanctl("--initiate", "--child", child, "--timeout", Long.toString(Math.max(1, timeout.toSeconds())));
  }

  public HostCommand.Result initiate(String child) {
    return initiate(child, Duration.ofSeconds(15));
  }

  /** The IKE SAs charon holds now, parsed from {@code swanctl --list-sas --raw}. */
  public List<IkeSaStatus> listSas() {
    return IkeSaStatus.parseListSas(swanctl("--list-sas", "--raw").requireOk().stdout());
  }

  /** Runs a swanctl command against this charon's vici socket (with this run's strongswan.conf). */
  public HostCommand.Result swanctl(String... args) {
    List<String> cmd = new ArrayList<>(List.of("swanctl"));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--uri", "unix://" + vici()));
    return HostCommand.run(CMD_TIMEOUT.plusSeconds(10),
        Map.of("STRONGSWAN_CONF", dir.resolve("strongswan.conf").toString()), cmd);
  }

  /** Runs a command inside the namespace, e.g. {@code ping -c3 -I 10.1.0.1 10.2.0.1}. */
  public HostCommand.Result exec(Duration timeout, String... command) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    cmd.addAll(List.of(command));
    return HostCommand.run(timeout, Map.of(), cmd);
  }

  public void addAddress(String cidr, String device) {
    ip("-n", namespace, "addr", "add", cidr, "dev", device);
  }

  /** A permanent ARP entry in the namespace, for a peer that does not answer ARP. */
  public void setNeighbor(String address, String mac, String device) {
    ip("-n", namespace, "neigh", "replace", address, "lladdr", mac, "dev", device, "nud", "permanent");
  }

  /** Stops charon: SIGTERM to its PID, SIGKILL after 3 s. Idempotent. */
  public void stop() {
    Process p = charon;
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(3, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(3, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    charon = null;
  }

  /** Stops charon and deletes the namespace (and with it the veth, also its root-namespace end). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    HostCommand.run(CMD_TIMEOUT, "ip", "netns", "del", namespace);
    if (rootPeerInterface != null && Files.exists(Path.of("/sys/class/net", rootPeerInterface))) {
      HostCommand.run(CMD_TIMEOUT, "ip", "link", "del", rootPeerInterface);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // called from the hook itself
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException ignored) {
      // best effort at JVM exit
    }
  }

  private Path vici() {
    return dir.resolve("charon.vici");
  }

  private void addNamespace() {
    ip("netns", "add", namespace);
    ip("-n", namespace, "link", "set", "lo", "up");
  }

  private void configureInterface(String device, String cidr) {
    exec(CMD_TIMEOUT, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1").requireOk();
    addAddress(cidr, device);
    ip("-n", namespace, "link", "set", device, "up");
  }

  private void write(String name, String text) {
    try {
      Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void ip(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip"));
    cmd.addAll(List.of(args));
    HostCommand.run(CMD_TIMEOUT, Map.of(), cmd).requireOk();
  }

  static Path runDir(Path workRoot, String relative) {
    try {
      return Files.createDirectories(workRoot.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Two charons (A initiator side 192.168.100.1, B 192.168.100.2); closing it closes both. */
  public record Pair(StrongSwanNetns a, StrongSwanNetns b) implements AutoCloseable {
    @Override
    public void close() {
      try {
        a.close();
      } finally {
        b.close();
      }
    }
  }
}
