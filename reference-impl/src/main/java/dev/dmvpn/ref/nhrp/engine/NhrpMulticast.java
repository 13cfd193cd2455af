package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where multicast (EIGRP hellos and updates) is replicated: the static {@code ip nhrp map multicast} NBMA
 * addresses, plus, with {@code ip nhrp map multicast dynamic}, every NBMA address currently registered
 * (DYNAMIC cache entries with a committed binding; an expired registration drops out).
 */
public final class NhrpMulticast {
  private final NhrpContext ctx;

  NhrpMulticast(NhrpContext ctx) {
    this.ctx = ctx;
  }

  /** The replication list, static addresses first, without duplicates. */
  public List<Ipv4Address> destinations() {
    Set<Ipv4Address> out = new LinkedHashSet<>(ctx.config.multicast().staticNbma());
    if (ctx.config.multicast().dynamic()) {
      for (NhrpCacheEntry e : ctx.cache.entries(NhrpCacheType.DYNAMIC)) {
        if (e.nbma() != null) {
          out.add(e.nbma());
        }
      }
    }
    return new ArrayList<>(out);
  }
}
