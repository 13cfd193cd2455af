package dev.dmvpn.harness.scenario.peer;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.harness.scenario.rack.LabRack;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.node.ios.IosNodeBuilder;
import dev.dmvpn.ref.node.ios.IosNodeLoad;
import dev.dmvpn.ref.node.ios.IosNodePlan;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.generate.RouterConfig;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testng.annotations.Test;

/**
 * The reference peer's configuration: the document's spoke configuration with the peer's addresses (compared with
 * the document's own sv9-4 lines, not with our generator's output alone), read by the same builder as the routers,
 * and refused, naming each clash, when an address of the spec is taken.
 */
public class ReferencePeerConfigTest {
  /** The document's values (its 'crypto isakmp key' and 'ip nhrp authentication'), see document-rack.yaml. */
  private static final SecretResolver DOCUMENT_SECRETS =
      new SecretResolver(Map.of("DMVPN_PSK", "cisco123", "DMVPN_NHRP_KEY", "cisco123"));
  private final Testbed rack = ShippedTestbeds.documentRack();

  @Test
  public void thePeersTunnelCryptoAndEigrpLinesAreTheDocumentsSpokeLinesWithItsAddresses() throws Exception {
    List<String> peer = lines(PeerConfig.generate(rack, DOCUMENT_SECRETS, PeerSpec.documentThirdSpoke()).text());
    List<String> sv94 = documentLines("/configs/sv9-4.ios");
    assertEquals(section(peer, "interface Tunnel0"),
        section(sv94, "interface Tunnel0").stream().map(l -> l.replace("192.168.1.3", "192.168.1.4")).toList());
    assertEquals(section(peer, "crypto isakmp policy 10"), section(sv94, "crypto isakmp policy 10"));
    assertEquals(section(peer, "crypto ipsec profile cisco"), section(sv94, "crypto ipsec profile cisco"));
    assertTrue(peer.contains("crypto isakmp key cisco123 address 0.0.0.0 0.0.0.0"), peer.toString());
    assertTrue(peer.contains("crypto ipsec transform-set strong esp-3des esp-md5-hmac"), peer.toString());
    assertEquals(section(peer, "router eigrp 90"),
        section(sv94, "router eigrp 90").stream().map(l -> l.replace("3.3.3.0", "4.4.4.0")).toList());
    assertEquals(section(peer, "interface FastEthernet0/0").get(1), "ip address 209.168.202.132 255.255.255.224");
    assertTrue(peer.contains("ip route 0.0.0.0 0.0.0.0 209.168.202.158"),
        "sv9-3's and sv9-4's gateway on the spokes' /27: " + peer);
    assertEquals(peer.get(0), "hostname sv9-5");
  }

  @Test
  public void theBuilderPlansTheDocumentsThirdSpokeFromIt() throws Exception {
    RouterConfig c = PeerConfig.generate(rack, DOCUMENT_SECRETS, PeerSpec.documentThirdSpoke());
    IosNodeLoad load = IosNodeBuilder.fromText(c.text());
    assertTrue(load.ok(), load.errors().toString());
    IosNodePlan plan = load.plan();
    assertEquals(plan.hostname(), "sv9-5");
    assertEquals(plan.nbmaAddress(), Ipv4Address.parse("209.168.202.132"));
    assertEquals(plan.tunnel().nhrp().tunnelAddress(), Ipv4Address.parse("192.168.1.4"));
    assertEquals(plan.lans().get(0).address().toString(), "4.4.4.4/24");
    assertEquals(plan.eigrp().router().asNumber(), 90);
    assertTrue(c.maskedText().lines().noneMatch(l -> l.contains("cisco123")), "secrets masked in the written form");
  }

  @Test
  public void everyTakenAddressIsNamedAtOnce() {
    PeerSpec clash = new PeerSpec("sv9-4", Ipv4Address.parse("192.168.1.3"), Ipv4Cidr.parse("209.168.202.158/27"),
        "FastEthernet0/1", Ipv4Cidr.parse("3.3.3.9/24"), Optional.empty(), Optional.empty(), Optional.empty());
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
        () -> PeerConfig.generate(rack, DOCUMENT_SECRETS, clash));
    for (String named : List.of("hostname sv9-4", "tunnel address 192.168.1.3 is sv9-4's",
        "NBMA address 209.168.202.158 is wan eth1's", "LAN 3.3.3.0/24 overlaps sv9-4 FastEthernet0/1")) {
      assertTrue(e.getMessage().contains(named), named + " in: " + e.getMessage());
    }
  }

  @Test
  public void aTunnelAddressOutsideTheTunnelSubnetAndASegmentWithoutGatewayAreRefused() {
    PeerSpec elsewhere = new PeerSpec("sv9-5", Ipv4Address.parse("192.168.2.4"), Ipv4Cidr.parse("10.9.9.9/24"),
        "Loopback0", Ipv4Cidr.parse("4.4.4.4/24"), Optional.empty(), Optional.empty(), Optional.empty());
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
        () -> PeerConfig.generate(rack, DOCUMENT_SECRETS, elsewhere));
    assertTrue(e.getMessage().contains("no host address of the tunnel subnet 192.168.1.0/24"), e.getMessage());
    assertTrue(e.getMessage().contains("no default gateway for 10.9.9.9/24"), e.getMessage());
  }

  @Test
  public void onARealRackThePeerNeedsANic() throws IOException {
    Path dir = Files.createTempDirectory("peer-join");
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> ReferencePeer.join(
        new LabRack(rack, DOCUMENT_SECRETS), PeerSpec.documentThirdSpoke(), dir, 1));
    assertTrue(e.getMessage().contains("needs a NIC") && e.getMessage().contains("209.168.202.128/27"),
        e.getMessage());
    try (var left = Files.list(dir)) {
      assertEquals(left.count(), 0L, "nothing written before the NIC is known");
    }
    Files.delete(dir);
  }

  // ---- helpers

  /** Configuration lines, stripped, without the document's comments ({@code !--}) and blank lines. */
  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("!--")).toList();
  }

  private static List<String> documentLines(String resource) throws IOException {
    try (InputStream in = ReferencePeerConfigTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no resource " + resource + " (reference-impl's document configurations)");
      }
      return lines(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The lines from {@code head} to the next {@code !}, the head included. */
  private static List<String> section(List<String> lines, String head) {
    int start = lines.indexOf(head);
    assertTrue(start >= 0, "no '" + head + "' in " + lines);
    List<String> out = new ArrayList<>();
    for (int i = start; i < lines.size() && !lines.get(i).equals("!"); i++) {
      out.add(lines.get(i));
    }
    return out;
  }
}
