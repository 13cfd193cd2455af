package dev.dmvpn.suites.negative;

import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Testbed;

/**
 * Who plays which part in a negative case, read from the testbed so the suites run on any rack shaped like the
 * document's: the hub, the spoke whose configuration changes ({@code changed}: the second spoke, sv9-4, as in
 * the engine's negative tests) and the spoke left as the document has it ({@code control}: sv9-3, whose success
 * shows the failure is the changed line's and not the rack's).
 */
record NegativeCast(Dmvpn dmvpn, DmvpnMember hub, DmvpnMember control, DmvpnMember changed) {

  static NegativeCast of(Testbed t) {
    Dmvpn dm = t.dmvpn().orElseThrow(() -> new IllegalArgumentException("testbed " + t.name() + " has no dmvpn:"));
    if (dm.spokes().size() != 2) {
      throw new IllegalArgumentException("the negative suites need a hub and two spokes; testbed " + t.name()
          + " has " + dm.spokes().size() + " spokes");
    }
    return new NegativeCast(dm, dm.hub(), dm.spokes().get(0), dm.spokes().get(1));
  }

  static String nbma(DmvpnMember m) {
    return m.nbmaAddress().toString();
  }

  static String tunnel(DmvpnMember m) {
    return m.tunnelAddress().toString();
  }
}
