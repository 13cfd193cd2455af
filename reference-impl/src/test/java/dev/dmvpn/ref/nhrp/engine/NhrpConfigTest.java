package dev.dmvpn.ref.nhrp.engine;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;
import org.testng.annotations.Test;

public class NhrpConfigTest {

  private static String error(Runnable r) {
    return expectThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  public void documentSpokeConfigHasIosDefaults() {
    NhrpConfig c = DocumentScenario.spokeConfig("192.168.1.2/24", "209.168.202.131", NhrpOptions.IOS_DEFAULTS);
    assertEquals(c.holdtimeSeconds(), 7200);
    assertEquals(c.registrationTimeoutSeconds(), 2400, "holdtime / 3");
    assertTrue(c.unique());
    assertEquals(c.mtu(), 1514);
    assertEquals(c.networkId(), 1);
    assertEquals(c.tunnelPrefix(), NhrpPrefix.parse("192.168.1.0/24"));
    assertEquals(c.nhsNbma(c.nhs().get(0)), Ipv4Address.parse("209.168.202.225"));
    assertEquals(c.multicast().staticNbma(), List.of(Ipv4Address.parse("209.168.202.225")));
    assertTrue(c.multicast().dynamic());
    NhrpConfig open = NhrpConfig.builder("10.0.0.1/8", "1.1.1.1").holdtime(300).build();
    assertNull(open.authentication());
    assertEquals(open.registrationTimeoutSeconds(), 100);
    assertFalse(open.multicast().dynamic());
  }

  @Test
  public void invalidLinesAreRejectedWithTheCommandNamed() {
    assertEquals(error(() -> NhrpConfig.builder("192.168.1.2/24", "1.1.1.1").authentication("cisco1234").build()),
        "ip nhrp authentication: password 'cisco1234' is 9 characters, at most 8 allowed");
    assertEquals(error(() -> NhrpConfig.builder("192.168.1.2/24", "1.1.1.1").nhs("192.168.1.1").build()),
        "ip nhrp nhs 192.168.1.1 has no NBMA address: add 'ip nhrp map 192.168.1.1 <nbma>' or "
            + "'ip nhrp nhs 192.168.1.1 nbma <nbma>'");
    assertEquals(error(() -> NhrpConfig.builder("192.168.1.2/24", "1.1.1.1").holdtime(0).build()),
        "ip nhrp holdtime must be 1-65535 seconds (16-bit CIE field), got 0");
    assertEquals(error(() -> NhrpConfig.builder("192.168.1.2/24", "1.1.1.1").registrationTimeout(8000).build()),
        "ip nhrp registration timeout must be 1..7200 (the holdtime), got 8000");
    assertEquals(error(() -> NhrpConfig.builder("192.168.1.2/24", "1.1.1.1").networkId(0).build()),
        "ip nhrp network-id must be 1-4294967295, got 0");
    assertEquals(error(() -> NhrpConfig.builder("192.168.1.2/24", "1.1.1.1").mtu(20).build()),
        "MTU must be 68-65535, got 20");
    assertTrue(error(() -> NhrpConfig.builder("192.168.1.2/24", "1.1.1.1").authentication("a b").build())
        .contains("not printable"));
    assertTrue(error(() -> NhrpOptions.IOS_DEFAULTS.withShortcutIdleSeconds(-1)).contains("shortcutIdleSeconds"));
  }

  @Test
  public void networkIdIsNeverOnTheWire() {
    NhrpConfig a = NhrpConfig.builder("192.168.1.2/24", "1.1.1.1").networkId(1).build();
    NhrpConfig b = NhrpConfig.builder("192.168.1.2/24", "1.1.1.1").networkId(99).build();
    Ipv4Address dst = Ipv4Address.parse("2.2.2.2");
    assertEquals(dev.dmvpn.ref.nhrp.NhrpCodec.encode(new NhrpPacketFactory(a).resolutionRequest(dst, 1)),
        dev.dmvpn.ref.nhrp.NhrpCodec.encode(new NhrpPacketFactory(b).resolutionRequest(dst, 1)));
  }

  @Test
  public void prefixes() {
    assertEquals(NhrpPrefix.parse("2.2.2.2/24").toString(), "2.2.2.0/24");
    assertTrue(NhrpPrefix.parse("2.2.2.0/24").contains(Ipv4Address.parse("2.2.2.200")));
    assertFalse(NhrpPrefix.parse("2.2.2.0/24").contains(Ipv4Address.parse("2.2.3.1")));
    assertTrue(NhrpPrefix.parse("0.0.0.0/0").contains(Ipv4Address.parse("9.9.9.9")));
    assertEquals(error(() -> new NhrpPrefix(Ipv4Address.parse("2.2.2.2"), 24)),
        "prefix 2.2.2.2/24 has host bits set (use NhrpPrefix.of to clear them)");
  }
}
