package dev.dmvpn.topology.generate;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertThrows;

import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.Locations;
import dev.dmvpn.topology.load.TestbedLoader;
import dev.dmvpn.topology.validate.TestbedValidator;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

public class HubAndSpokesTest {

  @Test
  public void everySizeUpToTheLimitValidatesClean() {
    for (int n : new int[] {1, 2, 255, 256, 257, HubAndSpokes.MAX_SPOKES}) {
      Testbed t = HubAndSpokes.testbed(n);
      assertEquals(t.dmvpn().orElseThrow().spokes().size(), n);
      assertEquals(t.devices().size(), n + 2);
      assertEquals(TestbedValidator.validate(t, Locations.none("<generated>")), List.of(), "n=" + n);
    }
  }

  @Test
  public void addressingPlanAsDocumented() {
    Testbed t = HubAndSpokes.testbed(300);
    var spoke300 = t.dmvpn().orElseThrow().spokes().get(299);
    assertEquals(spoke300.device(), "spoke300");
    assertEquals(spoke300.nbmaAddress().toString(), "172.17.1.44");
    assertEquals(spoke300.tunnelAddress().toString(), "10.255.1.45");
    assertEquals(t.devices().get("spoke300").interfaces().get("FastEthernet0/1").ipv4().orElseThrow().toString(),
        "10.1.44.1/24");
  }

  @Test
  public void writtenTestbedReloadsEqual() {
    Testbed t = HubAndSpokes.testbed(7);
    LoadResult r = TestbedLoader.load("gen.yaml", TestbedYamlWriter.write(t), Path.of("."));
    assertEquals(r.problems(), List.of(), r.report());
    assertEquals(r.testbed().orElseThrow(), t);
  }

  @Test
  public void sizesOutsideThePlanAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> HubAndSpokes.testbed(0));
    assertThrows(IllegalArgumentException.class, () -> HubAndSpokes.testbed(HubAndSpokes.MAX_SPOKES + 1));
  }
}
