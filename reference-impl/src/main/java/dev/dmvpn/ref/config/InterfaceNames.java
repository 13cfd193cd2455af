package dev.dmvpn.ref.config;

import java.util.Locale;

/**
 * Canonical IOS interface names: {@code Tunnel 0}, {@code tu0} and {@code Tunnel0} are the same interface, as are
 * {@code fa0/0} and {@code FastEthernet0/0}. An abbreviation must be at least two letters of one type name.
 */
public final class InterfaceNames {
  public static final String TUNNEL = "Tunnel";

  /** Types of the 2691/3725 era; order decides ambiguous abbreviations the way IOS does (Fa, Se, E). */
  private static final String[] TYPES = {
    "FastEthernet", "GigabitEthernet", "Ethernet", "Serial", TUNNEL, "Loopback", "BRI", "ATM", "Dialer",
    "Virtual-Template", "Virtual-Access", "Async", "Null", "Vlan", "Multilink", "Port-channel"
  };

  private InterfaceNames() {}

  /**
   * The canonical name for {@code type} + {@code number} words (e.g. {@code ["Tunnel", "0"]} or {@code ["fa0/0"]}),
   * or a {@link ConfigSyntaxException} naming what is wrong.
   */
  static String canonical(String text) {
    String compact = text.replace(" ", "");
    int digit = 0;
    while (digit < compact.length() && !Character.isDigit(compact.charAt(digit))) {
      digit++;
    }
    String type = compact.substring(0, digit);
    String number = compact.substring(digit);
    if (number.isEmpty() || !validNumber(number)) {
      throw new ConfigSyntaxException("interface '" + text + "' has no valid number (e.g. 0 or 0/1)");
    }
    String full = expandType(type);
    if (full == null) {
      throw new ConfigSyntaxException("interface type '" + type + "' is not known");
    }
    return full + number;
  }

  /** {@link #canonical} or, when that fails, the text unchanged (for lookups). */
  public static String canonicalOrSelf(String text) {
    try {
      return canonical(text);
    } catch (ConfigSyntaxException e) {
      return text;
    }
  }

  private static String expandType(String type) {
    if (type.length() < 2 && !type.equalsIgnoreCase("e")) {
      return null;
    }
    String lower = type.toLowerCase(Locale.ROOT);
    for (String t : TYPES) {
      if (t.toLowerCase(Locale.ROOT).startsWith(lower)) {
        return t;
      }
    }
    return null;
  }

  private static boolean validNumber(String number) {
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (!(Character.isDigit(c) || c == '/' || c == '.' || c == ':')) {
        return false;
      }
    }
    return Character.isDigit(number.charAt(number.length() - 1));
  }
}
