package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.config.ConfigProblem.Severity;
import java.util.Optional;

/** Checks of one Tunnel interface: source, mode, protection and its {@code ip nhrp} lines. */
final class TunnelChecks {
  private TunnelChecks() {}

  static void check(IosConfig c, IosInterface t, IosConfigValidator v) {
    String who = "interface " + t.name();
    if (t.address() == null && t.nhrp().configured()) {
      v.add(t.lineNumber(), Severity.ERROR, who + " runs NHRP but has no 'ip address'");
    }
    source(c, t, v, who);
    TunnelSettings ts = t.tunnel();
    if (ts.multipoint() && ts.destination() != null) {
      v.add(v.lineIn(t.lineNumber(), "tunnel destination"), Severity.ERROR,
          who + ": a 'tunnel mode gre multipoint' interface cannot have a 'tunnel destination'");
    }
    if (!ts.multipoint() && ts.destination() == null) {
      v.add(t.lineNumber(), Severity.WARNING, who + " is point-to-point GRE without 'tunnel destination'"
          + " (DMVPN needs 'tunnel mode gre multipoint')");
    }
    if (ts.protectionProfile() != null && c.findProfile(ts.protectionProfile()).isEmpty()) {
      v.add(v.lineIn(t.lineNumber(), "tunnel protection"), Severity.ERROR, who + ": 'tunnel protection ipsec"
          + " profile " + ts.protectionProfile() + "' names no 'crypto ipsec profile " + ts.protectionProfile()
          + "' in the configuration");
    }
    nhrp(t, v, who);
    for (int as : t.noSplitHorizonEigrp()) {
      if (c.findEigrp(as).isEmpty()) {
        v.add(v.lineIn(t.lineNumber(), "no ip split-horizon eigrp"), Severity.WARNING,
            who + ": 'no ip split-horizon eigrp " + as + "' but there is no 'router eigrp " + as + "'");
      }
    }
  }

  private static void source(IosConfig c, IosInterface t, IosConfigValidator v, String who) {
    TunnelSettings ts = t.tunnel();
    int line = v.lineIn(t.lineNumber(), "tunnel source");
    if (ts.sourceInterface() == null && ts.sourceAddress() == null) {
      v.add(t.lineNumber(), Severity.ERROR, who + " has no 'tunnel source' (its public NBMA address)");
      return;
    }
    if (ts.sourceAddress() != null) {
      boolean owned = c.interfaces().stream()
          .anyMatch(i -> i.address() != null && i.address().address().equals(ts.sourceAddress()));
      if (!owned) {
        v.add(line, Severity.WARNING, who + ": tunnel source " + ts.sourceAddress()
            + " is not the address of any interface");
      }
      return;
    }
    Optional<IosInterface> src = c.findInterface(ts.sourceInterface());
    if (src.isEmpty()) {
      v.add(line, Severity.ERROR, who + ": 'tunnel source " + ts.sourceInterface()
          + "' names no interface in the configuration");
    } else if (src.get().address() == null) {
      v.add(line, Severity.ERROR, who + ": tunnel source " + ts.sourceInterface() + " has no 'ip address'");
    } else if (src.get().shutdown()) {
      v.add(line, Severity.WARNING, who + ": tunnel source " + ts.sourceInterface() + " is shut down");
    }
  }

  private static void nhrp(IosInterface t, IosConfigValidator v, String who) {
    NhrpSettings n = t.nhrp();
    if (!n.configured()) {
      if (t.tunnel().multipoint()) {
        v.add(t.lineNumber(), Severity.WARNING, who + " is multipoint GRE without any 'ip nhrp' line");
      }
      return;
    }
    if (n.networkId() == null) {
      v.add(t.lineNumber(), Severity.ERROR, who + " has 'ip nhrp' lines but no 'ip nhrp network-id': NHRP"
          + " stays off");
    }
    for (NhrpServerEntry s : n.servers()) {
      int line = v.lineIn(t.lineNumber(), "ip nhrp nhs " + s.protocol());
      if (s.nbma() == null && n.mappedNbma(s.protocol()) == null) {
        v.add(line, Severity.ERROR, who + ": 'ip nhrp nhs " + s.protocol() + "' has no 'ip nhrp map "
            + s.protocol() + " <nbma>' to reach it");
      }
      outsideTunnel(t, s.protocol(), line, v, who, "NHS");
    }
    for (NhrpStaticMap m : n.maps()) {
      outsideTunnel(t, m.protocol(), v.lineIn(t.lineNumber(), "ip nhrp map " + m.protocol()), v, who, "map");
    }
    int hold = n.holdtimeSeconds() != null ? n.holdtimeSeconds() : 7200;
    if (n.registrationTimeoutSeconds() != null && n.registrationTimeoutSeconds() > hold) {
      v.add(v.lineIn(t.lineNumber(), "ip nhrp registration timeout"), Severity.ERROR, who
          + ": registration timeout " + n.registrationTimeoutSeconds() + " s exceeds the holdtime " + hold
          + " s: registrations would expire before they are renewed");
    }
  }

  private static void outsideTunnel(
      IosInterface t, Ipv4Address a, int line, IosConfigValidator v, String who, String what) {
    if (t.address() != null && !t.address().contains(a)) {
      v.add(line, Severity.WARNING, who + ": " + what + " address " + a + " is outside the tunnel subnet "
          + t.address().toCidr());
    }
  }
}
