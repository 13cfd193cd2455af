package dev.dmvpn.topology.generate;

/** The testbed cannot be turned into configurations (an unresolvable secret, a member without addresses...). */
public final class ConfigGenerationException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigGenerationException(String message) {
    super(message);
  }
}
