package dev.dmvpn.ref.node;

import dev.dmvpn.ref.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A node's structured event log: every {@link NodeEvent} in order, counts per kind, listeners (the demo prints
 * lines as they happen). Written on the node's scheduler thread; {@link #events()} and {@link #lines()} may be
 * read from other threads (they copy under the lock).
 */
public final class NodeEventLog {
  private final String node;
  private final Clock clock;
  private final List<NodeEvent> events = new ArrayList<>();
  private final Map<NodeEventKind, Integer> counts = new EnumMap<>(NodeEventKind.class);
  private final List<Consumer<NodeEvent>> listeners = new ArrayList<>();

  public NodeEventLog(String node, Clock clock) {
    this.node = node;
    this.clock = clock;
  }

  /** Records an event stamped with the clock's time and hands it to every listener. */
  public NodeEvent record(NodeEventKind kind, String text) {
    NodeEvent e = new NodeEvent(clock.now(), clock.nanoTime(), node, kind, text);
    List<Consumer<NodeEvent>> ls;
    synchronized (this) {
      events.add(e);
      counts.merge(kind, 1, Integer::sum);
      ls = List.copyOf(listeners);
    }
    for (Consumer<NodeEvent> l : ls) {
      l.accept(e);
    }
    return e;
  }

  public synchronized void addListener(Consumer<NodeEvent> listener) {
    listeners.add(listener);
  }

  public synchronized List<NodeEvent> events() {
    return List.copyOf(events);
  }

  public synchronized List<NodeEvent> events(NodeEventKind kind) {
    List<NodeEvent> out = new ArrayList<>();
    for (NodeEvent e : events) {
      if (e.kind() == kind) {
        out.add(e);
      }
    }
    return out;
  }

  /** Every event as a {@link NodeEvent#line()}, oldest first. */
  public synchronized List<String> lines() {
    List<String> out = new ArrayList<>(events.size());
    for (NodeEvent e : events) {
      out.add(e.line());
    }
    return out;
  }

  public synchronized int count(NodeEventKind kind) {
    return counts.getOrDefault(kind, 0);
  }
}
