package dev.dmvpn.harness.scenario.rack;

import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.secrets.SecretResolver;
import dev.dmvpn.topology.secrets.SecretUnavailableException;
import java.security.SecureRandom;
import java.util.HashMap;
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
    for (SecretRef ref : TestbedSecrets.references(t)) {
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

  private static String randomValue(SecureRandom random) {
    StringBuilder sb = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
