package dev.dmvpn.ref.interop;

import java.util.List;
import java.util.Map;

/**
 * One CHILD SA (IKEv1: the Quick Mode SA pair) as charon reports it.
 *
 * @param state e.g. {@code INSTALLED}
 * @param mode {@code TUNNEL} or {@code TRANSPORT}
 * @param protocol {@code ESP} or {@code AH}
 * @param udpEncapsulated ESP-in-UDP (port 4500)
 * @param spiIn inbound SPI, 8 hex digits; spiOut outbound SPI
 * @param encryption e.g. {@code 3DES_CBC}; integrity e.g. {@code HMAC_MD5_96} (empty for AEAD)
 */
public record ChildSaStatus(
    String name, String state, String mode, String protocol, boolean udpEncapsulated, String spiIn, String spiOut,
    String encryption, String integrity, long packetsIn, long packetsOut, List<String> localTs,
    List<String> remoteTs) {

  public boolean installed() {
    return state.equals("INSTALLED");
  }

  static ChildSaStatus of(Map<String, Object> m) {
    return new ChildSaStatus(IkeSaStatus.str(m, "name"), IkeSaStatus.str(m, "state"), IkeSaStatus.str(m, "mode"),
        IkeSaStatus.str(m, "protocol"), "yes".equals(IkeSaStatus.str(m, "encap")), IkeSaStatus.str(m, "spi-in"),
        IkeSaStatus.str(m, "spi-out"), IkeSaStatus.str(m, "encr-alg"), IkeSaStatus.str(m, "integ-alg"),
        number(m, "packets-in"), number(m, "packets-out"), list(m, "local-ts"), list(m, "remote-ts"));
  }

  private static long number(Map<String, Object> m, String key) {
    String v = IkeSaStatus.str(m, key);
    return v.isEmpty() ? 0 : Long.parseLong(v);
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Map<String, Object> m, String key) {
    return m.get(key) instanceof List<?> l ? List.copyOf((List<String>) l) : List.of();
  }
}
