package dev.dmvpn.ref.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One IKE SA as charon reports it ({@code swanctl --list-sas --raw}), with its child SAs.
 *
 * @param connection connection name
 * @param state e.g. {@code ESTABLISHED}, {@code CONNECTING}
 * @param version 1 or 2
 * @param initiatorSpi initiator cookie/SPI, 16 hex digits
 * @param responderSpi responder cookie/SPI, 16 hex digits
 * @param encryption e.g. {@code 3DES_CBC}; integrity e.g. {@code HMAC_MD5_96}; prf e.g. {@code PRF_HMAC_MD5};
 *     dhGroup e.g. {@code MODP_1024} (empty when not negotiated yet)
 */
public record IkeSaStatus(
    String connection, String state, int version, String localHost, String remoteHost, boolean initiator,
    String initiatorSpi, String responderSpi, String encryption, String integrity, String prf, String dhGroup,
    List<ChildSaStatus> children) {

  public boolean established() {
    return state.equals("ESTABLISHED");
  }

  /** "3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024", the way swanctl prints the suite. */
  public String suite() {
    return encryption + "/" + integrity + "/" + prf + "/" + dhGroup;
  }

  /** All IKE SAs in a {@code swanctl --list-sas --raw} output. */
  public static List<IkeSaStatus> parseListSas(String rawOutput) {
    List<IkeSaStatus> sas = new ArrayList<>();
    for (ViciRaw.Message m : ViciRaw.parseLines(rawOutput)) {
      if (m.label().equals("list-sa event")) {
        m.body().forEach((name, sa) -> sas.add(of(name, asMap(sa))));
      }
    }
    return sas;
  }

  private static IkeSaStatus of(String name, Map<String, Object> m) {
    List<ChildSaStatus> children = new ArrayList<>();
    if (m.get("child-sas") instanceof Map<?, ?> cs) {
      cs.values().forEach(c -> children.add(ChildSaStatus.of(asMap(c))));
    }
    return new IkeSaStatus(name, str(m, "state"), Integer.parseInt(str(m, "version")), str(m, "local-host"),
        str(m, "remote-host"), "yes".equals(str(m, "initiator")), str(m, "initiator-spi"),
        str(m, "responder-spi"), str(m, "encr-alg"), str(m, "integ-alg"), str(m, "prf-alg"),
        str(m, "dh-group"), List.copyOf(children));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof String s ? s : "";
  }
}
