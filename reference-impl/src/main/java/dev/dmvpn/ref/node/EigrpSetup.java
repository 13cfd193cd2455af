package dev.dmvpn.ref.node;

import dev.dmvpn.ref.config.EigrpNetwork;
import dev.dmvpn.ref.eigrp.EigrpRouterConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code router eigrp} for a {@link DmvpnNode}: which interfaces run it ({@code network} statements matched
 * against their primary addresses), which are passive, and the per-interface lines that matter to EIGRP.
 *
 * @param router AS, K-values, auto-summary
 * @param networks {@code network <address> [<wildcard>]} lines
 * @param passiveInterfaces {@code passive-interface} names (IOS names, e.g. {@code FastEthernet0/1})
 * @param options per interface name: {@code bandwidth}, {@code delay}, split horizon, next-hop-self, timers
 */
public record EigrpSetup(EigrpRouterConfig router, List<EigrpNetwork> networks, Set<String> passiveInterfaces,
    Map<String, InterfaceOptions> options) {

  public EigrpSetup {
    networks = List.copyOf(networks);
    passiveInterfaces = Set.copyOf(passiveInterfaces);
    options = Map.copyOf(options);
  }

  /**
   * What an interface's own lines say to EIGRP; {@code null} fields keep IOS's default.
   *
   * @param bandwidthKbps {@code bandwidth}
   * @param delayTensOfMicroseconds {@code delay}
   * @param splitHorizon false after {@code no ip split-horizon eigrp <as>}
   * @param nextHopSelf false after {@code no ip next-hop-self eigrp <as>}
   * @param helloSeconds {@code ip hello-interval eigrp <as> <s>}
   * @param holdSeconds {@code ip hold-time eigrp <as> <s>}
   */
  public record InterfaceOptions(Integer bandwidthKbps, Integer delayTensOfMicroseconds, boolean splitHorizon,
      boolean nextHopSelf, Integer helloSeconds, Integer holdSeconds) {
    public static final InterfaceOptions DEFAULTS = new InterfaceOptions(null, null, true, true, null, null);

    public InterfaceOptions withSplitHorizon(boolean s) {
      return new InterfaceOptions(bandwidthKbps, delayTensOfMicroseconds, s, nextHopSelf, helloSeconds,
          holdSeconds);
    }

    public InterfaceOptions withNextHopSelf(boolean n) {
      return new InterfaceOptions(bandwidthKbps, delayTensOfMicroseconds, splitHorizon, n, helloSeconds,
          holdSeconds);
    }
  }

  /** The options for {@code interfaceName}, or the defaults. */
  public InterfaceOptions optionsFor(String interfaceName) {
    return options.getOrDefault(interfaceName, InterfaceOptions.DEFAULTS);
  }
}
