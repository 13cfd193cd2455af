package dev.dmvpn.topology.generate;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.config.IosConfigParser;
import dev.dmvpn.ref.config.IosConfigValidator;
import dev.dmvpn.ref.config.IosParseResult;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The generator against the document: for the document's rack, each router's crypto, Tunnel0 and EIGRP sections
 * equal, line by line, those of the document's configurations (reference-impl's test resources
 * {@code configs/sv9-*.ios}: the seed's text with the extraction's gaps filled and marked). The document's secrets
 * are its literal {@code cisco123}, given here through the injected environment.
 */
public class ConfigGeneratorTest {
  static final Path DOCUMENT_CONFIGS = Path.of("../reference-impl/src/main/resources/configs");
  static final Map<String, String> DOCUMENT_ENV = Map.of("DMVPN_PSK", "cisco123", "DMVPN_NHRP_KEY", "cisco123");

  private static List<RouterConfig> documentConfigs() throws Exception {
    return new ConfigGenerator(new SecretResolver(DOCUMENT_ENV)).generate(ShippedTestbeds.documentRack());
  }

  private static RouterConfig config(List<RouterConfig> all, String device) {
    return all.stream().filter(c -> c.device().equals(device)).findFirst().orElseThrow();
  }

  @DataProvider
  public Object[][] routers() {
    return new Object[][] {{"sv9-2"}, {"sv9-3"}, {"sv9-4"}};
  }

  @Test(dataProvider = "routers")
  public void sectionsEqualTheDocuments(String router) throws Exception {
    String document = Files.readString(DOCUMENT_CONFIGS.resolve(router + ".ios"));
    String generated = config(documentConfigs(), router).text();

    assertEquals(DocumentSections.crypto(generated), DocumentSections.crypto(document));
    assertEquals(DocumentSections.tunnel(generated, "Tunnel0"), DocumentSections.tunnel(document, "Tunnel0"));
    assertEquals(DocumentSections.eigrp(generated), DocumentSections.eigrp(document));
    // the extraction helper found real sections, not two empty lists
    assertEquals(DocumentSections.crypto(document).size(), 8);
    assertTrue(DocumentSections.tunnel(document, "Tunnel0").size() >= 12);
    assertEquals(DocumentSections.eigrp(document).size(), 4);
  }

  @Test
  public void hubIsFirstAndRolesFollowTheTestbed() throws Exception {
    List<RouterConfig> all = documentConfigs();
    assertEquals(all.stream().map(c -> c.device() + "/" + c.role()).toList(),
        List.of("sv9-2/HUB", "sv9-3/SPOKE", "sv9-4/SPOKE"));
    // the document's known lines, spelled out once
    List<String> hubTunnel = DocumentSections.tunnel(all.get(0).text(), "Tunnel0");
    assertTrue(hubTunnel.contains("no ip split-horizon eigrp 90"));
    assertFalse(hubTunnel.stream().anyMatch(l -> l.startsWith("ip nhrp nhs")));
    assertTrue(DocumentSections.tunnel(all.get(2).text(), "Tunnel0").contains("ip nhrp map 192.168.1.1 209.168.202.225"));
    assertTrue(all.get(0).text().contains("ip route 0.0.0.0 0.0.0.0 209.168.202.254\n"));
    assertTrue(all.get(0).text().startsWith("hostname sv9-2\n"));
  }

  /** reference-impl's strict IOS parser (written apart from this generator) accepts every generated line. */
  @Test
  public void generatedConfigsParseStrictlyAndValidate() throws Exception {
    for (RouterConfig c : documentConfigs()) {
      IosParseResult r = IosConfigParser.parse(c.text(), IosConfigParser.Strictness.STRICT);
      assertEquals(r.problems(), List.of(), c.device() + ":\n" + c.maskedText());
      assertEquals(IosConfigValidator.validate(r.config()).stream().filter(p -> p.isError()).toList(), List.of(),
          c.device());
      assertEquals(r.config().tunnels().size(), 1);
    }
  }

  @Test
  public void secretsNeverReachToStringOrMaskedText() throws Exception {
    SecretResolver distinct = new SecretResolver(Map.of("DMVPN_PSK", "Psk-7f3a9", "DMVPN_NHRP_KEY", "Nh-42xq"));
    for (RouterConfig c : new ConfigGenerator(distinct).generate(ShippedTestbeds.documentRack())) {
      assertTrue(c.text().contains("crypto isakmp key Psk-7f3a9 address 0.0.0.0 0.0.0.0\n"));
      assertTrue(c.text().contains(" ip nhrp authentication Nh-42xq\n"));
      for (String shown : List.of(c.toString(), c.maskedText(), c.lines().toString())) {
        assertFalse(shown.contains("Psk-7f3a9") || shown.contains("Nh-42xq"), shown);
      }
      assertTrue(c.maskedText().contains("crypto isakmp key ***** address 0.0.0.0 0.0.0.0\n"));
    }
  }

  @Test
  public void unresolvableOrUnsafeSecretsStopGenerationWithoutShowingThem() {
    Testbed rack = ShippedTestbeds.documentRack();
    var e = expectThrows(ConfigGenerationException.class,
        () -> new ConfigGenerator(new SecretResolver(Map.of("DMVPN_NHRP_KEY", "x"))).generate(rack));
    assertEquals(e.getMessage(),
        "dmvpn.ipsec.pre_shared_key (env:DMVPN_PSK): environment variable DMVPN_PSK is not set or empty");
    e = expectThrows(ConfigGenerationException.class, () -> new ConfigGenerator(new SecretResolver(
        Map.of("DMVPN_PSK", "ok\nusername evil privilege 15", "DMVPN_NHRP_KEY", "x"))).generate(rack));
    assertTrue(e.getMessage().contains("whitespace or a control character"), e.getMessage());
    assertFalse(e.getMessage().contains("evil"));
    e = expectThrows(ConfigGenerationException.class, () -> new ConfigGenerator(new SecretResolver(
        Map.of("DMVPN_PSK", "k", "DMVPN_NHRP_KEY", "nine-char"))).generate(rack));
    assertEquals(e.getMessage(), "dmvpn.nhrp.authentication (env:DMVPN_NHRP_KEY): the secret has 9 characters; "
        + "IOS takes at most 8");
  }

  @Test
  public void hubAndNSpokesGivesNSpokeConfigs() throws Exception {
    int n = 25;
    List<RouterConfig> all = new ConfigGenerator(new SecretResolver(DOCUMENT_ENV)).generate(HubAndSpokes.testbed(n));
    assertEquals(all.size(), n + 1);
    assertEquals(all.stream().filter(c -> c.role() == RouterConfig.Role.SPOKE).count(), n);
    Set<String> tunnelAddresses = new HashSet<>();
    for (RouterConfig c : all) {
      IosParseResult r = IosConfigParser.parse(c.text(), IosConfigParser.Strictness.STRICT);
      assertEquals(r.problems(), List.of(), c.device());
      List<String> tunnel = DocumentSections.tunnel(c.text(), "Tunnel0");
      tunnelAddresses.add(tunnel.get(1));
      if (c.role() == RouterConfig.Role.SPOKE) {
        assertTrue(tunnel.contains("ip nhrp nhs 10.255.0.1"), c.device());
        assertTrue(tunnel.contains("ip nhrp map 10.255.0.1 172.16.0.1"), c.device());
        // 10.0.i.0/24 inside class A needs its wildcard; the tunnel's 10.255.0.0/16 too
        assertTrue(DocumentSections.eigrp(c.text()).contains("network 10.255.0.0 0.0.255.255"), c.device());
      }
    }
    assertEquals(tunnelAddresses.size(), n + 1, "every member has its own tunnel address");
    assertEquals(DocumentSections.eigrp(config(all, "spoke7").text()),
        List.of("router eigrp 90", "network 10.0.7.0 0.0.0.255", "network 10.255.0.0 0.0.255.255",
            "no auto-summary"));
  }
}
