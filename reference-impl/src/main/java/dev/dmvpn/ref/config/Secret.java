package dev.dmvpn.ref.config;

/**
 * A secret from a configuration ({@code crypto isakmp key}, {@code ip nhrp authentication}): compared by value,
 * but {@link #toString} never shows it, so model objects, problems and logs cannot leak it by accident.
 * Call {@link #reveal} only where the value is needed (key derivation, the NHRP authentication extension).
 */
public final class Secret {
  /** What {@link #toString} prints instead of the value. */
  public static final String MASK = "*****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps {@code value}; throws {@link IllegalArgumentException} when it is null or empty. */
  public static Secret of(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    return new Secret(value);
  }

  /** The clear text. */
  public String reveal() {
    return value;
  }

  public int length() {
    return value.length();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return MASK;
  }
}
