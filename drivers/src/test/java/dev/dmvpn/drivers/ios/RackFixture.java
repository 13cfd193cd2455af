package dev.dmvpn.drivers.ios;

import dev.dmvpn.ref.time.ExecutorScheduler;
import dev.dmvpn.virtualrack.rack.Rack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One emulated router (sv9-4 unless named) on loopback with a local user and an enable secret (test values, not lab secrets). */
final class RackFixture implements AutoCloseable {
  static final String USER = "admin";
  static final String PASSWORD = "vty-pass-4711";
  static final String ENABLE = "enable-sec-0815";
  static final Credentials CREDENTIALS = new Credentials(USER, PASSWORD, ENABLE);

  final ExecutorScheduler scheduler;
  final Rack rack;

  final String name;

  RackFixture() throws IOException {
    this("sv9-4", Chassis.sv94());
  }

  /** One router named {@code name} on {@code chassis} (the hub sv9-2 is a 3725 with a BRI module). */
  RackFixture(String name, Chassis chassis) throws IOException {
    this.name = name;
    scheduler = ExecutorScheduler.realTime("drivers-test");
    rack = Rack.start(List.of(new RackRouter(name, chassis,
        "hostname " + name + "\nenable secret " + ENABLE + "\nusername " + USER + " password " + PASSWORD
            + "\nline vty 0 4\n login local\nend\n")), scheduler, "hostname ts\nend\n", 0, 0, 0);
  }

  int vtyPort() {
    return rack.vtyPort(name);
  }

  int sshPort() {
    return rack.sshPort(name);
  }

  /** The document's configuration of a router, header lines ({@code show run} exec output) left out. */
  static List<String> documentConfig(String router) {
    Path p = Path.of(System.getProperty("project.root", ".."), "reference-impl", "src", "main", "resources",
        "configs", router + ".ios");
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.contains("#show run") && !l.startsWith("Building configuration")
              && !l.startsWith("Current configuration :"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  @Override
  public void close() throws IOException {
    rack.close();
    scheduler.close();
  }
}
