package dev.dmvpn.virtualrack.cli;

import java.util.List;
import java.util.Locale;

/**
 * Interface names as IOS 12.3 on a 2691/3725 spells them: a unique prefix of the type ({@code f}, {@code fa},
 * {@code Tu}) followed by the unit ({@code 0/0}, {@code 0}); with or without a space between.
 */
public final class InterfaceNaming {
  /** Types in the order IOS resolves a prefix (FastEthernet wins over Fddi-less images for "f"). */
  private static final List<String> TYPES = List.of(
      "FastEthernet", "Serial", "ATM", "BRI", "Tunnel", "Loopback", "Ethernet", "Async", "Dialer", "Virtual-Template",
      "Null");

  private InterfaceNaming() {}

  /** The spelled-out name, or {@code null} when {@code word} is no interface name. */
  public static String canonical(String word) {
    String w = word.replace(" ", "");
    int i = 0;
    while (i < w.length() && (Character.isLetter(w.charAt(i)) || w.charAt(i) == '-')) {
      i++;
    }
    if (i == 0 || i == w.length()) {
      return null;
    }
    String type = w.substring(0, i).toLowerCase(Locale.ROOT);
    String unit = w.substring(i);
    if (!unit.matches("\\d{1,3}(/\\d{1,3}){0,2}(\\.\\d{1,10})?")) {
      return null;
    }
    for (String t : TYPES) {
      if (t.toLowerCase(Locale.ROOT).startsWith(type)) {
        return t + unit;
      }
    }
    return null;
  }

  /** True for interfaces that exist only when configured ({@code Tunnel}, {@code Loopback}, ...). */
  public static boolean isVirtual(String canonical) {
    return canonical.startsWith("Tunnel") || canonical.startsWith("Loopback") || canonical.startsWith("Dialer")
        || canonical.startsWith("Virtual-Template");
  }
}
