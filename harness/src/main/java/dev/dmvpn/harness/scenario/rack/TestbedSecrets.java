package dev.dmvpn.harness.scenario.rack;

import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.secrets.SecretResolver;
import dev.dmvpn.topology.secrets.SecretUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every secret a testbed references (logins of the run, of each device and of each connection, the pre-shared
 * key, the NHRP key), and their values through a resolver: what a run's report must mask.
 */
public final class TestbedSecrets {
  private TestbedSecrets() {}

  /** The references, in testbed order, repeats included. */
  public static List<SecretRef> references(Testbed t) {
    List<SecretRef> refs = new ArrayList<>();
    t.credentials().values().forEach(c -> refs.add(c.password()));
    for (Device d : t.devices().values()) {
      d.credentials().values().forEach(c -> refs.add(c.password()));
      for (Connection c : d.connections().values()) {
        Map<String, Credential> own = c instanceof Connection.Console con ? con.credentials()
            : ((Connection.Vty) c).credentials();
        own.values().forEach(cred -> refs.add(cred.password()));
      }
    }
    t.dmvpn().ifPresent(dm -> {
      refs.add(dm.ipsec().preSharedKey());
      dm.nhrp().authentication().ifPresent(refs::add);
    });
    return refs;
  }

  /**
   * The values {@code resolver} gives the references; one it cannot resolve (a variable the run does not set) is
   * left out: a run cannot use, so its report cannot show, a secret it does not have.
   */
  public static Set<String> values(Testbed t, SecretResolver resolver) {
    Set<String> values = new LinkedHashSet<>();
    for (SecretRef ref : references(t)) {
      try {
        values.add(resolver.resolve(ref).reveal());
      } catch (SecretUnavailableException e) {
        // not set for this run: nothing to mask
      }
    }
    return values;
  }
}
