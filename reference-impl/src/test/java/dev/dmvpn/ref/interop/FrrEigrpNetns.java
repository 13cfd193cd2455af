package dev.dmvpn.ref.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * FRR's eigrpd (with zebra), an independent EIGRP implementation, in a network namespace of its own, joined to
 * the root namespace by a veth pair whose root end the Java node drives through pcap4j. Per-run names
 * ({@link RunIds}); {@link #close()} stops the daemons by their pid files and deletes the namespace (which takes
 * the veth with it). Addresses: FRR 10.201.0.2/24 on the veth, 10.202.1.1/24 on lan0 (its LAN, advertised).
 */
final class FrrEigrpNetns implements AutoCloseable {
  static final String FRR_VETH_ADDRESS = "10.201.0.2";
  static final String FRR_LAN = "10.202.1.0/24";
  private static final Duration CMD = Duration.ofSeconds(15);

  final String id = RunIds.next();
  final String namespace = "eigrp" + id;
  final String hostIf = "veg" + id;
  final String frrIf = "vef" + id;
  private final Path dir;
  private boolean daemons;

  FrrEigrpNetns() throws IOException {
    dir = Files.createTempDirectory("frr-eigrp-" + id);
    try {
      setUp();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void setUp() throws IOException {
    ip("netns", "add", namespace);
    ip("link", "add", hostIf, "type", "veth", "peer", "name", frrIf);
    ip("link", "set", frrIf, "netns", namespace);
    inNs("ip", "addr", "add", FRR_VETH_ADDRESS + "/24", "dev", frrIf);
    inNs("ip", "link", "set", frrIf, "up");
    inNs("ip", "link", "set", "lo", "up");
    // the LAN: a veth pair inside the namespace (no dummy module on the CI kernel), lan0 carries the address
    inNs("ip", "link", "add", "lan0", "type", "veth", "peer", "name", "lan1");
    inNs("ip", "addr", "add", "10.202.1.1/24", "dev", "lan0");
    inNs("ip", "link", "set", "lan1", "up");
    inNs("ip", "link", "set", "lan0", "up");
    Files.writeString(Path.of("/proc/sys/net/ipv4/conf", hostIf, "arp_ignore"), "8");
    Path v6 = Path.of("/proc/sys/net/ipv6/conf", hostIf, "disable_ipv6");
    if (Files.exists(v6)) {
      Files.writeString(v6, "1"); // keep the host's IPv6 chatter off the node's wire
    }
    ip("link", "set", hostIf, "up");
  }

  /** Starts zebra and eigrpd ({@code router eigrp 90}, networks 10.201.0.0/24 and 10.202.1.0/24). */
  void startFrr() throws IOException {
    Files.writeString(dir.resolve("frr.conf"), "hostname frr-" + id + "\nrouter eigrp 90\n network 10.201.0.0/24\n"
        + " network 10.202.1.0/24\n");
    run(CMD, "chmod", "777", dir.toString());
    run(CMD, "chown", "-R", "frr:frr", dir.toString());
    inNs("/usr/lib/frr/zebra", "-d", "-N", namespace, "-f", "/dev/null", "-i", dir.resolve("zebra.pid").toString(),
        "-z", dir.resolve("zebra.sock").toString(), "--vty_socket", dir.toString(), "-u", "frr", "-g", "frr");
    daemons = true;
    Poll.until("zebra socket", Duration.ofSeconds(10), Duration.ofMillis(100),
        () -> Files.exists(dir.resolve("zebra.sock")), ok -> ok);
    inNs("/usr/lib/frr/eigrpd", "-d", "-N", namespace, "-f", dir.resolve("frr.conf").toString(), "-i",
        dir.resolve("eigrpd.pid").toString(), "-z", dir.resolve("zebra.sock").toString(), "--vty_socket",
        dir.toString(), "-u", "frr", "-g", "frr");
  }

  /** {@code show ...} through vtysh on eigrpd's vty socket. */
  String vtysh(String command) {
    return HostCommand.run(CMD, "ip", "netns", "exec", namespace, "vtysh", "--vty_socket", dir.toString(), "-c",
        command).stdout();
  }

  /** The namespace kernel's route to {@code prefix} ("" when none): what zebra installed from eigrpd. */
  String kernelRoute(String prefix) {
    return HostCommand.run(CMD, "ip", "netns", "exec", namespace, "ip", "-4", "route", "show", prefix).stdout()
        .strip();
  }

  /** Shuts FRR's end of the veth to the node: its hellos stop. */
  void shutFrrLink() {
    inNs("ip", "link", "set", frrIf, "down");
  }

  private void ip(String... args) {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "ip";
    System.arraycopy(args, 0, cmd, 1, args.length);
    run(CMD, cmd);
  }

  private void inNs(String... args) {
    String[] cmd = new String[args.length + 4];
    cmd[0] = "ip";
    cmd[1] = "netns";
    cmd[2] = "exec";
    cmd[3] = namespace;
    System.arraycopy(args, 0, cmd, 4, args.length);
    run(CMD, cmd);
  }

  private static void run(Duration timeout, String... cmd) {
    HostCommand.run(timeout, cmd).requireOk();
  }

  @Override
  public void close() {
    if (daemons) {
      for (String pid : new String[] {"eigrpd.pid", "zebra.pid"}) {
        try {
          Path f = dir.resolve(pid);
          if (Files.exists(f)) {
            HostCommand.run(CMD, "kill", Files.readString(f).strip());
          }
        } catch (IOException e) {
          // best effort: the namespace goes below in any case
        }
      }
      Poll.sleep(Duration.ofMillis(500));
    }
    HostCommand.run(CMD, "ip", "netns", "del", namespace);
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}
