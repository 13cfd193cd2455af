package dev.dmvpn.harness.scenario.rack;

import dev.dmvpn.harness.scenario.capture.CaptureSession;
import dev.dmvpn.harness.scenario.capture.SegmentCapture;
import dev.dmvpn.ref.node.scenario.ScenarioKeys;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.virtual.DropReason;
import dev.dmvpn.ref.wire.virtual.FaultProfile;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import dev.dmvpn.topology.CapturePoint;
import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DeviceInterface;
import dev.dmvpn.topology.HostKeyPolicy;
import dev.dmvpn.topology.OsType;
import dev.dmvpn.topology.Platform;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.secrets.SecretResolver;
import dev.dmvpn.virtualrack.rack.DocumentWanRack;
import dev.dmvpn.virtualrack.rack.RackRouter;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A testbed's IOS devices as emulated routers on the document's virtual WAN, started blank (never saved: the state
 * a real router is in after {@code erase startup-config} and a reload), on a scaled clock. The testbed the drivers
 * get is the file's with every connection pointed at the rack's loopback endpoints (consoles on the terminal
 * server's lines in device order, VTYs on each router's port) and every environment secret replaced by a random
 * per-run value ({@link RunSecrets}), so no lab secret is needed and none is written. Capture points are mapped to
 * the WAN segment holding the captured interface's address.
 */
public final class VirtualRack implements RackUnderTest {
  private static final String LOOPBACK = "127.0.0.1";

  private final DocumentWanRack running;
  private final Testbed source;
  private final Testbed reachable;
  private final SecretResolver secrets;
  private final double timeScale;
  private final List<String> routers;

  private VirtualRack(DocumentWanRack running, Testbed source, Testbed reachable, SecretResolver secrets,
      double timeScale, List<String> routers) {
    this.running = running;
    this.source = source;
    this.reachable = reachable;
    this.secrets = secrets;
    this.timeScale = timeScale;
    this.routers = routers;
  }

  /**
   * Boots every IOS device of {@code testbed} blank. Its DMVPN members' tunnel sources must lie on the document's
   * WAN (209.168.202.224/27 and 209.168.202.128/27), the only virtual WAN built so far.
   */
  public static VirtualRack start(Testbed testbed, double timeScale, long seed) throws IOException {
    List<RackRouter> specs = new ArrayList<>();
    for (Device d : testbed.devices().values()) {
      if (d.os() == OsType.IOS) {
        specs.add(new RackRouter(d.name(), chassis(d), null));
      }
    }
    if (specs.isEmpty()) {
      throw new IOException("testbed " + testbed.name() + " has no IOS device to emulate");
    }
    RunSecrets runSecrets = RunSecrets.forTestbed(testbed);
    DocumentWanRack running = DocumentWanRack.start(specs, terminalServerStartup(testbed, runSecrets), timeScale,
        0, seed);
    List<String> names = specs.stream().map(RackRouter::name).toList();
    try {
      requireOnTheWan(testbed, running);
    } catch (IOException e) {
      running.close();
      throw e;
    }
    Map<String, Device> devices = new LinkedHashMap<>();
    for (Device d : testbed.devices().values()) {
      devices.put(d.name(), d.os() == OsType.IOS ? reachable(d, running, names.indexOf(d.name()) + 1) : d);
    }
    Testbed reachable = new Testbed(testbed.name(), devices, testbed.links(), testbed.credentials(),
        testbed.captures(), testbed.dmvpn(), testbed.filled());
    return new VirtualRack(running, testbed, reachable, runSecrets.resolver(), timeScale, names);
  }

  private static void requireOnTheWan(Testbed testbed, DocumentWanRack running) throws IOException {
    for (var m : testbed.dmvpn().map(dm -> dm.members()).orElse(List.of())) {
      if (running.segmentFor(InterfaceAddress.parse(m.nbmaAddress() + "/32")) == null) {
        throw new IOException("DMVPN member " + m.device() + "'s NBMA address " + m.nbmaAddress() + " is on no"
            + " segment of the virtual WAN (209.168.202.224/27, 209.168.202.128/27, the document's): the virtual"
            + " rack has no other WAN yet");
      }
    }
  }

  /** A 3725 as the document's sv9-3, a 2691 (or an unstated platform) with the interfaces of the document's 2691s. */
  private static Chassis chassis(Device d) {
    if (d.platform().orElse(Platform.C2691) == Platform.C3725) {
      return Chassis.sv93();
    }
    return d.interfaces().keySet().stream().anyMatch(i -> i.startsWith("BRI")) ? Chassis.sv92() : Chassis.sv94();
  }

  /**
   * The terminal server's own configuration: the first console connection's login (username and password, or a
   * line password) so that {@code clear line} works as on the lab's access server.
   */
  private static String terminalServerStartup(Testbed t, RunSecrets s) {
    for (Device d : t.devices().values()) {
      for (Connection c : d.connections().values()) {
        if (c instanceof Connection.Console console && console.credentials().containsKey("default")) {
          var cred = console.credentials().get("default");
          String password = s.valueOf(cred.password());
          return cred.username()
              .map(u -> "hostname ts\nusername " + u + " password " + password + "\nline vty 0 4\n login local\nend\n")
              .orElse("hostname ts\nline vty 0 4\n password " + password + "\n login\nend\n");
        }
      }
    }
    return "hostname ts\nline vty 0 4\n no login\nend\n";
  }

  /** The device with its connections on loopback; one without a console gets one (every rack router has a line). */
  private static Device reachable(Device d, DocumentWanRack running, int line) {
    Map<String, Connection> connections = new LinkedHashMap<>();
    if (d.connections().values().stream().noneMatch(c -> c instanceof Connection.Console)) {
      connections.put("console", new Connection.Console(LOOPBACK, running.rack().consolePort(d.name()),
          Optional.of(line), Map.of()));
    }
    for (Map.Entry<String, Connection> e : d.connections().entrySet()) {
      Connection c = e.getValue();
      if (c instanceof Connection.Console console) {
        connections.put(e.getKey(), new Connection.Console(LOOPBACK, running.rack().consolePort(d.name()),
            Optional.of(line), console.credentials()));
      } else if (c instanceof Connection.Vty vty && vty.protocol() == Connection.VtyProtocol.TELNET) {
        connections.put(e.getKey(), new Connection.Vty(vty.protocol(), LOOPBACK, running.rack().vtyPort(d.name()),
            vty.hostKeyPolicy(), vty.credentials()));
      } else if (c instanceof Connection.Vty vty) {
        connections.put(e.getKey(), new Connection.Vty(vty.protocol(), LOOPBACK, running.rack().sshPort(d.name()),
            HostKeyPolicy.OFF, vty.credentials()));
      }
    }
    return new Device(d.name(), d.hostname(), d.os(), d.platform(), d.image(), connections, d.credentials(),
        d.interfaces(), d.defaultGateway());
  }

  @Override
  public Testbed testbed() {
    return reachable;
  }

  @Override
  public SecretResolver secrets() {
    return secrets;
  }

  /** The segment holding the captured interface's address (the WAN router's eth0 / eth1 in the document rack). */
  @Override
  public CaptureSession startCapture(CapturePoint point, Path file) throws IOException {
    DeviceInterface i = source.device(point.device()).map(d -> d.interfaces().get(point.interfaceName()))
        .orElse(null);
    if (i == null || i.ipv4().isEmpty()) {
      throw new IOException("capture point " + point.name() + ": " + point.device() + " " + point.interfaceName()
          + " has no address in the testbed, so no virtual segment can be chosen for it");
    }
    VirtualSegment segment = running.segmentFor(InterfaceAddress.parse(i.ipv4().get().toString()));
    if (segment == null) {
      throw new IOException("capture point " + point.name() + ": " + i.ipv4().get()
          + " is on no segment of the virtual WAN (209.168.202.224/27, 209.168.202.128/27)");
    }
    return SegmentCapture.start(point.name(), segment, file);
  }

  @Override
  public boolean exportKeys(Path dir) throws IOException {
    try {
      running.readNodes(routers, nodes -> {
        try {
          ScenarioKeys.write(dir, nodes);
          return null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return true;
  }

  @Override
  public String describe() {
    return "virtual rack " + reachable.name() + " (time x" + timeScale + ")";
  }

  /**
   * Drops each frame sent on either WAN segment with probability {@code lossRate} (0 restores a perfect wire),
   * from now on: the segments' seeded impairment ({@code FaultProfile}, netem-like, decisions drawn from the run's
   * seed). Call before {@code Scenario.bringUp()} for a scenario that must converge under loss. Only a virtual
   * rack's wire can be impaired by the harness.
   */
  public void setWanLoss(double lossRate) {
    FaultProfile profile = FaultProfile.NONE.withLoss(lossRate); // checks 0..1
    for (VirtualSegment s : running.segments()) {
      s.setFaults(profile);
    }
  }

  /** Frames the WAN segments dropped as loss so far (both segments). */
  public long wanFramesLost() {
    long lost = 0;
    for (VirtualSegment s : running.segments()) {
      lost += s.counters().dropped(DropReason.LOSS);
    }
    return lost;
  }

  /** The running rack, for what only a virtual rack offers (its nodes, its segments). */
  public DocumentWanRack running() {
    return running;
  }

  @Override
  public void close() throws IOException {
    running.close();
  }
}
