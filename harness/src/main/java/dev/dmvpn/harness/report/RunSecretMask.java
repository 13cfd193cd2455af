package dev.dmvpn.harness.report;

import dev.dmvpn.reports.SecretMask;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The run recorder's secret mask, fed as the run learns its secrets: the recorder is made before any suite runs,
 * but a virtual rack draws its per-run secrets only when it starts (one rack per suite, each with new values).
 * Secrets are only ever added. Every text the recorder stores after a secret was added has it masked; nothing of a
 * rack's is recorded before the rack has started, so nothing escapes.
 */
public final class RunSecretMask implements Function<String, String> {
  private final Set<String> secrets = new LinkedHashSet<>();
  private volatile SecretMask mask = SecretMask.of(Set.of());

  /** Adds secrets (blank ones are ignored by {@link SecretMask}). */
  public synchronized void add(Collection<String> more) {
    if (secrets.addAll(more)) {
      mask = SecretMask.of(secrets);
    }
  }

  @Override
  public String apply(String text) {
    return mask.apply(text);
  }
}
