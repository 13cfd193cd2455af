package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeManager;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheEntry;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheType;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.TunnelInterface;
import java.util.List;

/**
 * What {@code clear crypto sa}, {@code clear crypto isakmp} and {@code clear ip nhrp} do to the node (IOS prints
 * nothing for them): every IPsec SA pair deleted with an ISAKMP Delete to its peer (the ISAKMP SAs stay); every
 * ISAKMP SA deleted (its IPsec SAs stay until they expire, as on IOS where {@code clear crypto isakmp} leaves
 * Phase 2 alone); every dynamic NHRP entry purged (static mappings stay; a spoke registers again at its next
 * registration). Run on the node's scheduler.
 */
final class ClearCommands {
  private ClearCommands() {}

  static void cryptoSa(DmvpnNode node) {
    for (TunnelInterface t : node.tunnels()) {
      if (t.protection() == null) {
        continue;
      }
      IkeManager ike = t.protection().ike();
      for (IkeSa sa : ike.ikeSas()) {
        for (ChildSa child : List.copyOf(sa.childSas())) {
          ike.deleteChildSa(sa, child);
        }
      }
    }
  }

  static void cryptoIsakmp(DmvpnNode node) {
    for (TunnelInterface t : node.tunnels()) {
      if (t.protection() != null) {
        IkeManager ike = t.protection().ike();
        for (IkeSa sa : List.copyOf(ike.ikeSas())) {
          ike.deleteIkeSa(sa);
        }
      }
    }
  }

  /** Static mappings and the NHS's own mapping stay (IOS clears dynamic entries only). */
  static void ipNhrp(DmvpnNode node) {
    for (TunnelInterface t : node.tunnels()) {
      for (NhrpCacheEntry e : t.nhrp().cache().entries()) {
        if (e.type() != NhrpCacheType.STATIC && e.type() != NhrpCacheType.NHS) {
          t.nhrp().cache().purge(e.prefix());
        }
      }
    }
  }
}
