package dev.dmvpn.ref.config;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.config.ConfigProblem.Severity;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The document's configurations exactly as the extraction left them (seed README "Where the text is incomplete
 * or garbled"): the parser warns about the damaged comments, and the lost sections show up as validation errors.
 */
public class AsExtractedConfigsTest {

  @Test
  public void sv93DamagedCommentsAreWarningsWithTheirLineNumbers() {
    IosParseResult r = ConfigFixtures.parse("sv9-3.as-extracted.ios");
    List<Integer> lines = r.warnings().stream().map(ConfigProblem::lineNumber).toList();
    // the eight '/---' lines of the file (seed lines 284, 290-291, 297, 302-303, 329-330 plus the 2-line header)
    assertEquals(lines, List.of(30, 36, 37, 43, 48, 49, 75, 76));
    for (ConfigProblem p : r.warnings()) {
      assertTrue(p.line().startsWith("/---"), p.toString());
      assertTrue(p.reason().contains("damaged comment marker"), p.toString());
    }
    assertEquals(r.warnings().get(0).message(), "line 30: '/--- Create an ISAKMP policy for Phase 1"
        + " negotiations.' is a damaged comment marker ('/---' for '!---', seed README): read as a comment;"
        + " a router would reject it");
  }

  @Test
  public void sv93OrphanLineOfTheCutLineBlockIsAnError() {
    // the extraction cut sv9-3 after Tunnel0 and resumed inside a line block: 'transport output all' has no
    // 'line' above it, which a router would reject as well
    IosParseResult r = ConfigFixtures.parse("sv9-3.as-extracted.ios");
    assertEquals(r.errors().size(), 1);
    assertEquals(r.errors().get(0).message(), "line 94: 'transport output all' is not understood (neither in"
        + " interface Tunnel0 nor in global configuration)");
    assertEquals(r.config().isakmpPolicies().size(), 1, "the crypto section still parses around the warnings");
    assertEquals(r.config().findProfile("cisco").orElseThrow().lifetimeSeconds(), Long.valueOf(120));
  }

  @Test
  public void sv93MissingInterfacesAndRoutingAreValidationProblems() {
    IosConfig c = ConfigFixtures.parse("sv9-3.as-extracted.ios").config();
    List<ConfigProblem> v = IosConfigValidator.validate(c);
    assertEquals(v.size(), 2, v.toString());
    assertEquals(v.get(0).severity(), Severity.WARNING);
    assertTrue(v.get(0).reason().startsWith("no 'router eigrp' and no 'ip route'"), v.get(0).toString());
    assertEquals(v.get(1).severity(), Severity.ERROR);
    assertEquals(v.get(1).lineNumber(), 88);
    assertEquals(v.get(1).line(), "tunnel source FastEthernet0/0");
    assertTrue(v.get(1).reason().contains("names no interface"), v.get(1).toString());
  }

  @Test
  public void sv92MissingCryptoSectionIsAValidationError() {
    IosParseResult r = ConfigFixtures.parse("sv9-2.as-extracted.ios");
    assertEquals(r.problems(), List.of());
    List<ConfigProblem> v = IosConfigValidator.validate(r.config());
    assertEquals(v.stream().map(p -> p.severity() + "@" + p.lineNumber()).toList(),
        List.of("WARNING@0", "ERROR@0", "ERROR@31", "WARNING@77"), v.toString());
    assertTrue(v.get(0).reason().contains("no 'hostname'"));
    assertTrue(v.get(1).reason().contains("no 'crypto isakmp policy'"));
    assertEquals(v.get(2).line(), "tunnel protection ipsec profile cisco");
    assertTrue(v.get(2).reason().contains("names no 'crypto ipsec profile cisco'"));
    // the document's own default route: 10.66.79.193 is on none of the hub's subnets (seed README)
    assertEquals(v.get(3).line(), "ip route 0.0.0.0 0.0.0.0 10.66.79.193");
    assertTrue(v.get(3).reason().contains("on none of the router's connected subnets"));
  }

  @Test
  public void sv94CutAtAtmParsesButLacksRouting() {
    IosParseResult r = ConfigFixtures.parse("sv9-4.as-extracted.ios");
    assertEquals(r.problems(), List.of());
    IosInterface atm = r.config().requireInterface("ATM1/0");
    assertEquals(atm.address(), null);
    List<ConfigProblem> v = IosConfigValidator.validate(r.config());
    assertEquals(v.size(), 1, v.toString());
    assertTrue(v.get(0).reason().startsWith("no 'router eigrp' and no 'ip route'"));
  }
}
