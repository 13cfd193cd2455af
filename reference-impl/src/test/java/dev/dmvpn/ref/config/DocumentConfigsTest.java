package dev.dmvpn.ref.config;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The document's three configurations (seed 000_6291f1acd3ce46b9.txt, "Configurations"), filled where the
 * extraction lost text: they parse and validate cleanly, and the values are the document's (seed README table).
 */
public class DocumentConfigsTest {

  @DataProvider
  Object[][] filled() {
    return new Object[][] {{"sv9-2.ios"}, {"sv9-3.ios"}, {"sv9-4.ios"}};
  }

  @Test(dataProvider = "filled")
  public void filledConfigurationParsesAndValidatesWithoutProblems(String name) {
    IosParseResult r = ConfigFixtures.parse(name);
    assertEquals(r.problems(), List.of(), name);
    assertEquals(IosConfigValidator.validate(r.config()), List.of(), name);
    assertFalse(r.ignored().isEmpty(), "line blocks, duplex, service... are listed as ignored");
  }

  @Test(dataProvider = "filled")
  public void everyLineOutsideFilledBlocksIsTheDocumentsOwn(String name) {
    Set<String> seed = new HashSet<>();
    for (String l : ConfigFixtures.seedDocument().split("\n")) {
      seed.add(l.strip());
    }
    boolean inFilled = false;
    for (String l : ConfigFixtures.text(name).split("\n")) {
      String s = l.strip();
      if (s.startsWith("!-- filled:")) {
        assertFalse(inFilled, name + ": nested filled block at '" + s + "'");
        inFilled = true;
      } else if (s.equals("!-- end filled")) {
        assertTrue(inFilled, name + ": 'end filled' without a start");
        inFilled = false;
      } else if (!inFilled && !s.isEmpty() && !s.startsWith("!")) {
        assertTrue(seed.contains(s), name + ": '" + s + "' is neither in the document nor marked as filled");
      }
    }
    assertFalse(inFilled, name + ": filled block not closed");
  }

  @Test
  public void hubValues() {
    IosConfig c = ConfigFixtures.parse("sv9-2.ios").config();
    assertEquals(c.hostname(), "sv9-2");
    assertAddress(c, "FastEthernet0/0", "209.168.202.225", 27);
    assertAddress(c, "FastEthernet0/1", "1.1.1.1", 24);
    assertAddress(c, "Tunnel0", "192.168.1.1", 24);
    for (String bri : List.of("BRI1/0", "BRI1/1", "BRI1/2", "BRI1/3")) {
      assertTrue(c.requireInterface(bri).shutdown(), bri);
      assertNull(c.requireInterface(bri).address(), bri);
    }
    IosInterface t = c.requireInterface("Tunnel0");
    assertEquals(t.ipMtu(), Integer.valueOf(1440));
    assertEquals(t.noSplitHorizonEigrp(), List.of(90));
    assertEquals(t.tunnel(), new TunnelSettings("FastEthernet0/0", null, null, "gre multipoint", 0L, "cisco"));
    NhrpSettings n = t.nhrp();
    assertEquals(n.authentication().reveal(), "cisco123");
    assertTrue(n.multicastDynamic());
    assertEquals(n.networkId(), Long.valueOf(1));
    assertEquals(n.maps(), List.of());
    assertEquals(n.servers(), List.of());
    EigrpProcess e = c.findEigrp(90).orElseThrow();
    assertEquals(e.networks(), List.of(new EigrpNetwork(ip("1.1.1.0"), ip("0.0.0.255")),
        new EigrpNetwork(ip("192.168.1.0"), null)));
    assertEquals(e.networks().get(1).effectiveWildcard(), ip("0.0.0.255"), "classful C network");
    assertFalse(e.autoSummary());
    assertEquals(c.staticRoutes().size(), 1);
    assertEquals(c.staticRoutes().get(0).nextHop(), ip("209.168.202.254"), "filled: testbed WAN router");
    assertTrue(c.staticRoutes().get(0).isDefault());
    assertCrypto(c);
  }

  @Test
  public void spokeSv93Values() {
    IosConfig c = ConfigFixtures.parse("sv9-3.ios").config();
    assertEquals(c.hostname(), "sv9-3");
    assertEquals(c.version(), "12.3");
    assertAddress(c, "Tunnel0", "192.168.1.2", 24);
    assertAddress(c, "FastEthernet0/0", "209.168.202.131", 27);
    assertAddress(c, "FastEthernet0/1", "2.2.2.2", 24);
    assertSpokeNhrp(c.requireInterface("Tunnel0").nhrp());
    assertEquals(c.findEigrp(90).orElseThrow().networks().get(0),
        new EigrpNetwork(ip("2.2.2.0"), ip("0.0.0.255")));
    assertEquals(c.staticRoutes().get(0).nextHop(), ip("209.168.202.158"));
    assertCrypto(c);
  }

  @Test
  public void spokeSv94Values() {
    IosConfig c = ConfigFixtures.parse("sv9-4.ios").config();
    assertEquals(c.hostname(), "sv9-4");
    assertAddress(c, "Tunnel0", "192.168.1.3", 24);
    assertAddress(c, "FastEthernet0/0", "209.168.202.130", 27);
    assertAddress(c, "FastEthernet0/1", "3.3.3.3", 24);
    assertTrue(c.requireInterface("Serial0/0").shutdown());
    assertTrue(c.requireInterface("Serial0/1").shutdown());
    assertTrue(c.requireInterface("ATM1/0").shutdown(), "filled");
    assertEquals(c.interfaces().stream().map(IosInterface::name).toList(), List.of("Tunnel0",
        "FastEthernet0/0", "Serial0/0", "FastEthernet0/1", "Serial0/1", "ATM1/0"));
    IosInterface t = c.requireInterface("Tu0");
    assertEquals(t.ipMtu(), Integer.valueOf(1440));
    assertEquals(t.tunnel().sourceInterface(), "FastEthernet0/0");
    assertTrue(t.tunnel().multipoint());
    assertEquals(t.tunnel().key(), Long.valueOf(0));
    assertEquals(t.tunnel().protectionProfile(), "cisco");
    assertSpokeNhrp(t.nhrp());
    assertCrypto(c);
  }

  /** crypto section of sv9-3 / sv9-4 (seed lines 284-310, 393-417); the hub's is filled with the same. */
  private static void assertCrypto(IosConfig c) {
    assertEquals(c.isakmpPolicies(), List.of(policy10(c)));
    IsakmpPolicy p = c.isakmpPolicies().get(0);
    assertEquals(p.hash(), "md5");
    assertEquals(p.authentication(), "pre-share");
    // defaults the document's Main Mode debug shows: DES, group 1, 86400 s
    assertEquals(p.encryption(), "des");
    assertEquals(p.group(), 1);
    assertEquals(p.lifetimeSeconds(), 86400);
    assertEquals(c.isakmpKeys().size(), 1);
    IsakmpKey k = c.isakmpKeys().get(0);
    assertEquals(k.key().reveal(), "cisco123");
    assertEquals(k.peer(), new AddressMask(ip("0.0.0.0"), ip("0.0.0.0")));
    assertTrue(k.matches(ip("209.168.202.131")));
    TransformSet ts = c.findTransformSet("strong").orElseThrow();
    assertEquals(ts.transforms(), List.of("esp-3des", "esp-md5-hmac"));
    assertEquals(ts.mode(), "tunnel", "no 'mode' line: the IOS default");
    IpsecProfile prof = c.findProfile("cisco").orElseThrow();
    assertEquals(prof.transformSets(), List.of("strong"));
    assertEquals(prof.lifetimeSeconds(), Long.valueOf(120));
    assertNull(prof.lifetimeKilobytes());
    assertEquals(prof.effectiveLifetimeKilobytes(), 4_608_000L, "Quick Mode debug: 4608000kb");
    assertNull(prof.pfsGroup());
  }

  private static IsakmpPolicy policy10(IosConfig c) {
    int line = c.isakmpPolicies().get(0).lineNumber();
    assertEquals(c.rawLines().get(line - 1).text().strip(), "crypto isakmp policy 10");
    return new IsakmpPolicy(10, line, "des", "md5", "pre-share", 1, 86400);
  }

  /** Tunnel0 of both spokes (seed lines 333-346 and 447-460). */
  private static void assertSpokeNhrp(NhrpSettings n) {
    assertEquals(n.authentication(), Secret.of("cisco123"));
    assertTrue(n.multicastDynamic());
    assertEquals(n.maps(), List.of(new NhrpStaticMap(ip("192.168.1.1"), ip("209.168.202.225"))));
    assertEquals(n.multicastMaps(), List.of(ip("209.168.202.225")));
    assertEquals(n.networkId(), Long.valueOf(1));
    assertEquals(n.servers(), List.of(new NhrpServerEntry(ip("192.168.1.1"), null)));
    assertNull(n.holdtimeSeconds());
    assertFalse(n.registrationNoUnique());
  }

  private static void assertAddress(IosConfig c, String iface, String address, int prefix) {
    AddressMask a = c.requireInterface(iface).address();
    assertEquals(a.address(), ip(address), iface);
    assertEquals(a.prefixLength(), prefix, iface);
  }

  static Ipv4Address ip(String s) {
    return Ipv4Address.parse(s);
  }
}
