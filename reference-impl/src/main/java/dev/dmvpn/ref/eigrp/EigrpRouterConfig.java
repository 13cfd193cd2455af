package dev.dmvpn.ref.eigrp;

/**
 * {@code router eigrp <as>} as the process uses it.
 *
 * @param asNumber the autonomous system: packets of another AS are ignored
 * @param kValues {@code metric weights} (IOS default 0 1 0 1 0 0)
 * @param autoSummary {@code auto-summary} (the 12.3 default) or {@code no auto-summary}
 * @param maxRoutesPerPacket route TLVs per update/query/reply packet (keeps packets under the tunnel MTU)
 */
public record EigrpRouterConfig(int asNumber, KValues kValues, boolean autoSummary, int maxRoutesPerPacket) {
  /** 40 TLVs of 28 bytes plus the header: 1,140 bytes, under the document's ip mtu 1440. */
  public static final int DEFAULT_ROUTES_PER_PACKET = 40;

  public EigrpRouterConfig {
    if (asNumber < 1 || asNumber > 65535) {
      throw new IllegalArgumentException("EIGRP AS must be 1..65535: " + asNumber);
    }
    if (maxRoutesPerPacket < 1) {
      throw new IllegalArgumentException("maxRoutesPerPacket must be positive");
    }
  }

  public static EigrpRouterConfig of(int asNumber, boolean autoSummary) {
    return new EigrpRouterConfig(asNumber, KValues.DEFAULT, autoSummary, DEFAULT_ROUTES_PER_PACKET);
  }
}
