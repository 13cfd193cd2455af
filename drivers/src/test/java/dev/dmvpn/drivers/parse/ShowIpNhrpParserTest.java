package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.expectThrows;
import static org.testng.Assert.assertTrue;

import java.util.List;
import org.testng.annotations.Test;

/** {@code show ip nhrp [detail]} in the 15.x split layout (a real output) and the 12.3 / 12.1 one-line layouts. */
public class ShowIpNhrpParserTest {

  @Test
  public void readsTheRealSplitLayout() {
    // ../shared/fixtures/ios-outputs/show_ip_nhrp_detail/genieparser-iosxe_1.txt (line 1 is the echoed command)
    List<NhrpEntry> entries = ShowIpNhrpParser.parse(SharedOutputs.output("show_ip_nhrp_detail/genieparser-iosxe_1.txt"));
    assertEquals(entries.size(), 5);
    // lines 2-6
    assertEquals(entries.get(0), new NhrpEntry("100.0.0.2", 32, "100.0.0.2", "Tunnel100", "00:00:42", "00:02:17",
        "dynamic", List.of("router", "nhop", "rib"), "103.1.1.1", List.of("Preference: 255")));
    // lines 7-11: never expire, empty Flags
    NhrpEntry hub = entries.get(1);
    assertTrue(hub.neverExpires());
    assertEquals(hub.created(), "10w2d");
    assertEquals(hub.type(), "static");
    assertEquals(hub.flags(), List.of());
    assertEquals(hub.nbma(), "101.1.1.1");
    // line 12: a /24 via another address
    assertEquals(entries.get(2).network(), "123.1.1.0");
    assertEquals(entries.get(2).prefixLength(), 24);
    assertEquals(entries.get(2).via(), "100.0.0.2");
    // lines 17-23: (no-socket) and Requester kept as details
    assertEquals(entries.get(3).flags(), List.of("router", "unique", "local"));
    assertEquals(entries.get(3).details(), List.of("Preference: 255", "(no-socket)", "Requester: 100.0.0.2 Request ID: 97"));
    // lines 24-28
    assertEquals(entries.get(4).tunnel(), "Tunnel111");
    assertEquals(entries.get(4).nbma(), "111.1.1.1");
  }

  /** The 12.3 layout of ../shared/docs/ios-12.3-formats.md "show ip nhrp", with a console's additions around it. */
  @Test
  public void readsThe123OneLineLayoutAmongConsoleNoise() {
    String output = String.join("\r\n",
        "sv9-2#show ip nhrp",
        "192.168.1.1/32 via 192.168.1.1, Tunnel0 created 00:10:03, never expire",
        "  Type: static, Flags: authoritative used",
        "*Mar  1 02:25:37.159: %LINK-3-UPDOWN: Interface Tunnel0, changed state to up",
        "  NBMA address: 209.168.202.225",
        " --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b192.168.1.2/32 via 192.168.1.2, Tunnel0 created 00:00:12, expire 01:59:47",
        "05:50:48: %SYS-5-CONFIG_I: Configured from console by vty0",
        "  Type: dynamic, Flags: authoritative unique registered used",
        "  NBMA address: 209.168.202.131",
        "",
        "sv9-2#");
    List<NhrpEntry> entries = ShowIpNhrpParser.parse(output);
    assertEquals(entries, List.of(
        new NhrpEntry("192.168.1.1", 32, "192.168.1.1", "Tunnel0", "00:10:03", null, "static",
            List.of("authoritative", "used"), "209.168.202.225", List.of()),
        new NhrpEntry("192.168.1.2", 32, "192.168.1.2", "Tunnel0", "00:00:12", "01:59:47", "dynamic",
            List.of("authoritative", "unique", "registered", "used"), "209.168.202.131", List.of())));
  }

  /** The 12.1/12.2 head quoted in ios-12.3-formats.md: mask instead of length, {@code tunnel 100}, no commas. */
  @Test
  public void readsThe122Head() {
    List<NhrpEntry> entries = ShowIpNhrpParser.parse(
        "10.0.0.2 255.255.255.255, tunnel 100 created 0:00:43 expire 1:59:16\n  Type: dynamic Flags: authoritative\n"
            + "  NBMA address: 192.0.2.2\n");
    assertEquals(entries.get(0).prefixLength(), 32);
    assertEquals(entries.get(0).tunnel(), "Tunnel100");
    assertEquals(entries.get(0).expire(), "1:59:16");
    assertEquals(entries.get(0).flags(), List.of("authoritative"));
  }

  /**
   * The {@code show ip nhrp detail} example of Cisco's IOS IP Addressing Services command reference
   * (cisco.com/c/en/us/td/docs/ios-xml/ios/ipaddr/command/ipaddr-cr-book/ipaddr-cr-book_chapter_01000.html): an
   * incomplete entry's head has no length and no next hop, and a {@code Cache hits} line.
   */
  @Test
  public void readsAnIncompleteEntry() {
    List<NhrpEntry> entries = ShowIpNhrpParser.parse(String.join("\n",
        "Router# show ip nhrp detail",
        "10.1.1.1/8 via 10.2.1.1, Tunnel1 created 00:46:29, never expire",
        "  Type: static, Flags: used",
        "  NBMA address: 10.12.1.1",
        "10.1.1.2/8 via 10.2.1.2, Tunnel1 created 00:00:12, expire 01:59:47",
        "  Type: dynamic, Flags: authoritative unique nat registered used",
        "  NBMA address: 10.12.1.2",
        "10.1.1.4, Tunnel1 created 00:00:07, expire 00:02:57",
        "  Type: incomplete, Flags: negative",
        "  Cache hits: 4"));
    assertEquals(entries.size(), 3);
    assertEquals(entries.get(1).flags(), List.of("authoritative", "unique", "nat", "registered", "used"));
    assertEquals(entries.get(2), new NhrpEntry("10.1.1.4", 32, null, "Tunnel1", "00:00:07", "00:02:57", "incomplete",
        List.of("negative"), null, List.of("Cache hits: 4")));
  }

  @Test
  public void emptyOutputIsNoEntry() {
    assertEquals(ShowIpNhrpParser.parse("sv9-4#show ip nhrp\r\nsv9-4#"), List.of());
  }

  @Test
  public void garbageAnotherCommandsOutputAndATruncatedHeadAreRefused() {
    ParseException e = expectThrows(ParseException.class, () -> ShowIpNhrpParser.parse("lorem ipsum\n"));
    assertEquals(e.command(), "show ip nhrp");
    assertEquals(e.lineNumber(), 1);
    // show crypto isakmp sa's output (../shared/fixtures/ios-outputs/show_crypto_isakmp_sa/genieparser-iosxe_1.txt)
    e = expectThrows(ParseException.class,
        () -> ShowIpNhrpParser.parse(SharedOutputs.output("show_crypto_isakmp_sa/genieparser-iosxe_1.txt")));
    assertEquals(e.line(), "IPv4 Crypto ISAKMP SA");
    // a 15.x head cut before its Tunnel line
    e = expectThrows(ParseException.class, () -> ShowIpNhrpParser.parse("100.0.0.2/32 via 100.0.0.2\n"));
    assertEquals(e.line(), "100.0.0.2/32 via 100.0.0.2");
    assertTrue(e.getMessage().startsWith("'show ip nhrp'"), e.getMessage());
  }

  @Test
  public void noTypeLineLeavesTypeNull() {
    assertNull(ShowIpNhrpParser.parse("1.1.1.1/32 via 1.1.1.1, Tunnel0 created 00:00:01, never expire\n").get(0).type());
  }
}
