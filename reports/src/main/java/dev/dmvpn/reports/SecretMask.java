package dev.dmvpn.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Replaces every occurrence of known secrets (pre-shared keys, NHRP authentication strings, passwords) by
 * {@link #MASK}. Longer secrets are replaced first so a secret containing another is masked whole. The recorder passes
 * every text it writes through its mask: names, messages, stack traces, labels and text attachments.
 */
public final class SecretMask implements Function<String, String> {
  public static final String MASK = "*****";
  /** Masks nothing; for runs that handle no secrets. */
  public static final Function<String, String> NONE = s -> s;

  private final List<String> secrets;

  private SecretMask(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A mask for these secrets; blank ones are ignored (masking "" would mask everywhere). */
  public static SecretMask of(Collection<String> secrets) {
    List<String> s = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && !secret.isBlank()) {
        s.add(secret);
      }
    }
    s.sort(Comparator.comparingInt(String::length).reversed());
    return new SecretMask(List.copyOf(s));
  }

  @Override
  public String apply(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }
}
