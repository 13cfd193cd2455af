package dev.dmvpn.harness.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.harness.scenario.rack.VirtualRack;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The lifecycle on the virtual document rack, through the drivers: a configured router is not in a known state
 * (the check reads {@code show running-config}), a failed phase is recorded with its reason and the tear-down
 * still closes the rack's ports, writes {@code steps.txt} and leaves the secrets out of every artifact.
 */
public class ScenarioLifecycleTest {

  @Test
  public void aFailedPhaseIsRecordedAndTheRackIsStillTornDown() throws Exception {
    Path runDir = Files.createTempDirectory("scenario");
    List<String> events = new ArrayList<>();
    ScenarioListener recorder = new ScenarioListener() {
      @Override
      public void stepStarted(String step) {
        events.add("start " + step);
      }

      @Override
      public void stepFinished(StepResult r) {
        events.add((r.ok() ? "ok " : "failed ") + r.name());
      }
    };
    Scenario s = Scenario.start(ScenarioSettings.virtualDocumentRack(runDir), recorder);
    int hubConsole;
    String psk;
    String nhrpKey;
    try {
      VirtualRack rack = (VirtualRack) s.rack();
      hubConsole = rack.running().rack().consolePort("sv9-2");
      // the drivers get the testbed pointed at the rack, and per-run secrets for the lab's variables
      var console = (dev.dmvpn.topology.Connection.Console) rack.testbed().device("sv9-2").orElseThrow()
          .connections().get("console");
      assertEquals(console.host(), "127.0.0.1");
      assertEquals(console.port(), hubConsole);
      assertEquals(console.line().orElseThrow(), Integer.valueOf(1));
      psk = rack.secrets().resolve(new dev.dmvpn.topology.SecretRef.Env("DMVPN_PSK")).reveal();
      nhrpKey = rack.secrets().resolve(new dev.dmvpn.topology.SecretRef.Env("DMVPN_NHRP_KEY")).reveal();
      assertEquals(psk.length(), 8);
      assertFalse(psk.equals("cisco123"), "not the document's key");
      s.connect();
      s.checkKnownState();
      s.pushConfigs();
      s.verifyRunningConfigs();
      // configured now: the same check must refuse it, naming the device and what it found
      ScenarioException e = expectThrows(ScenarioException.class, s::checkKnownState);
      assertTrue(e.getMessage().startsWith("known state: sv9-2 is not in a known state: its running-config has"
          + " 'interface Tunnel'"), e.getMessage());
    } finally {
      s.close();
    }
    assertEquals(events.subList(0, 6), List.of("start load testbed", "ok load testbed", "start create run directory",
        "ok create run directory", "start start rack", "ok start rack"));
    assertTrue(events.contains("failed known state"), events.toString());
    assertEquals(events.get(events.size() - 1), "ok tear down", events.toString());
    assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), hubConsole).close());
    String steps = Files.readString(runDir.resolve("steps.txt"));
    assertTrue(steps.lines().anyMatch(l -> l.startsWith("known state") && l.contains("FAILED sv9-2 is not in a"
        + " known state")), steps);
    assertTrue(steps.lines().anyMatch(l -> l.startsWith("push configs") && l.endsWith("ok")), steps);
    try (var files = Files.walk(runDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(psk) || text.contains(nhrpKey), "a secret in " + f);
      }
    }
    for (String device : List.of("sv9-2", "sv9-3", "sv9-4")) {
      String transcript = Files.readString(runDir.resolve("transcripts").resolve(device + ".log"));
      assertTrue(transcript.contains(">> crypto isakmp key ***** address 0.0.0.0 0.0.0.0"), transcript);
      assertFalse(transcript.matches("(?s).*crypto isakmp key (?!\\*\\*\\*\\*\\*).*"), "a key unmasked: " + device);
      String config = Files.readString(runDir.resolve("configs").resolve(device + ".ios"));
      assertTrue(config.contains("ip nhrp authentication *****"), config);
      String shows = Files.readString(runDir.resolve("shows").resolve(device + ".txt"));
      assertTrue(shows.contains(device + "# show running-config"), shows);
      assertFalse(shows.matches("(?s).*ip nhrp authentication (?!\\*\\*\\*\\*\\*).*"), "NHRP key unmasked: " + device);
    }
  }

  @Test
  public void aTestbedOffTheVirtualWanIsRefusedNamingTheMember() throws Exception {
    Path testbed = Path.of(System.getProperty("project.root", ".."), "topology", "src", "main", "resources", "dev",
        "dmvpn", "topology", "testbeds", "hub-and-3-spokes.yaml");
    ScenarioSettings settings = new ScenarioSettings(java.util.Optional.of(testbed),
        ScenarioSettings.RackKind.VIRTUAL, 10, 1, Files.createTempDirectory("off-wan"), java.time.Duration.ofSeconds(5));
    ScenarioException e = expectThrows(ScenarioException.class, () -> Scenario.start(settings));
    assertTrue(e.getMessage().startsWith("start rack: DMVPN member "), e.getMessage());
    assertTrue(e.getMessage().contains("is on no segment of the virtual WAN"), e.getMessage());
  }

  @Test
  public void aStepThatThrowsIsTimedNamedAndRethrown() {
    StepRecorder steps = new StepRecorder();
    List<StepResult> seen = new ArrayList<>();
    steps.addListener(new ScenarioListener() {
      @Override
      public void stepFinished(StepResult r) {
        seen.add(r);
      }
    });
    ScenarioException e = expectThrows(ScenarioException.class,
        () -> steps.step("connect", () -> {
          throw new java.io.IOException("sv9-4: connection refused");
        }));
    assertEquals(e.getMessage(), "connect: sv9-4: connection refused");
    assertEquals(seen.size(), 1);
    assertEquals(seen.get(0).failure().orElseThrow(), "sv9-4: connection refused");
    assertFalse(seen.get(0).elapsed().isNegative());
    assertEquals(steps.results(), seen);
  }
}
