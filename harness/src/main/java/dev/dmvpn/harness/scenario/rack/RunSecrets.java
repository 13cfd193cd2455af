package dev.dmvpn.harness.scenario.rack;

import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.secrets.SecretResolver;
import dev.dmvpn.topology.secrets.SecretUnavailableException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Random values for every environment variable a testbed references (logins, the pre-shared key, the NHRP key),
 * made for one virtual-rack run: the emulated routers get them through the configurations the scenario pushes,
 * so nothing of the lab's is needed, and they are gone with the process. Eight letters and digits: the NHRP key's
 * IOS limit. File references are resolved as usual.
 */
final class RunSecrets {
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int LENGTH = 8;

  private final Map<String, String> values;

  private RunSecrets(Map<String, String> values) {
    this.values = values;
  }

  static RunSecrets forTestbed(Testbed t) {
    SecureRandom random = new SecureRandom();
    Map<String, String> values = new HashMap<>();
    for (SecretRef ref : references(t)) {
      if (ref instanceof SecretRef.Env env) {
        values.computeIfAbsent(env.variable(), v -> randomValue(random));
      }
    }
    return new RunSecrets(values);
  }

  SecretResolver resolver() {
    return new SecretResolver(values);
  }

  /** The value for {@code ref}, for the rack's own startup text (the terminal server's login). */
  String valueOf(SecretRef ref) {
    try {
      return resolver().resolve(ref).reveal();
    } catch (SecretUnavailableException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static List<SecretRef> references(Testbed t) {
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

  private static String randomValue(SecureRandom random) {
    StringBuilder sb = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
