package dev.dmvpn.ref.interop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.node.NodeEventKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.testng.Reporter;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * A mode mismatch against the real Linux DMVPN: the Linux spoke1 (strongSwan {@code mode = transport}) registers
 * with a Java hub whose transform set has no {@code mode transport} (IOS's default tunnel, the document's). spoke1
 * initiates Quick Mode offering transport (Encapsulation Mode 2); a tunnel-mode set refuses it, as IOS does
 * (ARCHITECTURE.md, "IPsec: mode"): the Java hub answers NO-PROPOSAL-CHOSEN, no IPsec SA is installed on either
 * side, and spoke1 never gets registered. Phase 1 still comes up. The reverse mismatch (a tunnel offer to the
 * transport-mode Linux hub) fails too, though not as IOS would: see {@link
 * #tunnelOfferToATransportModeLinuxHubIsRefusedByCharon}.
 */
public class LinuxDmvpnModeMismatchInteropTest {
  private static final Duration BOOT = LinuxDmvpnLab.BOOT_WITHIN;
  private static final Ipv4Address LINUX_SPOKE_NBMA = Ipv4Address.parse("172.16.0.11");
  private static final Ipv4Address LINUX_SPOKE_TUNNEL = Ipv4Address.parse("10.0.0.11");

  private LinuxDmvpnLab lab;
  private LinuxDmvpnLab hubLab;
  private JavaNodeOnProbe javaHub;

  @BeforeClass(groups = "interop")
  public void boot() throws Exception {
    lab = LinuxDmvpnLab.create(LinuxDmvpnLab.ProbeMode.ROOT);
    lab.start(LinuxDmvpnLab.Guest.SPOKE1);
    hubLab = LinuxDmvpnLab.create(LinuxDmvpnLab.ProbeMode.ROOT);
    hubLab.start(LinuxDmvpnLab.Guest.HUB);
    javaHub = JavaNodeOnProbe.create("java-tunnel-hub", lab.probeInterface(), "02:00:00:00:01:01", "172.16.0.1/24",
        NhrpConfig.builder("10.0.0.1/24", "172.16.0.1").multicastDynamic(), EspMode.TUNNEL);
    javaHub.start();
  }

  @Test(groups = "interop")
  public void transportOfferToATunnelModeHubFailsWithNoProposalChosen() throws Exception {
    lab.awaitReady("spoke1", BOOT);
    List<NodeEvent> failed = Poll.until("Java hub refuses spoke1's Quick Mode", Duration.ofSeconds(40),
        Duration.ofMillis(100), () -> javaHub.onLoop(() -> javaHub.node().events().events().stream()
            .filter(e -> e.kind() == NodeEventKind.IPSEC_PHASE2_FAILED).toList()), l -> !l.isEmpty());
    Reporter.log("Java hub events:\n" + javaHub.onLoop(() -> javaHub.node().events().events().stream()
        .map(Object::toString).collect(Collectors.joining("\n"))), true);
    assertTrue(failed.get(0).text().contains("no IPsec proposal chosen"), failed.toString());
    assertTrue(failed.get(0).text().contains(LINUX_SPOKE_NBMA.toString()), failed.toString());
    assertTrue(javaHub.onLoop(() -> javaHub.node().events().count(NodeEventKind.IKE_PHASE1_UP)) >= 1,
        "Main Mode itself succeeds");
    assertEquals((int) javaHub.onLoop(() -> javaHub.node().events().count(NodeEventKind.IPSEC_SA_UP)), 0,
        "no IPsec SA pair");
    assertFalse(javaHub.onLoop(() -> javaHub.tunnel().protection().hasSas(LINUX_SPOKE_NBMA)));
    assertEquals(javaHub.onLoop(() -> javaHub.tunnel().nhrp().cache().lookup(LINUX_SPOKE_TUNNEL)), null,
        "spoke1 never registered");
    String sas = lab.exec("spoke1", "swanctl --list-sas --raw");
    List<IkeSaStatus> parsed = IkeSaStatus.parseListSas(sas);
    assertTrue(parsed.stream().allMatch(sa -> sa.children().stream().noneMatch(ChildSaStatus::installed)),
        "charon installed no child SA: " + sas);
    assertEquals(javaHub.failures(), List.of(), "exceptions inside the Java hub's tasks");
  }

  /**
   * The other direction: a Java spoke in tunnel mode initiates towards the Linux hub ({@code mode = transport})
   * and offers Encapsulation Mode 1. An IOS hub with {@code mode transport} would accept that and run tunnel mode;
   * charon does not: it finds no child config for a tunnel-mode GRE selector ("no matching CHILD_SA config found
   * for 172.16.0.21/32[gre] === 172.16.0.1/32[gre]" in its log) and answers INVALID-ID-INFORMATION, so the Java
   * spoke's Quick Mode fails and it never registers (observed 2026-12-04, strongSwan of the UML guests).
   */
  @Test(groups = "interop")
  public void tunnelOfferToATransportModeLinuxHubIsRefusedByCharon() throws Exception {
    hubLab.awaitReady("hub", BOOT);
    try (JavaNodeOnProbe spoke = JavaNodeOnProbe.create("java-tunnel-spoke", hubLab.probeInterface(),
        "02:00:00:00:00:21", "172.16.0.21/24", NhrpConfig.builder("10.0.0.21/24", "172.16.0.21")
            .nhs("10.0.0.1", "172.16.0.1").map("10.0.0.1", "172.16.0.1").multicast("172.16.0.1"), EspMode.TUNNEL)) {
      spoke.start();
      List<NodeEvent> failed = Poll.until("the Linux hub refuses the Java spoke's Quick Mode",
          Duration.ofSeconds(40), Duration.ofMillis(100), () -> spoke.onLoop(() -> spoke.node().events().events()
              .stream().filter(e -> e.kind() == NodeEventKind.IPSEC_PHASE2_FAILED).toList()), l -> !l.isEmpty());
      String log = tail(hubLab.outDir().resolve("hub-charon.log"));
      Reporter.log("Java tunnel-mode spoke: " + failed + "\nhub charon log:\n" + log, true);
      assertTrue(failed.get(0).text().contains("INVALID-ID-INFORMATION"), failed.toString());
      assertTrue(log.contains("no matching CHILD_SA config found for 172.16.0.21/32[gre] === 172.16.0.1/32[gre]"),
          log);
      assertEquals((int) spoke.onLoop(() -> spoke.node().events().count(NodeEventKind.IPSEC_SA_UP)), 0);
      assertFalse(spoke.onLoop(() -> spoke.tunnel().nhrp().registrar(Ipv4Address.parse("10.0.0.1")).registered()),
          "never registered");
      String sas = hubLab.exec("hub", "swanctl --list-sas --raw");
      assertTrue(IkeSaStatus.parseListSas(sas).stream()
          .allMatch(sa -> sa.children().stream().noneMatch(ChildSaStatus::installed)), "no child SA: " + sas);
      assertEquals(spoke.failures(), List.of(), "exceptions inside the Java spoke's tasks");
    }
  }

  private static String tail(Path log) throws java.io.IOException {
    if (!Files.exists(log)) {
      return "(no " + log + ")";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @AfterClass(alwaysRun = true)
  public void stop() throws Exception {
    String probe = lab == null ? null : lab.probeInterface();
    try {
      if (javaHub != null) {
        javaHub.close();
      }
    } finally {
      try {
        if (lab != null) {
          lab.close();
        }
      } finally {
        if (hubLab != null) {
          hubLab.close();
        }
      }
    }
    if (probe != null) {
      assertFalse(Files.exists(Path.of("/sys/class/net", probe)), probe + " removed");
    }
  }
}
