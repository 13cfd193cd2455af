package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code router eigrp <as>} process: its interfaces, neighbours ({@link Adjacencies}), the topology table
 * ({@link Dual}) and what it says on each interface ({@link Advertiser}). Routes go to an {@link EigrpRouteSink}.
 *
 * <p>Everything runs on the scheduler's thread: call {@link #receive}, {@link #setInterfaceUp} and the snapshot
 * methods from a task of that scheduler. Each input is handled to the end, then what it caused is sent in as few
 * packets as possible ({@link OutputBatch}).
 */
public final class EigrpRouter implements DualContext {
  private final EigrpRouterConfig config;
  private final Scheduler scheduler;
  private final EigrpRouteSink sink;
  private final EigrpEvents events;
  private final Map<String, EigrpInterface> interfaces = new LinkedHashMap<>();
  private final Dual dual;
  private final Advertiser advertiser;
  private final Adjacencies adjacencies;
  private final OutputBatch batch = new OutputBatch();
  private final Map<Ipv4Prefix, Scheduler.Timer> activeTimers = new HashMap<>();
  /** IOS's {@code timers active-time} default: a neighbour still owing a reply after it is reset (SIA). */
  public static final Duration ACTIVE_TIME = Duration.ofMinutes(3);
  private long sequence;
  private boolean started;

  public EigrpRouter(EigrpRouterConfig config, Scheduler scheduler, EigrpRouteSink sink, EigrpEvents events) {
    this.config = config;
    this.scheduler = scheduler;
    this.sink = sink;
    this.events = events;
    this.dual = new Dual(this, config.kValues());
    this.advertiser = new Advertiser(dual, config.autoSummary(), config.kValues());
    this.adjacencies = new Adjacencies(this);
  }

  public EigrpRouterConfig config() {
    return config;
  }

  /** An interface whose address a {@code network} statement covers; before {@link #start()}. */
  public void addInterface(EigrpInterfaceSettings settings, EigrpLink link) {
    if (interfaces.containsKey(settings.name())) {
      throw new IllegalArgumentException("interface " + settings.name() + " added twice");
    }
    interfaces.put(settings.name(), new EigrpInterface(settings, link));
  }

  /** Advertises the interfaces' subnets and starts sending hellos. */
  public void start() {
    started = true;
    for (EigrpInterface i : interfaces.values()) {
      interfaceUp(i);
    }
    flush();
  }

  /** Says goodbye (a hello with every K-value 255) on every interface, drops every neighbour, withdraws routes. */
  public void stop() {
    for (EigrpInterface i : interfaces.values()) {
      if (i.active()) {
        i.link.sendMulticast(EigrpCodec.encode(i.hello(config.asNumber(), KValues.GOODBYE, List.of())));
      }
      interfaceDown(i, "interface down");
    }
    batch.clear();
    started = false;
  }

  /** An EIGRP packet (IP protocol 88 payload) from {@code source} on {@code interfaceName}. */
  public void receive(String interfaceName, Ipv4Address source, byte[] packet) {
    EigrpInterface i = interfaces.get(interfaceName);
    if (i == null || !i.active() || !started) {
      events.log("EIGRP: dropped packet from " + source + " on " + interfaceName + ": EIGRP not running there");
      return;
    }
    adjacencies.receive(i, source, packet);
    flush();
  }

  /** {@code shutdown} / {@code no shutdown} of an EIGRP interface (its neighbours go, its subnet is withdrawn). */
  public void setInterfaceUp(String interfaceName, boolean up) {
    EigrpInterface i = interfaces.get(interfaceName);
    if (i == null || i.up == up) {
      return;
    }
    if (up) {
      i.up = true;
      interfaceUp(i);
    } else {
      interfaceDown(i, "interface down");
    }
    flush();
  }

  private void interfaceUp(EigrpInterface i) {
    i.up = true;
    dual.connectedUp(i.subnet(), i.name(), i.settings.metrics().connected());
    if (i.active()) {
      sendHello(i);
    }
  }

  private void interfaceDown(EigrpInterface i, String reason) {
    if (i.helloTimer != null) {
      i.helloTimer.cancel();
      i.helloTimer = null;
    }
    for (EigrpNeighbor n : List.copyOf(i.neighbors.values())) {
      adjacencies.down(n, reason);
    }
    i.up = false;
    i.advertised.clear();
    dual.connectedDown(i.subnet());
  }

  private void sendHello(EigrpInterface i) {
    i.link.sendMulticast(EigrpCodec.encode(i.hello(config.asNumber(), config.kValues(), List.of())));
    i.helloTimer = scheduler.schedule(i.settings.timers().hello(), () -> {
      if (i.active() && started) {
        sendHello(i);
      }
    });
  }

  // ---- used by Adjacencies ----

  Scheduler scheduler() {
    return scheduler;
  }

  EigrpEvents events() {
    return events;
  }

  Dual dual() {
    return dual;
  }

  long nextSequence() {
    sequence = sequence == 0xFFFF_FFFFL ? 1 : sequence + 1;
    return sequence;
  }

  /** Sends the startup table to a neighbour that just came up, EOT on the last packet. */
  void sendTable(EigrpNeighbor n) {
    Map<Ipv4Prefix, RouteTlv> table = advertiser.table(n.iface);
    n.iface.advertised.putAll(table);
    List<List<RouteTlv>> chunks = chunks(new ArrayList<>(table.values()));
    if (chunks.isEmpty()) {
      chunks.add(List.of());
    }
    for (int c = 0; c < chunks.size(); c++) {
      long flags = c == chunks.size() - 1 ? EigrpPacket.FLAG_EOT : 0;
      n.queue.enqueue(EigrpPacket.of(EigrpOpcode.UPDATE, flags, nextSequence(), 0, config.asNumber(),
          List.copyOf(chunks.get(c))));
    }
  }

  /** Runs a timer-driven change (hold expiry, retry limit) and sends what it caused. */
  void afterTimer(Runnable change) {
    change.run();
    flush();
  }

  // ---- DualContext ----

  @Override
  public List<NeighborId> queryTargets(TopologyEntry entry) {
    TopologySource s = entry.successor();
    List<NeighborId> out = new ArrayList<>();
    for (EigrpInterface i : interfaces.values()) {
      boolean horizon = s != null && !s.isConnected() && s.interfaceName().equals(i.name())
          && i.settings.splitHorizon();
      if (i.active() && !horizon) {
        i.upNeighbors().forEach(n -> out.add(n.id));
      }
    }
    return out;
  }

  @Override
  public void sendQuery(TopologyEntry entry, NeighborId to) {
    EigrpNeighbor n = adjacencies.find(to);
    if (n != null) {
      batch.query(n, advertiser.query(entry, n.iface));
    }
    activeTimers.computeIfAbsent(entry.prefix(), p -> scheduler.schedule(ACTIVE_TIME,
        () -> afterTimer(() -> stuckInActive(p))));
  }

  /** The active timer ran out: every neighbour still owing a reply for {@code prefix} is reset. */
  private void stuckInActive(Ipv4Prefix prefix) {
    activeTimers.remove(prefix);
    TopologyEntry e = dual.entry(prefix);
    if (e == null || e.state() != DualState.ACTIVE) {
      return;
    }
    for (NeighborId id : e.pendingReplies()) {
      EigrpNeighbor n = adjacencies.find(id);
      if (n != null) {
        events.log("%DUAL-3-SIA: Route " + prefix + " stuck-in-active state in IP-EIGRP(0) " + config.asNumber()
            + ".  Cleaning up");
        adjacencies.down(n, "stuck in active");
      }
    }
  }

  @Override
  public void sendReply(TopologyEntry entry, NeighborId to) {
    EigrpNeighbor n = adjacencies.find(to);
    if (n != null) {
      batch.reply(n, advertiser.answer(entry, n.iface));
    }
  }

  @Override
  public void changed(TopologyEntry entry) {
    batch.changed.add(entry.prefix());
    if (entry.state() == DualState.PASSIVE) {
      Scheduler.Timer t = activeTimers.remove(entry.prefix());
      if (t != null) {
        t.cancel();
      }
    }
    TopologySource s = entry.successor();
    if (s == null || s.isConnected()) {
      if (entry.installedAtNanos() != TopologyEntry.NOT_INSTALLED) {
        entry.setInstalledAtNanos(TopologyEntry.NOT_INSTALLED);
        sink.remove(entry.prefix());
      }
      return;
    }
    entry.setInstalledAtNanos(scheduler.clock().nanoTime());
    sink.install(entry.prefix(), s.nextHop(), s.interfaceName(), s.isExternal(), s.distance());
  }

  // ---- output ----

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    batch.replies.forEach((n, tlvs) -> sendReliable(n, EigrpOpcode.REPLY, tlvs));
    batch.queries.forEach((n, tlvs) -> sendReliable(n, EigrpOpcode.QUERY, tlvs));
    List<Ipv4Prefix> changed = List.copyOf(batch.changed);
    batch.clear();
    for (EigrpInterface i : interfaces.values()) {
      // an interface without adjacent neighbours has nobody to tell; a neighbour coming up gets the whole table
      if (i.active() && !i.upNeighbors().isEmpty()) {
        floodChanges(i, changed);
      }
    }
  }

  private void floodChanges(EigrpInterface i, List<Ipv4Prefix> changed) {
    List<RouteTlv> out = new ArrayList<>();
    for (Ipv4Prefix p : changed.stream().map(p -> advertiser.advertisedAs(p, i)).distinct().toList()) {
      RouteTlv now = advertiser.current(p, i);
      RouteTlv before = i.advertised.get(p);
      if (now == null && before != null) {
        out.add(Advertiser.poison(before));
        i.advertised.remove(p);
      } else if (now != null && !now.equals(before)) {
        out.add(now);
        i.advertised.put(p, now);
      }
    }
    for (List<RouteTlv> chunk : chunks(out)) {
      i.flood(EigrpPacket.of(EigrpOpcode.UPDATE, 0, nextSequence(), 0, config.asNumber(), List.copyOf(chunk)),
          config.asNumber(), config.kValues());
    }
  }

  private void sendReliable(EigrpNeighbor n, EigrpOpcode opcode, List<RouteTlv> tlvs) {
    for (List<RouteTlv> chunk : chunks(tlvs)) {
      n.queue.enqueue(EigrpPacket.of(opcode, 0, nextSequence(), 0, config.asNumber(), List.copyOf(chunk)));
    }
  }

  private List<List<RouteTlv>> chunks(List<RouteTlv> tlvs) {
    List<List<RouteTlv>> out = new ArrayList<>();
    for (int from = 0; from < tlvs.size(); from += config.maxRoutesPerPacket()) {
      out.add(tlvs.subList(from, Math.min(tlvs.size(), from + config.maxRoutesPerPacket())));
    }
    return out;
  }

  // ---- inspection (call on the scheduler thread) ----

  /** {@code show ip eigrp neighbors}, in handle order. */
  public List<EigrpNeighborSnapshot> neighbors() {
    return adjacencies.snapshots(interfaces.values());
  }

  /** {@code show ip eigrp topology}. */
  public List<EigrpTopologySnapshot> topology() {
    return TopologySnapshots.of(dual.entries());
  }

  /** The EIGRP routes installed ({@code show ip route eigrp}). */
  public List<EigrpRouteSnapshot> routes() {
    long now = scheduler.clock().nanoTime();
    List<EigrpRouteSnapshot> out = new ArrayList<>();
    for (TopologyEntry e : dual.entries()) {
      TopologySource s = e.successor();
      long at = e.installedAtNanos();
      if (s != null && !s.isConnected() && at != TopologyEntry.NOT_INSTALLED) {
        out.add(new EigrpRouteSnapshot(e.prefix(), s.isExternal(), s.isExternal()
            ? EigrpRouteSnapshot.EXTERNAL_DISTANCE : EigrpRouteSnapshot.INTERNAL_DISTANCE, s.distance(),
            s.nextHop(), s.interfaceName(), Duration.ofNanos(now - at)));
      }
    }
    return out;
  }

  /** The interfaces the process runs on, with their settings, in the order added. */
  public List<EigrpInterfaceSettings> interfaceSettings() {
    return interfaces.values().stream().map(i -> i.settings).toList();
  }

  /** The topology entry of {@code prefix}, or {@code null}. */
  public TopologyEntry entry(Ipv4Prefix prefix) {
    return dual.entry(prefix);
  }

  EigrpInterface interfaceNamed(String name) {
    return interfaces.get(name);
  }

  int asNumber() {
    return config.asNumber();
  }

  KValues kValues() {
    return config.kValues();
  }
}
