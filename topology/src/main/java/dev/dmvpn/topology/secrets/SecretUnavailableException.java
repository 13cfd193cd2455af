package dev.dmvpn.topology.secrets;

/** A secret reference that cannot be resolved; the message names the reference, never a value. */
public final class SecretUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public SecretUnavailableException(String message) {
    super(message);
  }
}
