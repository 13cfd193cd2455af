package dev.dmvpn.topology.load;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.HostKeyPolicy;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.Link;
import dev.dmvpn.topology.Platform;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.Testbed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.testng.annotations.Test;

public class TestbedLoaderTest {
  static final Path VALID = Path.of("src/test/resources/topologies/valid");
  static final Path TMP_BASE = Path.of("target");

  private static LoadResult text(String yaml) {
    return TestbedLoader.load("t.yaml", yaml, TMP_BASE);
  }

  @Test
  public void pyatsTestbedLoadsUnchanged() {
    LoadResult r = TestbedLoader.loadAndValidate(VALID.resolve("pyats-testbed.yaml"));

    assertEquals(r.problems(), List.of(), r.report());
    Testbed t = r.testbed().orElseThrow();
    assertEquals(t.name(), "branch-lab");
    assertEquals(t.credentials().get("default").username(), Optional.of("netops"));
    assertEquals(t.credentials().get("default").password(), new SecretRef.Env("LAB_PASSWORD"));
    Device r1 = t.devices().get("r1");
    assertEquals(r1.platform(), Optional.of(Platform.C3725));
    assertEquals(r1.credentials().get("enable").password(), new SecretRef.Env("R1_ENABLE"));
    // pyATS 'a' is the console line through a terminal server; port 2003 is line 3 (IOS reverse telnet 2000+n)
    assertEquals(r1.connections().get("a"), new Connection.Console("10.10.0.5", 2003, Optional.of(3), java.util.Map.of()));
    assertEquals(r1.connections().get("cli"),
        new Connection.Vty(Connection.VtyProtocol.SSH, "10.10.1.1", 22, HostKeyPolicy.STRICT));
    assertFalse(r1.connections().containsKey("defaults"));
    assertEquals(t.devices().get("r2").connections().get("cli"),
        new Connection.Vty(Connection.VtyProtocol.TELNET, "10.10.1.2", 23, HostKeyPolicy.STRICT));
    // Fa0/0 and FastEthernet0/0 are one interface name; Lo0 becomes Loopback0
    assertEquals(r1.interfaces().keySet(), java.util.Set.of("FastEthernet0/0", "Loopback0"));
    assertEquals(r1.interfaces().get("FastEthernet0/0").ipv4(), Optional.of(Ipv4Cidr.parse("10.0.12.1/24")));
    assertEquals(t.links(), List.of(new Link("r1-r2",
        List.of(new Link.Endpoint("r1", "FastEthernet0/0"), new Link.Endpoint("r2", "FastEthernet0/0")))));
    // testbed credentials are the fallback for devices without their own
    assertEquals(t.credential("r2", "default").orElseThrow().username(), Optional.of("netops"));
  }

  @Test
  public void documentRackLoadsWithoutProblems() {
    LoadResult r = TestbedLoader.loadAndValidate(ShippedTestbedsTest.DOCUMENT_RACK);

    assertEquals(r.problems(), List.of(), r.report());
    Testbed t = r.testbed().orElseThrow();
    assertEquals(t.devices().keySet(), java.util.Set.of("sv9-2", "sv9-3", "sv9-4", "wan"));
    assertEquals(t.devices().get("sv9-3").platform(), Optional.of(Platform.C3725));
    assertEquals(t.devices().get("sv9-3").image(), Optional.of("flash:c3725-ik9s-mz.123-3.bin"));
    assertEquals(t.devices().get("sv9-4").defaultGateway(), Optional.of(Ipv4Address.parse("209.168.202.158")));
    Link wanSpokes = t.links().stream().filter(l -> l.name().equals("wan-spokes")).findFirst().orElseThrow();
    assertEquals(wanSpokes.endpoints().stream().map(Link.Endpoint::toString).toList(),
        List.of("sv9-3:FastEthernet0/0", "sv9-4:FastEthernet0/0", "wan:eth1"));
    var dm = t.dmvpn().orElseThrow();
    assertEquals(dm.hub().nbmaAddress(), Ipv4Address.parse("209.168.202.225"));
    assertEquals(dm.spokes().stream().map(s -> s.tunnelAddress().toString()).toList(),
        List.of("192.168.1.2", "192.168.1.3"));
    Connection.Console console = (Connection.Console) t.devices().get("sv9-2").connections().get("console");
    assertEquals(List.of(console.host(), console.port(), console.line()),
        List.of("ts.lab.invalid", 2001, Optional.of(1)));
    assertEquals(console.credentials().get("default").password(), new SecretRef.Env("DMVPN_TS_PASSWORD"));
  }

  @Test
  public void reportsAllProblemsAtOnceInLineOrder() {
    String yaml = String.join("\n",
        "devices:",
        "  r1:",
        "    os: ios",
        "    platform: 2691",
        "    connections:",
        "      vty: {protocol: ssh, host: 192.0.2.1, port: 99999}",
        "    credentials:",
        "      default: {username: u, password: hunter2}",
        "  r2: {os: ios, platform: 1841}",
        "topology:",
        "  r1: {interfaces: {Fa0/0: {ipv4: 10.0.0.1/24, lnk: x}}}",
        "");
    LoadResult r = text(yaml);
    assertEquals(r.problems().stream().map(TestbedProblem::toString).toList(), List.of(
        "t.yaml:6: devices.r1.connections.vty.port: 99999 is out of range 1..65535",
        "t.yaml:8: devices.r1.credentials.default.password: a literal password is not allowed in a testbed; "
            + "reference it as {env: VARIABLE}, {file: PATH} or \"%ENV{VARIABLE}\"",
        "t.yaml:9: devices.r2.platform: '1841' is not one of: 2691, 3725 (or c2691, c3725)",
        "t.yaml:11: topology.r1.interfaces.Fa0/0.lnk: unknown key (did you mean 'link'?); allowed here: alias, "
            + "description, filled, ipv4, ipv6, link, type"));
    assertFalse(r.report().contains("hunter2"), "a literal password must not be echoed");
  }

  @Test
  public void pyatsLegacyPasswordsBecomeCredentials() {
    LoadResult r = text(String.join("\n",
        "devices:",
        "  r1:",
        "    os: ios",
        "    tacacs: {username: netops}",
        "    passwords: {tacacs: '%ENV{R1_LOGIN}', enable: '%ENV{R1_ENABLE}'}",
        "    connections:",
        "      cli: {protocol: ssh, ip: 10.0.0.1, credentials: {default: {username: x, password: '%ENV{CLI}'}}}",
        ""));
    assertEquals(r.problems(), List.of(), r.report());
    Device r1 = r.testbed().orElseThrow().devices().get("r1");
    assertEquals(r1.credentials().get("default"),
        new dev.dmvpn.topology.Credential(Optional.of("netops"), new SecretRef.Env("R1_LOGIN")));
    assertEquals(r1.credentials().get("enable"),
        new dev.dmvpn.topology.Credential(Optional.empty(), new SecretRef.Env("R1_ENABLE")));
    assertEquals(((Connection.Vty) r1.connections().get("cli")).credentials().get("default").password(),
        new SecretRef.Env("CLI"));
  }

  @Test
  public void hostKeyOffIsAWordNotABoolean() {
    LoadResult r = text("devices:\n  r1:\n    os: ios\n    connections:\n      vty: {protocol: ssh, host: h, host_key: off}\n");
    assertEquals(r.problems(), List.of(), r.report());
    assertEquals(((Connection.Vty) r.testbed().orElseThrow().devices().get("r1").connections().get("vty"))
        .hostKeyPolicy(), HostKeyPolicy.OFF);
  }

  @Test
  public void emptyAndNonMappingDocumentsAreProblemsNotExceptions() {
    assertEquals(text("").problems().get(0).toString(), "t.yaml:0: (file): the file is empty");
    assertEquals(text("- a\n- b\n").problems().get(0).toString(),
        "t.yaml:1: (file): expected a mapping (key: value lines), found a list");
    assertEquals(text("testbed: {name: x}\n").problems().get(0).toString(),
        "t.yaml:1: devices: required field is missing");
    assertTrue(text("devices: {r1: {os: ios}}\n---\nb: 2\n").report()
        .contains("t.yaml:3: (file): more than one YAML document; a testbed is one"));
  }

  @Test
  public void garbageBytesAreReportedNotThrown() throws Exception {
    Path f = Files.createTempFile(TMP_BASE, "garbage", ".yaml");
    try {
      byte[] junk = new byte[4096];
      new java.util.Random(7).nextBytes(junk);
      Files.write(f, junk);
      LoadResult r = TestbedLoader.load(f);
      assertTrue(r.testbed().isEmpty());
      assertEquals(r.problems().size(), 1);
      assertEquals(r.problems().get(0).toString(), f + ":0: (file): the file is not UTF-8 text");
      for (long seed = 0; seed < 200; seed++) {
        // printable garbage: whatever it parses to, the loader answers with problems or a model, never throws
        java.util.Random rnd = new java.util.Random(seed);
        StringBuilder b = new StringBuilder();
        String alphabet = "ab:- {}[],&*!|>'\"\n  #%@`?";
        for (int i = 0; i < 300; i++) {
          b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        LoadResult g = text(b.toString());
        assertTrue(g.testbed().isPresent() || !g.problems().isEmpty(), "seed " + seed);
      }
    } finally {
      Files.delete(f);
    }
  }

  @Test
  public void hugeFilesAreRefusedBeforeParsing() throws Exception {
    Path f = Files.createTempFile(TMP_BASE, "huge", ".yaml");
    try {
      StringBuilder b = new StringBuilder("devices:\n");
      int i = 0;
      while (b.length() <= TestbedLoader.MAX_CHARS) {
        b.append("  r").append(i++).append(": {os: ios}\n");
      }
      Files.writeString(f, b, StandardCharsets.UTF_8);
      LoadResult r = TestbedLoader.load(f);
      assertEquals(r.problems().size(), 1);
      assertTrue(r.problems().get(0).message().startsWith("the file is " + Files.size(f) + " bytes"),
          r.report());
    } finally {
      Files.delete(f);
    }
  }

  @Test
  public void deepNestingIsAProblemNotAStackOverflow() {
    String yaml = "devices: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    LoadResult r = text(yaml);
    assertTrue(r.testbed().isEmpty() || !r.problems().isEmpty());
    assertEquals(r.problems().get(0).field(), "(file)", r.report());
  }

  @Test
  public void missingFileIsOneProblem() {
    LoadResult r = TestbedLoader.load(Path.of("target/no-such-testbed.yaml"));
    assertEquals(r.problems().size(), 1);
    assertTrue(r.problems().get(0).message().startsWith("cannot read the file"), r.report());
  }

  @Test
  public void relativeCredentialFilesResolveAgainstTheTestbedsDirectory() {
    LoadResult r = TestbedLoader.load(VALID.resolve("secrets-from-file.yaml"));
    assertEquals(r.problems(), List.of(), r.report());
    SecretRef ref = r.testbed().orElseThrow().devices().get("r1").credentials().get("default").password();
    assertEquals(ref, new SecretRef.File(VALID.toAbsolutePath().resolve("r1.secret")));
  }
}
