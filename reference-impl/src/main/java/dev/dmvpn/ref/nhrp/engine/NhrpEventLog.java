package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The engine's event log: every {@link NhrpEvent} in order, counts per type, and optional listeners. */
public final class NhrpEventLog {
  private final Clock clock;
  private final List<NhrpEvent> events = new ArrayList<>();
  private final Map<NhrpEventType, Integer> counts = new EnumMap<>(NhrpEventType.class);
  private final List<Consumer<NhrpEvent>> listeners = new ArrayList<>();

  public NhrpEventLog(Clock clock) {
    this.clock = clock;
  }

  /** Records an event stamped with the clock's current time. */
  public NhrpEvent record(
      NhrpEventType type, Ipv4Address nbma, Ipv4Address protocol, long requestId, String detail) {
    NhrpEvent e = new NhrpEvent(clock.now(), clock.nanoTime(), type, nbma, protocol, requestId,
        detail == null ? "" : detail);
    events.add(e);
    counts.merge(type, 1, Integer::sum);
    for (Consumer<NhrpEvent> l : listeners) {
      l.accept(e);
    }
    return e;
  }

  /** Called for every later event (the node's debug printer, the IPsec teardown hook). */
  public void addListener(Consumer<NhrpEvent> listener) {
    listeners.add(listener);
  }

  /** A snapshot of all events so far, oldest first. */
  public List<NhrpEvent> events() {
    return List.copyOf(events);
  }

  /** The events of one type, oldest first. */
  public List<NhrpEvent> events(NhrpEventType type) {
    List<NhrpEvent> out = new ArrayList<>();
    for (NhrpEvent e : events) {
      if (e.type() == type) {
        out.add(e);
      }
    }
    return out;
  }

  public int count(NhrpEventType type) {
    return counts.getOrDefault(type, 0);
  }
}
