package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import java.util.List;
import org.testng.annotations.Test;

/** {@code show crypto ipsec sa}: a real 15.x output (indentation lost) and the 12.3 shape of the document's SA. */
public class ShowCryptoIpsecSaParserTest {

  @Test
  public void readsTheRealOutput() {
    // ../shared/fixtures/ios-outputs/show_crypto_ipsec_sa/genieparser-iosxe_1.txt
    List<IpsecInterface> ifs = ShowCryptoIpsecSaParser.parse(SharedOutputs.output("show_crypto_ipsec_sa/genieparser-iosxe_1.txt"));
    assertEquals(ifs.size(), 2); // lines 1 and 81
    IpsecInterface gi3 = ifs.get(0);
    assertEquals(gi3.name(), "GigabitEthernet3");
    assertEquals(gi3.cryptoMapTag(), "vpn-crypto-map"); // line 2
    assertEquals(gi3.localAddress(), "1.1.1.2");
    assertEquals(gi3.flows().size(), 2); // lines 4 and 50
    IpsecFlow f = gi3.flows().get(0);
    assertEquals(f.localIdent(), new ProxyIdent("20.20.20.0", "255.255.255.0", 0, 0)); // line 5
    assertEquals(f.remoteIdent(), new ProxyIdent("10.10.10.0", "255.255.255.0", 0, 0)); // line 6
    assertEquals(f.peer(), "1.1.1.1"); // line 7
    assertEquals(f.peerPort(), 500);
    assertEquals(f.pktsEncaps(), 4); // line 10
    assertEquals(f.pktsDecrypt(), 4); // line 11
    assertEquals(f.remoteEndpoint(), "1.1.1.1"); // line 17
    assertEquals(f.currentOutboundSpi(), 0x397C36EEL); // line 19
    // lines 22-30 and 36-44
    assertEquals(f.inbound(), List.of(new IpsecSpi(true, "esp", 0x658F7C11L, "esp-256-aes esp-sha256-hmac", "Tunnel",
        2076, 4607999L, 83191L)));
    assertEquals(f.outbound(), List.of(new IpsecSpi(false, "esp", 0x397C36EEL, "esp-256-aes esp-sha256-hmac", "Tunnel",
        2075, 4607999L, 83191L)));
    // lines 50-79: a flow with no SA yet
    assertEquals(gi3.flows().get(1).sas(), List.of());
    assertEquals(gi3.flows().get(1).currentOutboundSpi(), 0);
    // lines 81-122: the tunnel-protection block
    IpsecInterface tu0 = ifs.get(1);
    assertEquals(tu0.cryptoMapTag(), "Tunnel0-head-0");
    assertEquals(tu0.flows().get(0).peer(), "2.2.2.1");
    assertEquals(tu0.flows().get(0).sas().size(), 2);
    assertEquals(tu0.flows().get(0).outbound().get(0).connId(), 2078); // line 119
  }

  /**
   * ios-12.3-formats.md "show crypto ipsec sa": sv9-4's SA to sv9-3 (the SPI 0xEA8C83C1, conn id 5361, 120 s and
   * 4608000 KB lifetimes of the document's debug), with the outbound block filled the way the inbound one is.
   */
  @Test
  public void reads123Layout() {
    String output = String.join("\n",
        "sv9-4#show crypto ipsec sa",
        "",
        "interface: Tunnel0",
        "    Crypto map tag: Tunnel0-head-0, local addr. 209.168.202.130",
        "",
        "   protected vrf:",
        "   local  ident (addr/mask/prot/port): (209.168.202.130/255.255.255.255/47/0)",
        "   remote ident (addr/mask/prot/port): (209.168.202.131/255.255.255.255/47/0)",
        "   current_peer: 209.168.202.131:500",
        "     PERMIT, flags={origin_is_acl,}",
        "    #pkts encaps: 4, #pkts encrypt: 4, #pkts digest 4",
        "    #pkts decaps: 3, #pkts decrypt: 3, #pkts verify 3",
        "    #pkts compressed: 0, #pkts decompressed: 0",
        "    #pkts not compressed: 0, #pkts compr. failed: 0",
        "    #pkts not decompressed: 0, #pkts decompress failed: 0",
        "    #send errors 0, #recv errors 1",
        "",
        "     local crypto endpt.: 209.168.202.130, remote crypto endpt.: 209.168.202.131",
        "     path mtu 1500, media mtu 1500",
        "     current outbound spi: 6E42707E",
        "",
        "     inbound esp sas:",
        "      spi: 0xEA8C83C1(3935077313)",
        "        transform: esp-3des esp-md5-hmac ,",
        "        in use settings ={Tunnel, }",
        "        slot: 0, conn id: 5361, flow_id: 1, crypto map: Tunnel0-head-0",
        "        sa timing: remaining key lifetime (k/sec): (4607999/108)",
        "        IV size: 8 bytes",
        "        replay detection support: Y",
        "",
        "     inbound ah sas:",
        "",
        "     inbound pcp sas:",
        "",
        "     outbound esp sas:",
        "      spi: 0x6E42707E(1849847934)",
        "        transform: esp-3des esp-md5-hmac ,",
        "        in use settings ={Tunnel, }",
        "        slot: 0, conn id: 5362, flow_id: 2, crypto map: Tunnel0-head-0",
        "        sa timing: remaining key lifetime (k/sec): (4607999/108)",
        "        IV size: 8 bytes",
        "        replay detection support: Y",
        "",
        "     outbound ah sas:",
        "",
        "     outbound pcp sas:",
        "sv9-4#");
    IpsecInterface tu0 = ShowCryptoIpsecSaParser.parse(output).get(0);
    assertEquals(tu0.localAddress(), "209.168.202.130");
    IpsecFlow f = tu0.flows().get(0);
    assertEquals(f, new IpsecFlow(new ProxyIdent("209.168.202.130", "255.255.255.255", 47, 0),
        new ProxyIdent("209.168.202.131", "255.255.255.255", 47, 0), "209.168.202.131", 500, 4, 4, 3, 3, 0, 1,
        "209.168.202.130", "209.168.202.131", 0x6E42707EL, List.of(
            new IpsecSpi(true, "esp", 3935077313L, "esp-3des esp-md5-hmac", "Tunnel", 5361, 4607999L, 108L),
            new IpsecSpi(false, "esp", 1849847934L, "esp-3des esp-md5-hmac", "Tunnel", 5362, 4607999L, 108L))));
  }

  @Test
  public void garbageAndOtherCommandsAreRefused() {
    ParseException e = expectThrows(ParseException.class, () -> ShowCryptoIpsecSaParser.parse(
        "interface: Tunnel0\n    Crypto map tag: Tunnel0-head-0, local addr. 209.168.202.130\n   current_peer: 209.1"));
    assertEquals(e.command(), "show crypto ipsec sa");
    assertEquals(e.lineNumber(), 3);
    e = expectThrows(ParseException.class, () -> ShowCryptoIpsecSaParser.parse(
        SharedOutputs.output("show_crypto_isakmp_sa/genieparser-iosxe_1.txt")));
    assertEquals(e.lineNumber(), 1);
    expectThrows(ParseException.class, () -> ShowCryptoIpsecSaParser.parse("#pkts encaps: 4\n"));
  }
}
