package dev.dmvpn.topology.load;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.topology.FilledNote;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.generate.HubAndSpokes;
import dev.dmvpn.topology.generate.TestbedYamlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.testng.annotations.Test;

public class ShippedTestbedsTest {
  static final Path TESTBEDS = Path.of("src/main/resources/dev/dmvpn/topology/testbeds");
  static final Path DOCUMENT_RACK = TESTBEDS.resolve(ShippedTestbeds.DOCUMENT_RACK);

  @Test
  public void documentRackFromTheClasspathIsValid() {
    Testbed t = ShippedTestbeds.documentRack();
    assertEquals(t.name(), "document-rack");
  }

  /**
   * Every gap shared/seed/README.md lists ("Where the text is incomplete or garbled") has a filled: note where the
   * testbed fills it: sv9-2's crypto and hostname, sv9-3's FastEthernet0/0, FastEthernet0/1 and EIGRP, sv9-4's
   * EIGRP, the WAN router and the default routes replacing the unroutable 10.66.79.193.
   */
  @Test
  public void everyGapTheSeedReadmeListsCarriesAFilledNote() {
    List<FilledNote> notes = ShippedTestbeds.documentRack().filled();
    Set<String> paths = notes.stream().map(FilledNote::path).collect(Collectors.toSet());
    for (String p : List.of("dmvpn.ipsec", "devices.sv9-2", "topology.sv9-3.interfaces.FastEthernet0/0",
        "topology.sv9-3.interfaces.FastEthernet0/1", "dmvpn.spokes[0]", "dmvpn.spokes[1]", "devices.wan",
        "devices.sv9-3", "devices.sv9-4")) {
      assertTrue(paths.contains(p), "no filled: note at " + p + "; notes at " + paths);
    }
    String all = notes.stream().map(FilledNote::text).collect(Collectors.joining("\n"));
    for (String fact : List.of("hostname", "crypto", "10.66.79.193", "209.168.202.131", "2.2.2.2/24",
        "EIGRP", "WAN router", "209.168.202.158")) {
      assertTrue(all.contains(fact), "no filled: note mentions " + fact);
    }
  }

  @Test
  public void hubAndThreeSpokesExampleIsTheGeneratorsOutput() throws Exception {
    LoadResult r = ShippedTestbeds.load(ShippedTestbeds.HUB_AND_3_SPOKES);
    assertEquals(r.problems(), List.of(), r.report());
    assertEquals(r.testbed().orElseThrow(), HubAndSpokes.testbed(3));
    String file = Files.readString(TESTBEDS.resolve(ShippedTestbeds.HUB_AND_3_SPOKES));
    assertTrue(file.endsWith(TestbedYamlWriter.write(HubAndSpokes.testbed(3))),
        "the example file is not TestbedYamlWriter.write(HubAndSpokes.testbed(3)); regenerate it");
  }

  @Test
  public void unknownShippedNameIsAProblem() {
    assertEquals(ShippedTestbeds.load("nope.yaml").problems().get(0).message(), "no such shipped testbed");
  }
}
