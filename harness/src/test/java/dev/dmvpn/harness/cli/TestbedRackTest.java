package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.harness.lab.TestbedRackPlan;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.secrets.SecretResolver;
import dev.dmvpn.virtualrack.rack.DocumentWanRack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * A rack from a testbed other than the document's ({@code lab up --testbed}): topology's shipped
 * {@code hub-and-3-spokes.yaml}, its configurations generated with the secrets given here, on a WAN of two subnets
 * (the hub's 172.16.0.0/24, the spokes' 172.17.0.0/16, the WAN router at the devices' default gateways). The
 * hub's console (a plain socket through the terminal server) then shows the three spokes registered by their NBMA
 * addresses, so the generated configurations, the WAN and the nodes work together.
 */
public class TestbedRackTest {

  @Test
  public void hubAndThreeSpokesFromTheShippedTestbedRegister() throws Exception {
    LoadResult loaded = ShippedTestbeds.load(ShippedTestbeds.HUB_AND_3_SPOKES);
    assertTrue(loaded.ok(), loaded.report());
    TestbedRackPlan plan = TestbedRackPlan.of(loaded.testbed().get(),
        new SecretResolver(Map.of("DMVPN_PSK", "labkey42", "DMVPN_NHRP_KEY", "nhrpk")));
    assertEquals(plan.routers().stream().map(RackRouter::name).toList(),
        List.of("hub", "spoke1", "spoke2", "spoke3"));
    assertEquals(plan.gateways().stream().map(Object::toString).toList(),
        List.of("172.16.0.254/24", "172.17.255.254/16"));
    try (DocumentWanRack lab = DocumentWanRack.startOnSubnets(plan.routers(), "hostname ts\nend\n", 20.0, 0, 3,
            plan.gateways());
        LabUpOptionsTest.Person hub = new LabUpOptionsTest.Person(lab.rack().consolePort("hub"))) {
      for (RackRouter r : plan.routers()) {
        assertEquals(lab.rack().router(r.name()).bootErrors(), List.of(), r.name());
      }
      hub.type("\r\n");
      hub.waitFor("hub>");
      long end = System.currentTimeMillis() + 60_000;
      String nhrp = "";
      while (System.currentTimeMillis() < end
          && !(nhrp.contains("172.17.0.1") && nhrp.contains("172.17.0.2") && nhrp.contains("172.17.0.3"))) {
        hub.type("show ip nhrp\r\n");
        hub.waitFor("show ip nhrp");
        nhrp = hub.waitFor("hub>");
      }
      assertTrue(nhrp.contains("10.255.0.2/32 via 10.255.0.2, Tunnel0 created "), nhrp);
      assertTrue(nhrp.contains("NBMA address: 172.17.0.3"), nhrp);
      assertTrue(nhrp.contains("  Type: dynamic, Flags: authoritative unique registered"), nhrp);
    }
  }
}
