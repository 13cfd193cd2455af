package dev.dmvpn.harness.peer;

import dev.dmvpn.ref.config.ConfigProblem;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.node.TunnelConfig;
import dev.dmvpn.ref.node.ios.IosNodeLoad;
import dev.dmvpn.ref.node.ios.IosNodePlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code dmvpn-harness peer} prints: configuration notes, the start line, every node event with its time
 * as it happens ({@code [12:00:01.234] sv9-4: NHRP registration ...}), and the closing summary. Event texts and
 * configuration problems carry no secrets (keys and passwords are masked where they are made), and nothing here
 * prints key material. Thread-safe: events come from the node's thread, the summary from a shutdown hook.
 */
public final class PeerConsole {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
  private final PrintWriter out;
  private final AtomicInteger internalErrors = new AtomicInteger();

  public PeerConsole(PrintWriter out) {
    this.out = out;
  }

  public synchronized void notes(String file, List<ConfigProblem> notes) {
    for (ConfigProblem p : notes) {
      out.println((p.severity() == ConfigProblem.Severity.WARNING ? "warning: " : "ignored: ")
          + IosNodeLoad.format(file, p));
    }
    out.flush();
  }

  /** Warns about what the host kernel would do on the wire next to the node. */
  public synchronized void hostWarnings(String nic, IosNodePlan plan) {
    try {
      if (NetworkInterface.getByInetAddress(InetAddress.getByAddress(plan.nbmaAddress().toBytes())) != null) {
        out.println("warning: this host owns " + plan.nbmaAddress() + ": its kernel will answer ARP and IP for"
            + " that address too; give the node an address the host does not have");
      }
      Path arpIgnore = Path.of("/proc/sys/net/ipv4/conf", nic, "arp_ignore");
      if (Files.isReadable(arpIgnore)) {
        String v = Files.readString(arpIgnore, StandardCharsets.US_ASCII).strip();
        if (!v.equals("8")) {
          out.println("note: net.ipv4.conf." + nic + ".arp_ignore is " + v + ": the kernel may answer ARP on "
              + nic + " for the host's own addresses (sysctl -w net.ipv4.conf." + nic + ".arp_ignore=8 stops it)");
        }
      }
    } catch (IOException | RuntimeException e) {
      // only advice: a host that cannot be inspected is no reason not to run
    }
    out.flush();
  }

  public synchronized void started(IosNodePlan plan, String nic, MacAddress mac, Path capture, double scale) {
    TunnelConfig t = plan.tunnel();
    out.println("peer " + plan.hostname() + ": " + plan.physicalInterface() + " " + plan.physicalAddress()
        + " on " + nic + " (MAC " + mac + "), " + t.name() + " " + t.nhrp().tunnelAddress() + "/"
        + t.nhrp().tunnelPrefixLength() + (t.key() == null ? "" : " key " + t.key()) + " ip mtu " + t.ipMtu()
        + (t.protection() == null ? ", no tunnel protection" : ", protected by profile "
            + t.protection().profile().name())
        + (scale == 1 ? "" : ", time x" + scale));
    if (plan.eigrp() != null) {
      out.println("router eigrp " + plan.eigrp().router().asNumber() + ": networks " + plan.eigrp().networks()
          .stream().map(n -> n.address() + (n.wildcard() == null ? "" : " " + n.wildcard())).toList()
          + (plan.eigrp().router().autoSummary() ? ", auto-summary" : ", no auto-summary"));
    }
    out.println("capture: " + capture);
    out.flush();
  }

  /** One node event, stamped with the node clock's wall time. */
  public synchronized void event(NodeEvent e) {
    if (e.kind() == NodeEventKind.INTERNAL_ERROR) {
      internalErrors.incrementAndGet();
    }
    out.println("[" + TIME.format(e.at()) + "] " + e.line());
    out.flush();
  }

  public synchronized void stopped(PeerRun run, String why) {
    out.println("stopped (" + why + "): " + run.framesCaptured() + " frames in " + run.capture());
    out.println("keys:    " + run.keyDir() + "  (WIRESHARK_CONFIG_DIR=" + run.keyDir() + " wireshark -r "
        + run.capture() + ")");
    out.println("decode:  bin/dmvpn-harness decode --keys " + run.keyDir() + " " + run.capture());
    out.flush();
  }

  public int internalErrors() {
    return internalErrors.get();
  }

  /** {@code 90s}, {@code 1500ms}. */
  public static String describe(Duration d) {
    if (d == null) {
      return "none";
    }
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
