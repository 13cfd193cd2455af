package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.capture.keys.KeyFiles;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.capture.keys.WiresharkIkeSa;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.TunnelInterface;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects every node's SA keys (each pair is known to both ends: kept once) into a Wireshark config dir. */
public final class ScenarioKeys {
  private ScenarioKeys() {}

  public static void write(Path dir, List<DmvpnNode> nodes) throws IOException {
    List<WiresharkEspSa> esp = new ArrayList<>();
    List<WiresharkIkeSa> ike = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (DmvpnNode n : nodes) {
      for (TunnelInterface t : n.tunnels()) {
        if (t.protection() == null) {
          continue;
        }
        for (WiresharkEspSa sa : t.protection().espKeys()) {
          if (seen.add("esp " + sa.spi() + " " + sa.source() + " " + sa.destination())) {
            esp.add(sa);
          }
        }
        for (WiresharkIkeSa sa : t.protection().ikeKeys()) {
          if (seen.add("ike " + Hex.of(sa.initiatorCookie()))) {
            ike.add(sa);
          }
        }
      }
    }
    KeyFiles.writeWiresharkConfigDir(dir, esp, ike);
  }
}
