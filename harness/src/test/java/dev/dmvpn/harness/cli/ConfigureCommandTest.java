package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.rack.Rack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * {@code configure} against an emulated sv9-4 on loopback: a clean push of the document's configuration (a
 * {@code show run} capture) saved to NVRAM, a refused line named with its number and the device's error, the same
 * with {@code --rollback} leaving {@code show running-config} as it was, and the usage, session and help exits.
 */
public class ConfigureCommandTest {
  private static final Map<String, String> ENV =
      Map.of("T_USER", "admin", "T_PASS", "vty-pass-4711", "T_ENABLE", "enable-sec-0815", "T_WRONG", "nope");
  private ExecutorScheduler scheduler;
  private Rack rack;
  private Path dir;

  private record Run(int status, String out, String err) {}

  @BeforeClass
  public void start() throws Exception {
    scheduler = ExecutorScheduler.realTime("configure-test");
    rack = Rack.start(List.of(new RackRouter("sv9-4", Chassis.sv94(),
        "hostname sv9-4\nenable secret enable-sec-0815\nusername admin password vty-pass-4711\n"
            + "line vty 0 4\n login local\nend\n")), scheduler, "hostname ts\nend\n", 0, 0, 0);
    ExecCommand.environment = ENV;
    dir = Files.createTempDirectory("configure-test-");
  }

  @AfterClass(alwaysRun = true)
  public void stop() throws Exception {
    ExecCommand.environment = System.getenv();
    rack.close();
    scheduler.close();
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  private Run run(String command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(command, "--host", "127.0.0.1", "--port",
        String.valueOf(rack.vtyPort("sv9-4")), "--protocol", "telnet", "--username-env", "T_USER",
        "--password-env", "T_PASS", "--enable-env", "T_ENABLE"));
    all.addAll(List.of(args));
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Run(status, out.toString(), err.toString());
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private String showRun() {
    Run r = run("exec", "--", "show running-config");
    assertEquals(r.status(), 0, r.err());
    return r.out();
  }

  @Test
  public void theDocumentsConfigurationIsPushedAndSaved() {
    Path doc = Path.of(System.getProperty("project.root", ".."), "reference-impl", "src", "main", "resources",
        "configs", "sv9-4.ios");
    Run r = run("configure", "--file", doc.toString(), "--save");
    assertEquals(r.status(), ExecCommand.EXIT_OK, r.err());
    assertTrue(r.out().matches("(?s)configure: \\d+ lines applied to 127\\.0\\.0\\.1:\\d+ in \\d+ ms\n"
        + "configure: saved \\(\\[OK\\]\\)\n"), r.out());
    Run startup = run("exec", "--", "show startup-config");
    assertTrue(startup.out().contains("interface Tunnel0"), startup.out());
    assertFalse(r.out().contains("vty-pass-4711") || r.err().contains("vty-pass-4711"));
  }

  @Test
  public void aRefusedLineExitsOneNamingItsNumberTextAndTheDevicesError() throws IOException {
    Path f = file("bad.cfg", "ip domain name first.example\ninterface Loopback3\n ip adress 10.3.3.3 255.255.255.255\n"
        + "ip domain name never-sent.example\n");
    Run r = run("configure", "--file", f.toString());
    assertEquals(r.status(), ExecCommand.EXIT_DEVICE_ERROR, r.out() + r.err());
    assertTrue(r.err().startsWith("configure: " + f + ":3: 'ip adress 10.3.3.3 255.255.255.255' refused by 127.0.0.1:"
        + rack.vtyPort("sv9-4") + ": % Invalid input detected at '^' marker.\n"), r.err());
    assertTrue(r.err().contains("^"), "the device's caret line: " + r.err());
    assertTrue(r.err().contains("2 lines before it were applied"), r.err());
    String run = showRun();
    assertTrue(run.contains("ip domain name first.example"), "no rollback asked: the first line stays");
    assertFalse(run.contains("never-sent"), "lines after the refused one are not sent");
  }

  @Test(dependsOnMethods = "aRefusedLineExitsOneNamingItsNumberTextAndTheDevicesError")
  public void withRollbackTheRunningConfigIsAsBefore() throws IOException {
    String before = showRun();
    Path f = file("rollback.cfg", "hostname spoke7\nip domain name second.example\ninterface Loopback4\n"
        + " ip address 10.4.4.4 255.255.255.255\n description rollback test\n ip adress 10.4.4.5 255.255.255.255\n");
    Run r = run("configure", "--file", f.toString(), "--rollback");
    assertEquals(r.status(), ExecCommand.EXIT_DEVICE_ERROR, r.out() + r.err());
    assertTrue(r.err().contains(":6: 'ip adress 10.4.4.5 255.255.255.255' refused"), r.err());
    assertTrue(r.err().contains("configure: rollback: show running-config is the one of before the push"), r.err());
    assertEquals(showRun(), before);
  }

  @Test
  public void sessionAndUsageFailures() throws IOException {
    Path f = file("ok.cfg", "ip domain name ok.example\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int wrong = Main.run(new PrintWriter(out), new PrintWriter(err), "configure", "--host", "127.0.0.1", "--port",
        String.valueOf(rack.vtyPort("sv9-4")), "--protocol", "telnet", "--username-env", "T_USER", "--password-env",
        "T_PASS", "--enable-env", "T_WRONG", "--file", f.toString());
    assertEquals(wrong, ExecCommand.EXIT_SESSION);
    assertTrue(err.toString().contains("% Bad secrets"), err.toString());
    assertEquals(run("configure", "--file", dir.resolve("missing.cfg").toString()).status(), 2);
    Run noFile = run("configure");
    assertEquals(noFile.status(), 2);
    assertTrue(noFile.err().contains("--file"), noFile.err());
    assertEquals(run("configure", "--file", f.toString(), "--testbed", "x.yaml").status(), 2,
        "either the testbed or host/port/protocol");
    StringWriter helpOut = new StringWriter();
    assertEquals(Main.run(new PrintWriter(helpOut), new PrintWriter(new StringWriter()), "configure", "--help"), 0);
    assertTrue(helpOut.toString().contains("--rollback") && helpOut.toString().contains("--testbed"),
        helpOut.toString());
    StringWriter version = new StringWriter();
    assertEquals(Main.run(new PrintWriter(version), new PrintWriter(new StringWriter()), "configure", "--version"),
        0);
    assertTrue(version.toString().startsWith("dmvpn-harness "), version.toString());
  }

  @Test
  public void aTestbedDeviceIsConfiguredThroughItsVty() throws IOException {
    Path testbed = file("rack.yaml", String.join("\n",
        "testbed:",
        "  name: configure-test",
        "devices:",
        "  sv9-4:",
        "    os: ios",
        "    platform: 2691",
        "    credentials:",
        "      default: {username: admin, password: {env: T_PASS}}",
        "      enable: {password: {env: T_ENABLE}}",
        "    connections:",
        "      vty: {protocol: telnet, host: 127.0.0.1, port: " + rack.vtyPort("sv9-4") + "}",
        ""));
    Path f = file("tb.cfg", "ip domain name testbed.example\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), "configure", "--testbed", testbed.toString(),
        "--device", "sv9-4", "--file", f.toString());
    assertEquals(status, 0, err.toString());
    assertTrue(out.toString().startsWith("configure: 1 lines applied to sv9-4 in "), out.toString());
  }
}
