package dev.dmvpn.topology;

import java.util.Optional;

/** What an SSH client does with the router's host key (OpenSSH's {@code StrictHostKeyChecking} values). */
public enum HostKeyPolicy {
  /** The key must already be in the known-hosts file. */
  STRICT("strict"),
  /** An unknown host's key is added; a changed key is refused. */
  ACCEPT_NEW("accept-new"),
  /** No check: only for throw-away lab routers whose keys change at every reload. */
  OFF("off");

  private final String yamlName;

  HostKeyPolicy(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static Optional<HostKeyPolicy> parse(String text) {
    for (HostKeyPolicy p : values()) {
      if (p.yamlName.equals(text.strip())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
