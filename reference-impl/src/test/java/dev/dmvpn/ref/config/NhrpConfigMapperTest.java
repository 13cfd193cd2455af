package dev.dmvpn.ref.config;

import static dev.dmvpn.ref.config.DocumentConfigsTest.ip;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.nhrp.engine.NhrpMulticastConfig;
import dev.dmvpn.ref.nhrp.engine.NhrpNhs;
import dev.dmvpn.ref.nhrp.engine.NhrpOptions;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/** Tunnel0 of the document's routers mapped to the NHRP engine's configuration. */
public class NhrpConfigMapperTest {

  @Test
  public void sv94Tunnel0GivesTheDocumentsValues() {
    NhrpConfig n = NhrpConfigMapper.toNhrpConfig(ConfigFixtures.parse("sv9-4.ios").configOrThrow(), "Tunnel0");
    // seed lines 447-460 (Tunnel0) and 464 (FastEthernet0/0 209.168.202.130, the tunnel source)
    assertEquals(n.tunnelAddress(), ip("192.168.1.3"));
    assertEquals(n.tunnelPrefixLength(), 24);
    assertEquals(n.nbmaAddress(), ip("209.168.202.130"));
    assertEquals(n.networkId(), 1L);
    assertEquals(n.authentication(), "cisco123");
    assertEquals(n.staticMaps(), Map.of(ip("192.168.1.1"), ip("209.168.202.225")));
    assertEquals(n.multicast(), new NhrpMulticastConfig(List.of(ip("209.168.202.225")), true));
    assertEquals(n.nhs(), List.of(NhrpNhs.of(ip("192.168.1.1"))));
    assertEquals(n.nhsNbma(n.nhs().get(0)), ip("209.168.202.225"));
    // not in the document: IOS defaults
    assertEquals(n.holdtimeSeconds(), NhrpConfig.DEFAULT_HOLDTIME);
    assertEquals(n.registrationTimeoutSeconds(), NhrpConfig.DEFAULT_HOLDTIME / 3);
    assertTrue(n.unique());
    assertEquals(n.mtu(), NhrpConfig.DEFAULT_MTU);
    assertEquals(n.options(), NhrpOptions.IOS_DEFAULTS);
  }

  @Test
  public void equalsTheEnginesOwnDocumentScenario() {
    // the NHRP engine's tests build the same routers by hand (nhrp.engine.DocumentScenario)
    NhrpConfig hub = NhrpConfigMapper.toNhrpConfig(ConfigFixtures.parse("sv9-2.ios").configOrThrow(), "Tu0");
    assertEquals(hub, NhrpConfig.builder("192.168.1.1/24", "209.168.202.225")
        .authentication("cisco123").multicastDynamic().networkId(1).build());
    NhrpConfig sv93 = NhrpConfigMapper.toNhrpConfig(ConfigFixtures.parse("sv9-3.ios").configOrThrow(), "Tunnel0");
    assertEquals(sv93, NhrpConfig.builder("192.168.1.2/24", "209.168.202.131")
        .authentication("cisco123").multicastDynamic().map("192.168.1.1", "209.168.202.225")
        .multicast("209.168.202.225").networkId(1).nhs("192.168.1.1").build());
  }

  @Test
  public void optionalLinesAndOptionsAreCarried() {
    IosConfig c = IosConfigParser.parse(String.join("\n", "interface Tunnel1",
        "ip address 10.0.0.2 255.255.255.0", "ip nhrp network-id 7", "ip nhrp holdtime 600",
        "ip nhrp registration timeout 60", "ip nhrp registration no-unique", "ip nhrp nhs 10.0.0.1 nbma 192.0.2.1",
        "tunnel source 192.0.2.2", "tunnel mode gre multipoint")).configOrThrow();
    NhrpOptions opts = NhrpOptions.IOS_DEFAULTS.withRepliesViaNhs(true);
    NhrpConfig n = NhrpConfigMapper.toNhrpConfig(c, "Tunnel1", opts);
    assertEquals(n.nbmaAddress(), ip("192.0.2.2"));
    assertEquals(n.networkId(), 7L);
    assertEquals(n.holdtimeSeconds(), 600);
    assertEquals(n.registrationTimeoutSeconds(), 60);
    assertEquals(n.unique(), false);
    assertEquals(n.nhs(), List.of(new NhrpNhs(ip("10.0.0.1"), ip("192.0.2.1"))));
    assertEquals(n.authentication(), null);
    assertEquals(n.options(), opts);
  }

  @Test
  public void unmappableTunnelsSayWhy() {
    IosConfig asExtracted = ConfigFixtures.parse("sv9-3.as-extracted.ios").config();
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
        () -> NhrpConfigMapper.toNhrpConfig(asExtracted, "Tunnel0"));
    assertEquals(e.getMessage(),
        "interface Tunnel0: 'tunnel source FastEthernet0/0' names no interface in the configuration");
    IosConfig hub = ConfigFixtures.parse("sv9-2.ios").config();
    e = expectThrows(IllegalArgumentException.class, () -> NhrpConfigMapper.toNhrpConfig(hub, "Tunnel9"));
    assertTrue(e.getMessage().startsWith("no interface Tunnel9 in the configuration (has: Tunnel0,"),
        e.getMessage());
    e = expectThrows(IllegalArgumentException.class, () -> NhrpConfigMapper.toNhrpConfig(hub, "FastEthernet0/0"));
    assertEquals(e.getMessage(), "FastEthernet0/0 is not a Tunnel interface");
  }
}
