package dev.dmvpn.harness.peer;

import dev.dmvpn.ref.interop.HostCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * TEST-ONLY: a network namespace {@code dmvr<id>} holding a Linux bridge, and veth pairs whose peer ends are
 * bridge ports inside the namespace while the other ends ({@code dmvr<id><letter>}) stay in the root namespace
 * for the JVM to open with pcap4j: no addresses, IPv6 address generation off, arp_ignore=8 (so the host kernel
 * never answers ARP for the host's own addresses there). {@link #delete()} removes the namespace, which takes
 * the bridge and every veth pair with it.
 */
final class BridgeNetns {
  private static final Duration CMD = Duration.ofSeconds(30);
  final String namespace;
  private final String id;
  private final List<String> rootEnds = new ArrayList<>();

  private BridgeNetns(String id) {
    this.id = id;
    this.namespace = "dmvr" + id;
  }

  static BridgeNetns create(String id) {
    BridgeNetns n = new BridgeNetns(id);
    ip("netns", "add", n.namespace);
    ip("-n", n.namespace, "link", "add", "br0", "type", "bridge");
    ip("-n", n.namespace, "link", "set", "dev", "br0", "addrgenmode", "none");
    ip("-n", n.namespace, "link", "set", "dev", "br0", "up");
    return n;
  }

  /** A veth pair joined to the bridge; returns the root-side end's name. */
  String addPort(char letter) throws IOException {
    String root = "dmvr" + id + letter;
    String peer = root + "p";
    ip("link", "add", root, "type", "veth", "peer", "name", peer, "netns", namespace);
    rootEnds.add(root);
    ip("-n", namespace, "link", "set", "dev", peer, "addrgenmode", "none");
    ip("-n", namespace, "link", "set", "dev", peer, "master", "br0");
    ip("-n", namespace, "link", "set", "dev", peer, "up");
    ip("link", "set", "dev", root, "addrgenmode", "none");
    Files.writeString(Path.of("/proc/sys/net/ipv4/conf", root, "arp_ignore"), "8");
    ip("link", "set", "dev", root, "up");
    awaitUp(root);
    return root;
  }

  private static void awaitUp(String dev) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Path state = Path.of("/sys/class/net", dev, "operstate");
    while (System.nanoTime() < deadline) {
      if (Files.readString(state, StandardCharsets.US_ASCII).strip().equals("up")) {
        return;
      }
      sleep(20);
    }
    throw new IOException(dev + " did not come up");
  }

  /** Deletes the namespace (bridge and veth peers inside) and any root end left behind. */
  void delete() {
    HostCommand.run(CMD, "ip", "netns", "del", namespace);
    for (String root : rootEnds) {
      if (exists(root)) {
        HostCommand.run(CMD, "ip", "link", "del", "dev", root);
      }
    }
  }

  static boolean exists(String dev) {
    return Files.exists(Path.of("/sys/class/net", dev));
  }

  boolean namespaceExists() {
    return Files.exists(Path.of("/run/netns", namespace));
  }

  private static void ip(String... args) {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "ip";
    System.arraycopy(args, 0, cmd, 1, args.length);
    HostCommand.run(CMD, cmd).requireOk();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
