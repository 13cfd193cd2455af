package dev.dmvpn.topology.validate;

import dev.dmvpn.topology.CapturePoint;
import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.load.Locations;
import dev.dmvpn.topology.load.TestbedProblem;
import dev.dmvpn.topology.secrets.CredentialFiles;
import dev.dmvpn.ref.config.InterfaceNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * References: capture points name a known device and interface; every credentials file exists and is owner-only.
 * Environment variables are not checked here: CI loads testbeds without the lab's secrets, and they are resolved
 * (with a clear error) only when a configuration is generated or a device is logged into.
 */
final class ReferenceChecks {
  private ReferenceChecks() {}

  static void check(Testbed t, Locations where, List<TestbedProblem> out) {
    captures(t, where, out);
    consoleLines(t, where, out);
    credentialFiles(t.credentials(), "testbed.credentials", where, out);
    for (Device d : t.devices().values()) {
      String path = "devices." + d.name();
      credentialFiles(d.credentials(), path + ".credentials", where, out);
      d.connections().forEach((name, c) -> {
        Map<String, Credential> own = c instanceof Connection.Console con ? con.credentials()
            : ((Connection.Vty) c).credentials();
        credentialFiles(own, path + ".connections." + name + ".credentials", where, out);
      });
    }
    t.dmvpn().ifPresent(dm -> {
      secretFile(dm.ipsec().preSharedKey(), "dmvpn.ipsec.pre_shared_key", where, out);
      dm.nhrp().authentication().ifPresent(a -> secretFile(a, "dmvpn.nhrp.authentication", where, out));
    });
  }

  private static void captures(Testbed t, Locations where, List<TestbedProblem> out) {
    for (CapturePoint c : t.captures().values()) {
      String path = "captures." + c.name();
      Device d = t.devices().get(c.device());
      if (d == null) {
        out.add(where.problem(path + ".device", "device '" + c.device() + "' is not under devices:"));
        continue;
      }
      String iface = InterfaceNames.canonicalOrSelf(c.interfaceName());
      if (!d.interfaces().containsKey(iface) && !d.interfaces().containsKey(c.interfaceName())) {
        out.add(where.problem(path + ".interface", c.device() + " has no interface " + c.interfaceName()
            + " in topology:"));
      }
    }
  }

  /** Two devices on one terminal-server port would each reach the other's console. */
  private static void consoleLines(Testbed t, Locations where, List<TestbedProblem> out) {
    Map<String, String> seen = new HashMap<>();
    for (Device d : t.devices().values()) {
      d.connections().forEach((name, c) -> {
        if (c instanceof Connection.Console console) {
          String path = "devices." + d.name() + ".connections." + name + ".port";
          String first = seen.putIfAbsent(console.host() + ":" + console.port(), path);
          if (first != null) {
            out.add(where.problem(path, "terminal server " + console.host() + " port " + console.port()
                + " is already the console of " + first + " (file line " + where.lineOf(first) + ")"));
          }
        }
      });
    }
  }

  private static void credentialFiles(Map<String, Credential> creds, String path, Locations where,
      List<TestbedProblem> out) {
    creds.forEach((name, c) -> secretFile(c.password(), path + "." + name + ".password", where, out));
  }

  private static void secretFile(SecretRef ref, String path, Locations where, List<TestbedProblem> out) {
    if (ref instanceof SecretRef.File f) {
      CredentialFiles.problem(f.path()).ifPresent(p -> out.add(where.problem(path, p)));
    }
  }
}
