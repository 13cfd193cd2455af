package dev.dmvpn.ref.config;

/**
 * The lines {@code show running-config} prints before the configuration ({@code sv9-3#show run},
 * {@code Building configuration...}, {@code Current configuration : 1993 bytes}), accepted at the top of a file so
 * a pasted {@code show run} parses as it is.
 */
final class ShowRunHeader {
  private ShowRunHeader() {}

  static boolean matches(String line) {
    if (line.equals("Building configuration...") || line.startsWith("Current configuration :")) {
      return true;
    }
    int hash = line.indexOf('#');
    if (hash <= 0) {
      return false;
    }
    String cmd = line.substring(hash + 1).strip();
    return cmd.startsWith("sh") && cmd.contains(" run");
  }
}
