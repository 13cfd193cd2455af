package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.rack.Rack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** {@code exec} against an emulated sv9-4 on loopback: outputs printed, device errors and bad secrets as exit codes. */
public class ExecCommandTest {
  private static final Map<String, String> ENV =
      Map.of("T_USER", "admin", "T_PASS", "vty-pass-4711", "T_ENABLE", "enable-sec-0815", "T_WRONG", "nope");
  private ExecutorScheduler scheduler;
  private Rack rack;

  private record Run(int status, String out, String err) {}

  @BeforeClass
  public void start() throws Exception {
    scheduler = ExecutorScheduler.realTime("exec-test");
    rack = Rack.start(List.of(new RackRouter("sv9-4", Chassis.sv94(),
        "hostname sv9-4\nenable secret enable-sec-0815\nusername admin password vty-pass-4711\n"
            + "line vty 0 4\n login local\nend\n")), scheduler, "hostname ts\nend\n", 0, 0, 0);
    ExecCommand.environment = ENV;
  }

  @AfterClass(alwaysRun = true)
  public void stop() throws Exception {
    ExecCommand.environment = System.getenv();
    rack.close();
    scheduler.close();
  }

  private Run exec(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("exec", "--host", "127.0.0.1", "--port",
        String.valueOf(rack.vtyPort("sv9-4")), "--protocol", "telnet"));
    all.addAll(List.of(args));
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  public void printsEachCommandsOutput() {
    Run r = exec("--username-env", "T_USER", "--password-env", "T_PASS", "--enable-env", "T_ENABLE", "--",
        "show clock", "show version");
    assertEquals(r.status(), ExecCommand.EXIT_OK, r.err());
    assertTrue(r.out().startsWith("sv9-4#show clock\n"), r.out());
    assertTrue(r.out().contains("sv9-4#show version\nCisco Internetwork Operating System Software"), r.out());
    assertFalse(r.out().contains("vty-pass-4711") || r.err().contains("vty-pass-4711"));
  }

  @Test
  public void sshNeedsAnExplicitHostKeyChoice() {
    String[] common = {"exec", "--host", "127.0.0.1", "--port", String.valueOf(rack.sshPort("sv9-4")), "--protocol",
        "ssh", "--username-env", "T_USER", "--password-env", "T_PASS", "--known-hosts", "/nonexistent/known_hosts"};
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> strictArgs = new ArrayList<>(List.of(common));
    strictArgs.addAll(List.of("--", "show clock"));
    int strict = Main.run(new PrintWriter(out), new PrintWriter(err), strictArgs.toArray(String[]::new));
    assertEquals(strict, ExecCommand.EXIT_SESSION, "strict is the default and there is no known-hosts file");
    assertTrue(err.toString().contains("known-hosts"), err.toString());
    List<String> off = new ArrayList<>(List.of(common));
    off.addAll(List.of("--host-key", "off", "--", "show clock"));
    out = new StringWriter();
    err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), off.toArray(String[]::new));
    assertEquals(status, ExecCommand.EXIT_OK, err.toString());
    assertTrue(out.toString().startsWith("sv9-4>show clock\n"), out.toString());
  }

  @Test
  public void aTestbedDeviceIsReachedByItsVty() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("exec-testbed-");
    java.nio.file.Path file = dir.resolve("rack.yaml");
    java.nio.file.Files.writeString(file, String.join("\n",
        "testbed:",
        "  name: exec-test",
        "devices:",
        "  sv9-4:",
        "    os: ios",
        "    platform: 2691",
        "    credentials:",
        "      default: {username: admin, password: {env: T_USER_PASS}}",
        "      enable: {password: {env: T_ENABLE}}",
        "    connections:",
        "      vty: {protocol: telnet, host: 127.0.0.1, port: " + rack.vtyPort("sv9-4") + "}",
        ""));
    Map<String, String> saved = ExecCommand.environment;
    ExecCommand.environment = Map.of("T_USER_PASS", "vty-pass-4711", "T_ENABLE", "enable-sec-0815");
    try {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status = Main.run(new PrintWriter(out), new PrintWriter(err), "exec", "--testbed", file.toString(),
          "--device", "sv9-4", "--", "show clock");
      assertEquals(status, ExecCommand.EXIT_OK, err.toString());
      assertTrue(out.toString().startsWith("sv9-4#show clock\n"), out.toString());
      int both = Main.run(new PrintWriter(out), new PrintWriter(err), "exec", "--testbed", file.toString(),
          "--device", "sv9-4", "--host", "127.0.0.1", "--", "show clock");
      assertEquals(both, 2, "either the testbed or host/port/protocol");
    } finally {
      ExecCommand.environment = saved;
      java.nio.file.Files.delete(file);
      java.nio.file.Files.delete(dir);
    }
  }

  @Test
  public void aRefusedCommandExitsOneAndStops() {
    Run r = exec("--username-env", "T_USER", "--password-env", "T_PASS", "--", "show foooo", "show clock");
    assertEquals(r.status(), ExecCommand.EXIT_DEVICE_ERROR);
    assertTrue(r.err().contains("% Invalid input detected at '^' marker."), r.err());
    assertFalse(r.out().contains("show clock"), "later commands not run: " + r.out());
  }

  @Test
  public void aWrongSecretOrAMissingVariableAreNamed() {
    Run bad = exec("--username-env", "T_USER", "--password-env", "T_PASS", "--enable-env", "T_WRONG", "--",
        "show clock");
    assertEquals(bad.status(), ExecCommand.EXIT_SESSION);
    assertTrue(bad.err().contains("% Bad secrets"), bad.err());
    Run missing = exec("--username-env", "T_NOPE", "--", "show clock");
    assertEquals(missing.status(), 2);
    assertTrue(missing.err().contains("T_NOPE"), missing.err());
  }
}
