package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheEntry;
import dev.dmvpn.ref.nhrp.engine.NhrpCacheType;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.nhrp.engine.NhrpEngine;
import dev.dmvpn.ref.nhrp.engine.NhrpNhs;

/**
 * Idle teardown of spoke-to-spoke tunnels (IOS: the tunnel goes when its NHRP entry expires). When a resolved
 * (cached) entry expires, by holdtime or by {@link dev.dmvpn.ref.nhrp.engine.NhrpOptions#shortcutIdleSeconds()},
 * and nothing else still maps to its NBMA peer (another entry, current or pending, a static map, an NHS, a static
 * multicast map), the IPsec and ISAKMP SAs with that peer are deleted. Registrations (dynamic entries on the hub)
 * and NHS entries are never cached entries, so hub-spoke tunnels are never torn down here.
 */
final class IdleTeardown {
  private final NhrpEngine engine;
  private final TunnelProtection protection;

  IdleTeardown(NhrpEngine engine, TunnelProtection protection) {
    this.engine = engine;
    this.protection = protection;
  }

  /** The cache's expiry listener: {@code e} has just left the cache. */
  void entryExpired(NhrpCacheEntry e) {
    Ipv4Address nbma = e.nbma() != null ? e.nbma() : e.pending() == null ? null : e.pending().nbma();
    if (e.type() != NhrpCacheType.CACHED || nbma == null || stillMapped(nbma)) {
      return;
    }
    protection.teardown(nbma, "NHRP entry " + e.prefix() + " expired, no other entry uses " + nbma);
  }

  private boolean stillMapped(Ipv4Address nbma) {
    NhrpConfig c = engine.config();
    if (c.staticMaps().containsValue(nbma) || c.multicast().staticNbma().contains(nbma)) {
      return true;
    }
    for (NhrpNhs n : c.nhs()) {
      if (nbma.equals(c.nhsNbma(n))) {
        return true;
      }
    }
    for (NhrpCacheEntry other : engine.cache().entries()) {
      if (nbma.equals(other.nbma()) || (other.pending() != null && nbma.equals(other.pending().nbma()))) {
        return true;
      }
    }
    return false;
  }
}
