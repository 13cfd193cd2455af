package dev.dmvpn.harness.scenario;

import dev.dmvpn.drivers.channel.Transcript;
import dev.dmvpn.drivers.ios.ConfigureResult;
import dev.dmvpn.drivers.ios.DebugCapture;
import dev.dmvpn.drivers.ios.DebugCaptureResult;
import dev.dmvpn.drivers.ios.SessionOptions;
import dev.dmvpn.drivers.testbed.TestbedConnector;
import dev.dmvpn.harness.scenario.capture.CaptureSession;
import dev.dmvpn.harness.scenario.peer.PeerPing;
import dev.dmvpn.harness.scenario.peer.PeerSpec;
import dev.dmvpn.harness.scenario.peer.PeerState;
import dev.dmvpn.harness.scenario.peer.ReferencePeer;
import dev.dmvpn.harness.scenario.rack.LabRack;
import dev.dmvpn.harness.scenario.rack.RackUnderTest;
import dev.dmvpn.harness.scenario.rack.VirtualRack;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.capture.FrameDecryptor;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.decrypt.KeyedFrameDecryptor;
import dev.dmvpn.topology.CapturePoint;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.generate.ConfigGenerator;
import dev.dmvpn.topology.generate.RouterConfig;
import dev.dmvpn.topology.load.LoadResult;
import dev.dmvpn.topology.load.TestbedLoader;
import dev.dmvpn.topology.ShippedTestbeds;
import dev.dmvpn.topology.secrets.SecretResolver;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The scenario lifecycle, one named and timed phase per method, the same for a virtual and a real rack: the
 * virtual rack is only started here, then reached through the drivers like any rack.
 *
 * <pre>
 * try (Scenario s = Scenario.start(settings, listener)) {   // load testbed, start the (virtual) rack
 *   s.bringUp();            // connect, known state, start captures, push configs, verify running-config
 *   s.awaitShow("sv9-2", "show ip nhrp", ShowIpNhrpParser::parse, entries -> entries.size() == 2);
 *   s.trigger("sv9-4", "ping 2.2.2.2", PingParser::parse);
 *   List&lt;DecodedCapture&gt; wire = s.stopCaptures();   // stop, export keys, decode
 * }                         // collect artifacts, tear down (also after a failed phase)
 * </pre>
 *
 * Plug-in points: {@link ScenarioListener} (reports: phases as steps, artifacts as attachments); {@link
 * #stopCaptures()}'s decoded frames (expected-sequence checks); {@link DeviceCli#session()} (debug collection).
 */
public final class Scenario implements AutoCloseable {
  /** Console session settings pushed first, so a long run is not logged out (IOS default: 10 min, scaled). */
  static final List<String> SESSION_LINES = List.of("line con 0", " exec-timeout 0 0");
  /** Lines of a generated configuration that IOS does not print in {@code show running-config}. */
  static final List<String> NOT_PRINTED = List.of("!", "end", "no shutdown");
  /** The first phase of every scenario (a listener shared by several scenarios starts afresh here). */
  public static final String LOAD_TESTBED = "load testbed";
  /** The phase that decodes the stopped captures (their last artifacts come in it). */
  public static final String DECODE_CAPTURES = "decode captures";
  /** The last phase: sessions closed, transcripts complete. */
  public static final String TEAR_DOWN = "tear down";

  private final ScenarioSettings settings;
  private final StepRecorder steps;
  private final RackUnderTest rack;
  private final Map<String, DeviceCli> devices = new LinkedHashMap<>();
  private final Map<String, String> pushed = new LinkedHashMap<>();  // device -> the text pushed (after edits)
  private final List<CaptureSession> captures = new ArrayList<>();
  private final List<ReferencePeer> peers = new ArrayList<>();
  private final Map<String, DebugCapture> debugs = new LinkedHashMap<>();
  private final Path runDir;
  private boolean capturesStopped;

  private Scenario(ScenarioSettings settings, StepRecorder steps, RackUnderTest rack) {
    this.settings = settings;
    this.steps = steps;
    this.rack = rack;
    this.runDir = settings.runDir();
  }

  /** Loads the testbed and, for a virtual rack, starts it ({@code load testbed}, {@code start rack}). */
  public static Scenario start(ScenarioSettings settings, ScenarioListener... listeners) throws ScenarioException {
    StepRecorder steps = new StepRecorder();
    for (ScenarioListener l : listeners) {
      steps.addListener(l);
    }
    Testbed testbed = steps.step(LOAD_TESTBED, () -> load(settings.testbedFile()));
    steps.step("create run directory", () -> Files.createDirectories(settings.runDir()));
    RackUnderTest rack = steps.step("start rack", () -> settings.rack() == ScenarioSettings.RackKind.VIRTUAL
        ? VirtualRack.start(testbed, settings.timeScale(), settings.seed())
        : new LabRack(testbed, SecretResolver.fromProcess()));
    steps.rackStarted(rack);
    return new Scenario(settings, steps, rack);
  }

  private static Testbed load(Optional<Path> file) throws ScenarioException {
    if (file.isEmpty()) {
      return ShippedTestbeds.documentRack();
    }
    LoadResult r = TestbedLoader.loadAndValidate(file.get());
    if (!r.ok()) {
      throw new ScenarioException("testbed " + file.get() + " has problems:\n" + r.report());
    }
    return r.testbed().orElseThrow();
  }

  /**
   * connect, known state, start captures, push configs, verify running-config. Captures start before the push:
   * the spokes register (and bring up IKE with the hub) as soon as their configuration is complete.
   */
  public void bringUp() throws ScenarioException {
    connect();
    checkKnownState();
    startCaptures();
    pushConfigs();
    verifyRunningConfigs();
  }

  /** Opens one session per DMVPN member through the drivers, by its console (else its VTY), and enables. */
  public void connect() throws ScenarioException {
    steps.step("connect", () -> {
      Files.createDirectories(runDir.resolve("transcripts"));
      Files.createDirectories(runDir.resolve("shows"));
      for (DmvpnMember m : members()) {
        devices.put(m.device(), open(m.device()));
      }
    });
  }

  private DeviceCli open(String name) throws IOException {
    Path transcriptFile = runDir.resolve("transcripts").resolve(name + ".log");
    Path showFile = runDir.resolve("shows").resolve(name + ".txt");
    Writer transcript = Files.newBufferedWriter(transcriptFile, StandardCharsets.UTF_8);
    Writer outputs = Files.newBufferedWriter(showFile, StandardCharsets.UTF_8);
    TestbedConnector connector = new TestbedConnector(rack.secrets(), SessionOptions.IOS_DEFAULT,
        new Transcript(transcript), runDir.resolve("known_hosts"));
    DeviceCli cli = null;
    try {
      Device device = rack.testbed().device(name).orElseThrow();
      cli = new DeviceCli(name, connector.open(device, rack.access(device)), transcript, outputs);
      cli.session().enable();
      steps.artifact("transcript", name, transcriptFile);
      steps.artifact("show", name, showFile);
      return cli;
    } catch (IOException | RuntimeException e) {
      if (cli != null) {
        cli.close(); // closes the writers too
      } else {
        transcript.close();
        outputs.close();
      }
      throw new IOException(name + ": " + e.getMessage(), e);
    }
  }

  /**
   * A device is in a known state when it holds no DMVPN configuration yet: no tunnel interface, no ISAKMP policy
   * (a virtual rack's routers boot blank; a real router must be erased and reloaded before the run).
   */
  public void checkKnownState() throws ScenarioException {
    steps.step("known state", () -> {
      for (DeviceCli d : devices.values()) {
        String run = d.run("show running-config").output();
        for (String marker : List.of("interface Tunnel", "crypto isakmp policy", "router eigrp")) {
          if (run.contains(marker)) {
            throw new ScenarioException(d.name() + " is not in a known state: its running-config has '" + marker
                + "'; erase its startup-config and reload it before the run");
          }
        }
      }
    });
  }

  /** The testbed's generated configurations (topology's {@link ConfigGenerator}), line by line, each checked. */
  public void pushConfigs() throws ScenarioException {
    steps.step("push configs", () -> {
      Files.createDirectories(runDir.resolve("configs"));
      for (RouterConfig c : new ConfigGenerator(rack.secrets()).generate(rack.testbed())) {
        Path file = runDir.resolve("configs").resolve(c.device() + ".ios");
        Files.writeString(file, edited(c.device(), c.maskedText()), StandardCharsets.UTF_8);
        steps.artifact("config", c.device(), file);
        String text = edited(c.device(), c.text());
        List<String> lines = new ArrayList<>(SESSION_LINES);
        lines.addAll(text.lines().toList());
        ConfigureResult r = device(c.device()).configure(lines);
        if (!r.ok()) {
          throw new ScenarioException(c.device() + ": configuration refused: " + r.rejected().map(Object::toString)
              .or(r::connectionFailure).orElse("?"));
        }
        pushed.put(c.device(), text);
      }
    });
  }

  /** A device's configuration text after the settings' edits for it. */
  private String edited(String device, String text) throws ScenarioException {
    String out = text;
    for (ConfigEdit e : settings.configEdits()) {
      if (e.device().equals(device)) {
        out = e.apply(out);
      }
    }
    return out;
  }

  /** Every pushed line (IOS's unprinted ones aside) is in the device's {@code show running-config}. */
  public void verifyRunningConfigs() throws ScenarioException {
    steps.step("verify running-config", () -> {
      for (Map.Entry<String, String> c : pushed.entrySet()) {
        List<String> shown = device(c.getKey()).run("show running-config").output().lines().map(String::strip)
            .toList();
        List<String> missing = c.getValue().lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !NOT_PRINTED.contains(l) && !shown.contains(l)).toList();
        if (!missing.isEmpty()) {
          throw new ScenarioException(c.getKey() + ": show running-config lacks " + missing.size()
              + " pushed line(s), first: " + dev.dmvpn.drivers.channel.SecretMasker.mask(missing.get(0)));
        }
      }
    });
  }

  /** Starts a capture at every capture point of the testbed. */
  public void startCaptures() throws ScenarioException {
    steps.step("start captures", () -> {
      Files.createDirectories(runDir.resolve("captures"));
      for (CapturePoint p : rack.testbed().captures().values()) {
        captures.add(rack.startCapture(p, runDir.resolve("captures").resolve(p.name() + ".pcap")));
      }
    });
  }

  /**
   * Starts {@code commands} ({@code debug nhrp}, {@code debug crypto isakmp}, ...) on every connected device,
   * collected by the drivers' {@link DebugCapture} on the scenario's own session: the console shows debugs by
   * default (a console needs no second line, and a just-erased router has no VTY login before the push); a VTY
   * session gets {@code terminal monitor} first. Lines arrive as the session reads, i.e. whenever a command runs on
   * it; {@link #stopDebugs()} reads what is left. Call after {@link #connect()}, before the push to see the
   * registrations.
   */
  public void startDebugs(List<String> commands) throws ScenarioException {
    steps.step("start debugs", () -> {
      for (DeviceCli d : devices.values()) {
        if (debugs.containsKey(d.name())) {
          throw new ScenarioException(d.name() + ": debugs already started");
        }
        boolean vty = !"console".equals(rack.access(rack.testbed().device(d.name()).orElseThrow()));
        debugs.put(d.name(), DebugCapture.start(d.session(), commands, vty));
      }
    });
  }

  /**
   * Reads what each device still prints for {@code drain} (debug lines of the last exchanges may still be on their
   * way), stops the debugs ({@code undebug all}) and returns the events per device; the debug lines are also
   * written to {@code debugs/DEVICE.log} (artifact {@code debug}).
   */
  public Map<String, DebugCaptureResult> stopDebugs(Duration drain) throws ScenarioException {
    return steps.step("stop debugs", () -> {
      Files.createDirectories(runDir.resolve("debugs"));
      Map<String, DebugCaptureResult> out = new LinkedHashMap<>();
      for (Map.Entry<String, DebugCapture> e : debugs.entrySet()) {
        e.getValue().poll(drain);
        DebugCaptureResult r = e.getValue().stop();
        out.put(e.getKey(), r);
        Path file = runDir.resolve("debugs").resolve(e.getKey() + ".log");
        StringBuilder b = new StringBuilder();
        r.events().forEach(ev -> b.append(ev.timestamp().printed()).append(": ")
            .append(ev.facility() == null ? "" : ev.facility() + (ev.context() == null ? ": " : " (" + ev.context()
                + "): ")).append(dev.dmvpn.drivers.channel.SecretMasker.mask(ev.message())).append('\n'));
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        steps.artifact("debug", e.getKey(), file);
      }
      debugs.clear();
      return out;
    });
  }

  public DeviceCli device(String name) {
    DeviceCli d = devices.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no session to " + name + " (connected: " + devices.keySet() + ")");
    }
    return d;
  }

  /**
   * Runs a command that changes the network's state (the scenario's trigger, e.g. {@code ping 2.2.2.2}) as a step
   * of its own, and parses its output.
   */
  public <T> T trigger(String device, String command, Function<String, T> parser) throws ScenarioException {
    return steps.step("trigger " + device + " " + command, () -> device(device).show(command, parser));
  }

  /**
   * Asks {@code device} for {@code command} until its parsed output passes {@code until} (Awaitility, polled in
   * this thread every 250 ms, at most the settings' await timeout); returns the passing value. On timeout the
   * error names the device, the command and the last value parsed.
   */
  public <T> T awaitShow(String device, String command, Function<String, T> parser, Predicate<T> until)
      throws ScenarioException {
    return awaitShow(device, command, parser, until, settings.awaitTimeout());
  }

  /**
   * {@link #awaitShow(String, String, Function, Predicate)} with its own limit: for a wait that follows a router
   * timer (an SA lifetime, an NHRP holdtime) and so scales with the rack's clock rather than the settings' default.
   */
  public <T> T awaitShow(String device, String command, Function<String, T> parser, Predicate<T> until,
      Duration atMost) throws ScenarioException {
    return steps.step("await " + device + " " + command, () -> {
      AtomicReference<T> last = new AtomicReference<>();
      try {
        Awaitility.await(device + " " + command).pollInSameThread().pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(250)).atMost(atMost).until(() -> {
              T v = device(device).show(command, parser);
              last.set(v);
              return until.test(v);
            });
      } catch (ConditionTimeoutException e) {
        throw new ScenarioException(device + ": '" + command + "' did not reach the awaited state within "
            + atMost.toSeconds() + " s; last parsed: " + last.get());
      }
      return last.get();
    });
  }

  /**
   * Adds the Java reference peer to the testbed's DMVPN as one more spoke (after {@link #bringUp}: the captures
   * run and the hub is configured): its configuration generated like the routers' and written to {@code
   * configs/}, its node on the virtual WAN or on the spec's NIC. Closed by {@link #close}.
   */
  public ReferencePeer joinReferencePeer(PeerSpec spec) throws ScenarioException {
    ReferencePeer peer = steps.step("join reference peer " + spec.hostname(),
        () -> ReferencePeer.join(rack, spec, runDir, settings.seed() * 31 + peers.size() + 7));
    peers.add(peer);
    steps.artifact("config", spec.hostname(), peer.configFile());
    steps.artifact("transcript", spec.hostname(), peer.eventsFile());
    return peer;
  }

  /**
   * {@link #awaitShow} for the reference peer, which has no command line: its {@link PeerState} read through its
   * node until {@code until} passes; {@code what} names the wait in the step and in a timeout's message.
   */
  public PeerState awaitPeer(ReferencePeer peer, String what, Predicate<PeerState> until) throws ScenarioException {
    return steps.step("await " + peer.hostname() + " " + what, () -> {
      AtomicReference<PeerState> last = new AtomicReference<>();
      try {
        Awaitility.await(peer.hostname() + " " + what).pollInSameThread().pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(250)).atMost(settings.awaitTimeout()).until(() -> {
              PeerState s = peer.state();
              last.set(s);
              return until.test(s);
            });
      } catch (ConditionTimeoutException e) {
        throw new ScenarioException(peer.hostname() + ": " + what + " not reached within "
            + settings.awaitTimeout().toSeconds() + " s; last state: " + last.get());
      }
      return last.get();
    });
  }

  /** The reference peer's {@code ping destination source source} (5 echoes, 2 s timeout) as a trigger step. */
  public PeerPing triggerPeerPing(ReferencePeer peer, Ipv4Address source, Ipv4Address destination)
      throws ScenarioException {
    return steps.step("trigger " + peer.hostname() + " ping " + destination + " source " + source,
        () -> peer.ping(source, destination, 5, Duration.ofSeconds(2), settings.awaitTimeout()));
  }

  /**
   * Stops every capture, exports the SA keys (virtual rack) and decodes each capture with them; beside each pcap
   * its frames as the {@code decode} command prints them ({@code decoded/<point>.jsonl}) and a sequence diagram of
   * what it saw ({@code diagrams/<point>.svg}).
   */
  public List<DecodedCapture> stopCaptures() throws ScenarioException {
    capturesStopped = true;
    steps.step("stop captures", () -> {
      for (CaptureSession c : captures) {
        c.close();
        steps.artifact("pcap", c.name(), c.file());
      }
    });
    Path keyDir = runDir.resolve("keys");
    boolean keyed = steps.step("export keys", () -> rack.exportKeys(keyDir));
    if (keyed) {
      steps.artifact("keys", "rack", keyDir);
    }
    return steps.step(DECODE_CAPTURES, () -> {
      List<DecodedCapture> out = new ArrayList<>();
      Files.createDirectories(runDir.resolve("decoded"));
      Files.createDirectories(runDir.resolve("diagrams"));
      Map<String, String> hosts = new LinkedHashMap<>();
      members().forEach(m -> hosts.put(m.device(), m.nbmaAddress().toString()));
      Function<String, String> mask = CaptureArtifacts.mask(rack.secretValues());
      FrameDecryptor keys = keyed ? new KeyedFrameDecryptor(CaptureKeys.load(List.of(keyDir))) : null;
      for (CaptureSession c : captures) {
        List<CapturedFrame> frames = CaptureFiles.readAll(c.file());
        List<DecodedFrame> decoded = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
          decoded.add(keys == null ? FrameDecoder.decode(i + 1, frames.get(i))
              : FrameDecoder.decode(i + 1, frames.get(i), keys));
        }
        DecodedCapture d = new DecodedCapture(c.name(), c.file(), keyed, decoded);
        out.add(d);
        Path json = runDir.resolve("decoded").resolve(c.name() + ".jsonl");
        CaptureArtifacts.writeJsonLines(decoded, mask, json);
        steps.artifact("decoded", c.name(), json);
        Path svg = runDir.resolve("diagrams").resolve(c.name() + ".svg");
        CaptureArtifacts.writeDiagram(d, hosts, mask, svg);
        steps.artifact("diagram", c.name(), svg);
      }
      return out;
    });
  }

  public List<String> deviceNames() {
    return List.copyOf(devices.keySet());
  }

  private List<DmvpnMember> members() throws ScenarioException {
    return rack.testbed().dmvpn().orElseThrow(() -> new ScenarioException("testbed " + rack.testbed().name()
        + " has no dmvpn: section")).members();
  }

  public Path runDir() {
    return runDir;
  }

  public RackUnderTest rack() {
    return rack;
  }

  public List<StepResult> steps() {
    return steps.results();
  }

  /**
   * Closes sessions and captures, stops the rack and writes {@code steps.txt}, whatever failed before. Captures
   * nobody stopped (a test failed before the frame checks) are stopped, keyed and decoded first: a failed run is
   * when the wire is most wanted.
   */
  @Override
  public void close() throws ScenarioException {
    ScenarioException unstopped = null;
    if (!capturesStopped && !captures.isEmpty()) {
      try {
        stopCaptures();
      } catch (ScenarioException e) {
        unstopped = e; // reported after the tear down, which must run anyway
      }
    }
    steps.step(TEAR_DOWN, () -> {
      List<Exception> problems = new ArrayList<>();
      for (ReferencePeer p : peers) {
        closeQuietly(p, problems);
      }
      for (DebugCapture d : debugs.values()) {
        d.close(); // undebug all while the session is still open
      }
      for (CaptureSession c : captures) {
        closeQuietly(c, problems);
      }
      for (DeviceCli d : devices.values()) {
        closeQuietly(d, problems);
      }
      closeQuietly(rack, problems);
      if (!problems.isEmpty()) {
        throw new ScenarioException("tear down: " + problems.get(0).getMessage(), problems.get(0));
      }
    });
    writeSteps();
    if (unstopped != null) {
      throw unstopped;
    }
  }

  private void writeSteps() throws ScenarioException {
    StringBuilder b = new StringBuilder();
    for (StepResult r : steps.results()) {
      b.append(String.format("%-40s %7d ms %s%n", r.name(), r.elapsed().toMillis(),
          r.failure().map(f -> "FAILED " + f).orElse("ok")));
    }
    try {
      Files.writeString(runDir.resolve("steps.txt"), b.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException("cannot write " + runDir.resolve("steps.txt") + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(AutoCloseable c, List<Exception> problems) {
    try {
      c.close();
    } catch (Exception e) {
      problems.add(e);
    }
  }
}
