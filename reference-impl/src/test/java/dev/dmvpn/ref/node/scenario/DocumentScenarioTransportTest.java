package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.ipsec.EspMode;

/**
 * {@link DocumentScenarioTest} with {@code mode transport} in every router's transform set: the same wire
 * sequence, GRE directly inside ESP (next header 47) instead of behind an inner IPv4 header.
 */
public class DocumentScenarioTransportTest extends DocumentScenarioTest {
  @Override
  EspMode mode() {
    return EspMode.TRANSPORT;
  }
}
