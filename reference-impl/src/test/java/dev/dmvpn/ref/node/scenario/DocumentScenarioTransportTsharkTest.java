package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.ipsec.EspMode;

/** {@link DocumentScenarioTsharkTest} with {@code mode transport}: tshark opens GRE directly inside ESP. */
public class DocumentScenarioTransportTsharkTest extends DocumentScenarioTsharkTest {
  @Override
  EspMode mode() {
    return EspMode.TRANSPORT;
  }
}
