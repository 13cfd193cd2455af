package dev.dmvpn.topology;

import java.util.Optional;

/**
 * One named credential (pyATS {@code credentials: {default: {username, password}}}).
 *
 * @param username absent for IOS line passwords ({@code line vty 0 4 / password / login}) and enable secrets
 * @param password a reference, never the value
 */
public record Credential(Optional<String> username, SecretRef password) {
  public Credential {
    if (username == null || password == null) {
      throw new IllegalArgumentException("username (may be empty) and password are required");
    }
  }
}
