package dev.dmvpn.topology.generate;

import dev.dmvpn.ref.config.Secret;
import java.util.Optional;

/**
 * One generated line. A line carrying a secret keeps it apart from its text, so the configuration can be shown
 * masked in logs and reports while the device still receives the real value.
 *
 * @param template the line, with {@link #SLOT} where the secret goes
 */
record ConfigLine(String template, Optional<Secret> secret) {
  static final String SLOT = "{secret}";

  static ConfigLine plain(String text) {
    return new ConfigLine(text, Optional.empty());
  }

  static ConfigLine withSecret(String template, Secret secret) {
    return new ConfigLine(template, Optional.of(secret));
  }

  String render() {
    return secret.map(s -> template.replace(SLOT, s.reveal())).orElse(template);
  }

  String masked() {
    return secret.map(s -> template.replace(SLOT, Secret.MASK)).orElse(template);
  }
}
