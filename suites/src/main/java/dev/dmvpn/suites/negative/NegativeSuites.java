package dev.dmvpn.suites.negative;

import dev.dmvpn.harness.scenario.suite.SuiteDefinition;
import java.util.List;

/** The negative suites by the names {@code run --suite} takes (one rack bring-up each). */
public final class NegativeSuites {
  private NegativeSuites() {}

  public static List<SuiteDefinition> definitions() {
    return List.of(
        new SuiteDefinition("wrong-psk", "sv9-4 with another pre-shared key: Main Mode stops after MM5 (MM_KEY_EXCH),"
            + " no Quick Mode, no IPsec SA, never registered", List.of(WrongPreSharedKeySuite.class)),
        new SuiteDefinition("wrong-nhrp-auth", "sv9-4 with another NHRP authentication string: IPsec up, the hub"
            + " never registers it", List.of(WrongNhrpAuthenticationSuite.class)),
        new SuiteDefinition("network-id-mismatch", "sv9-4 with another NHRP network-id: nothing breaks (local only)",
            List.of(MismatchedNetworkIdSuite.class)),
        new SuiteDefinition("tunnel-key-mismatch", "sv9-4 with another tunnel key: IPsec up, its GRE dropped by the"
            + " hub, never registered", List.of(MismatchedTunnelKeySuite.class)),
        new SuiteDefinition("transform-set-mismatch", "sv9-4 offering esp-des esp-sha-hmac: Phase 1 up, Quick Mode"
            + " refused with NO-PROPOSAL-CHOSEN, no IPsec SA", List.of(TransformSetMismatchSuite.class)),
        new SuiteDefinition("ipsec-mode-mismatch", "sv9-4 with mode transport against the hub's tunnel mode: Quick"
            + " Mode refused with NO-PROPOSAL-CHOSEN, no IPsec SA", List.of(IpsecModeMismatchSuite.class)));
  }
}
