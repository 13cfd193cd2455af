package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.transport.TelnetOptions;
import dev.dmvpn.drivers.transport.TelnetTransport;
import java.io.IOException;
import java.util.List;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** The driver against an emulated IOS 12.3 VTY over real telnet on loopback. */
public class TelnetVtyTest {
  private RackFixture fixture;

  @BeforeMethod
  public void start() throws IOException {
    fixture = new RackFixture();
  }

  @AfterMethod(alwaysRun = true)
  public void stop() throws IOException {
    fixture.close();
  }

  private IosSession open(Credentials credentials, StringBuilder transcript) throws IOException {
    return IosSession.open(TelnetTransport.connect("127.0.0.1", fixture.vtyPort(), TelnetOptions.DEFAULT),
        credentials, SessionOptions.IOS_DEFAULT, new Transcript(transcript));
  }

  @Test
  public void loginEnableAndShowVersion() throws IOException {
    StringBuilder transcript = new StringBuilder();
    try (IosSession s = open(RackFixture.CREDENTIALS, transcript)) {
      assertEquals(s.prompt().toString(), "sv9-4>");
      s.enable();
      assertEquals(s.prompt().mode(), IosMode.PRIVILEGED_EXEC);
      CommandResult r = s.execute("show version");
      assertTrue(r.output().startsWith("Cisco Internetwork Operating System Software"), r.output());
      assertTrue(r.output().contains("2691"), r.output());
      assertFalse(r.output().contains("sv9-4#"), "prompt stripped");
    }
    // the transcript saw the whole dialog but neither secret
    assertTrue(transcript.toString().contains("Username:"), transcript.toString());
    assertTrue(transcript.toString().contains(">> *****"), transcript.toString());
    assertFalse(transcript.toString().contains(RackFixture.PASSWORD));
    assertFalse(transcript.toString().contains(RackFixture.ENABLE));
  }

  @Test
  public void wrongEnableSecretNamesTheDevicesError() throws IOException {
    try (IosSession s = open(new Credentials(RackFixture.USER, RackFixture.PASSWORD, "wrong"), new StringBuilder())) {
      DriverException e = expectThrows(DriverException.class, s::enable);
      assertTrue(e.getMessage().contains("% Bad secrets"), e.getMessage());
      assertEquals(s.prompt().mode(), IosMode.USER_EXEC, "the session is still usable");
      assertTrue(s.execute("show clock").output().contains("UTC"));
    }
  }

  @Test
  public void wrongLoginPasswordFailsFast() throws IOException {
    DriverException e = expectThrows(DriverException.class,
        () -> open(new Credentials(RackFixture.USER, "nope", null), new StringBuilder()));
    assertTrue(e.getMessage().contains("Login invalid") || e.getMessage().contains("refused the login"),
        e.getMessage());
  }

  @Test
  public void invalidCommandFailsWithTheDevicesText() throws IOException {
    try (IosSession s = open(RackFixture.CREDENTIALS, new StringBuilder())) {
      s.enable();
      CommandFailedException e = expectThrows(CommandFailedException.class, () -> s.execute("show foooo"));
      assertEquals(e.result().error().orElseThrow().message(), "% Invalid input detected at '^' marker.");
      assertTrue(e.result().error().orElseThrow().deviceText().contains("^"));
      CommandFailedException inc = expectThrows(CommandFailedException.class, () -> s.execute("show"));
      assertEquals(inc.result().error().orElseThrow().message(), "% Incomplete command.");
      CommandFailedException amb = expectThrows(CommandFailedException.class, () -> s.execute("c"));
      assertTrue(amb.result().error().orElseThrow().message().startsWith("% Ambiguous command:"));
      CommandFailedException unknown = expectThrows(CommandFailedException.class, () -> s.execute("frobnicate"));
      assertEquals(unknown.result().error().orElseThrow().message(),
          "% Unknown command or computer name, or unable to find computer address");
    }
  }

  @Test
  public void documentsSv94ConfigIsAcceptedLineByLine() throws IOException {
    List<String> lines = RackFixture.documentConfig("sv9-4");
    long expected = lines.stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("!") && !l.equals("end")).count();
    try (IosSession s = open(RackFixture.CREDENTIALS, new StringBuilder())) {
      s.enable();
      ConfigureResult r = s.configure(lines);
      assertTrue(r.ok(), r.rejected() + " " + r.connectionFailure());
      assertEquals(r.applied().size(), expected);
      assertEquals(s.prompt().toString(), "sv9-4#");
      String run = s.execute("show running-config").output();
      assertTrue(run.contains("interface Tunnel0"), run);
      assertTrue(run.contains("ip nhrp network-id"), run);
    }
  }

  @Test
  public void documentsHubConfigIsAcceptedOnTheHubsChassis() throws IOException {
    List<String> lines = RackFixture.documentConfig("sv9-2");
    try (RackFixture hub = new RackFixture("sv9-2", dev.dmvpn.virtualrack.router.Chassis.sv92());
        IosSession s = IosSession.open(TelnetTransport.connect("127.0.0.1", hub.vtyPort(), TelnetOptions.DEFAULT),
            RackFixture.CREDENTIALS, SessionOptions.IOS_DEFAULT, Transcript.none())) {
      s.enable();
      ConfigureResult r = s.configure(lines);
      assertTrue(r.ok(), r.rejected() + " " + r.connectionFailure());
      assertTrue(r.applied().stream().anyMatch(l -> l.line().equals("interface BRI1/0")));
      assertEquals(s.prompt().toString(), "sv9-2#");
    }
  }

  @Test
  public void rejectedLineIsReportedWithItsNumberAndStopsThePush() throws IOException {
    List<String> lines = List.of("interface Tunnel0", " ip address 10.0.0.4 255.255.255.0", "",
        " ip nhrp frobnicate 5", " ip nhrp holdtime 300");
    try (IosSession s = open(RackFixture.CREDENTIALS, new StringBuilder())) {
      s.enable();
      ConfigureResult r = s.configure(lines);
      assertFalse(r.ok());
      assertEquals(r.applied().stream().map(ConfigureResult.AppliedLine::number).toList(), List.of(1, 2));
      assertEquals(r.rejected().orElseThrow().number(), 4);
      assertEquals(r.rejected().orElseThrow().error().message(), "% Invalid input detected at '^' marker.");
      assertEquals(s.prompt().mode(), IosMode.PRIVILEGED_EXEC);
      assertFalse(s.execute("show running-config").output().contains("holdtime 300"), "line 5 never sent");
    }
  }

  @Test
  public void hostnameChangeMidSessionIsLearned() throws IOException {
    try (IosSession s = open(RackFixture.CREDENTIALS, new StringBuilder())) {
      s.enable();
      ConfigureResult r = s.configure(List.of("hostname spoke-4", "interface Tunnel0"));
      assertTrue(r.ok(), r.toString());
      assertEquals(s.prompt().toString(), "spoke-4#");
      assertTrue(s.execute("show running-config").output().contains("hostname spoke-4"));
    }
  }

  @Test
  public void saveAnswersTheDestinationDialogAndWriteMemoryWorks() throws IOException {
    try (IosSession s = open(RackFixture.CREDENTIALS, new StringBuilder())) {
      s.enable();
      s.configure(List.of("interface Tunnel0", " description saved-by-driver"));
      SaveResult saved = s.save();
      assertTrue(saved.ok(), saved.output());
      assertTrue(saved.output().contains("Destination filename [startup-config]?"), saved.output());
      assertTrue(s.execute("show startup-config").output().contains("description saved-by-driver"));
      assertTrue(s.writeMemory().ok());
    }
  }
}
