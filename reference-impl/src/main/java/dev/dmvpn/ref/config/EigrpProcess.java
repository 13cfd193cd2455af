package dev.dmvpn.ref.config;

import java.util.List;

/**
 * {@code router eigrp <as>} with its sub-mode lines.
 *
 * @param asNumber 1-65535
 * @param lineNumber the line of {@code router eigrp}
 * @param networks {@code network} lines in order
 * @param autoSummary false after {@code no auto-summary} (12.3 default: on)
 * @param passiveInterfaces {@code passive-interface} names (canonical)
 */
public record EigrpProcess(
    int asNumber, int lineNumber, List<EigrpNetwork> networks, boolean autoSummary,
    List<String> passiveInterfaces) {

  public EigrpProcess {
    networks = List.copyOf(networks);
    passiveInterfaces = List.copyOf(passiveInterfaces);
  }
}
