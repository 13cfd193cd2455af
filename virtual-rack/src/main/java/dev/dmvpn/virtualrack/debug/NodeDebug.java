package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.virtualrack.node.NodeHost;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Connects a router's debug switches to the node under it: every node the host builds gets the printers
 * ({@link NhrpDebug} per tunnel, {@link CryptoDebug} per protected tunnel), whose lines go to the router's console
 * and monitoring VTYs through {@link dev.dmvpn.virtualrack.router.EmulatedRouter#debug}. The printers are always
 * attached and check the switches per line, so {@code debug nhrp} takes effect at once.
 */
public final class NodeDebug {
  private final NodeHost host;
  private final DebugSwitches switches;
  private final Set<DmvpnNode> attached = Collections.newSetFromMap(new WeakHashMap<>());

  private NodeDebug(NodeHost host, DebugSwitches switches) {
    this.host = host;
    this.switches = switches;
  }

  /** Attaches printers to {@code host}'s current and future nodes. */
  public static NodeDebug attach(NodeHost host, DebugSwitches switches) {
    NodeDebug d = new NodeDebug(host, switches);
    host.addBuildListener(d::attachTo);
    return d;
  }

  private void attachTo(DmvpnNode node) {
    if (!attached.add(node)) {
      return; // the build listener and the first-turn call can both name the same node
    }
    node.events().addListener(e -> {
      if (e.kind() == NodeEventKind.IKE_BAD_MESSAGE) {
        host.router().log(CryptoSyslog.badMessage(e.text()));
      }
    });
    for (TunnelInterface t : node.tunnels()) {
      NhrpDebug nhrp = new NhrpDebug(t, switches, host.router()::debug);
      t.addTrace(nhrp);
      t.nhrp().events().addListener(nhrp);
      if (t.protection() != null) {
        CryptoDebug.attach(t, switches, host.cryptoIds(), host.router()::debug);
      }
    }
  }

  public DebugSwitches switches() {
    return switches;
  }
}
