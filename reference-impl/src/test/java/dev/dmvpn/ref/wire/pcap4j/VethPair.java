package dev.dmvpn.ref.wire.pcap4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away veth pair in the root namespace, both ends up, no addresses (IPv6 address generation off, so the
 * kernel sends nothing on it by itself). Names are {@code dmvh<6 random hex>a} and {@code ...b}; {@link
 * #delete()} removes exactly the pair this object created.
 */
final class VethPair {
  final String a;
  final String b;
  private boolean created;

  private VethPair(String prefix) {
    this.a = prefix + "a";
    this.b = prefix + "b";
  }

  static VethPair create() throws IOException {
    byte[] id = new byte[3];
    new SecureRandom().nextBytes(id);
    VethPair p = new VethPair("dmvh" + HexFormat.of().formatHex(id));
    ip("link", "add", p.a, "type", "veth", "peer", "name", p.b);
    p.created = true;
    for (String end : new String[] {p.a, p.b}) {
      ipQuietly("link", "set", "dev", end, "addrgenmode", "none");
      ip("link", "set", "dev", end, "up");
    }
    p.awaitUp();
    return p;
  }

  private void awaitUp() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (operstate(a).equals("up") && operstate(b).equals("up")) {
        return;
      }
      sleep(20);
    }
    throw new IOException("veth " + a + "/" + b + " did not come up: " + operstate(a) + "/" + operstate(b));
  }

  private static String operstate(String dev) throws IOException {
    return Files.readString(Path.of("/sys/class/net", dev, "operstate"), StandardCharsets.US_ASCII).strip();
  }

  /** Deletes the pair (deleting one end removes both). */
  void delete() throws IOException {
    if (created) {
      ip("link", "del", "dev", a);
      created = false;
    }
  }

  static boolean exists(String dev) {
    return Files.exists(Path.of("/sys/class/net", dev));
  }

  private static void ip(String... args) throws IOException {
    int rc = run(args);
    if (rc != 0) {
      throw new IOException("ip " + String.join(" ", args) + " exited with " + rc);
    }
  }

  private static void ipQuietly(String... args) throws IOException {
    run(args);
  }

  private static int run(String... args) throws IOException {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "ip";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
