package dev.dmvpn.drivers.ios;

/**
 * Login and enable secrets; any may be null when the device does not ask. {@link #toString()} never shows them.
 */
public record Credentials(String username, String password, String enableSecret) {
  public static final Credentials NONE = new Credentials(null, null, null);

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=" + (password == null ? "none" : "*****")
        + ", enableSecret=" + (enableSecret == null ? "none" : "*****") + "]";
  }
}
