package dev.dmvpn.drivers.ios;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modes and the commands between them, as data; {@link #path} is the shortest command sequence (breadth
 * first). Leaving privileged exec for user exec is {@code disable}; entering it is {@code enable} plus its secret
 * dialog, which the session runs when an edge says {@link Edge#needsEnableSecret()}.
 */
public final class ModeGraph {

  public record Edge(IosMode from, IosMode to, String command, boolean needsEnableSecret) {}

  /** IOS 12.3 (and any device with the same exec/config model, e.g. FRR's vtysh). */
  public static final ModeGraph IOS = new ModeGraph(List.of(
      new Edge(IosMode.USER_EXEC, IosMode.PRIVILEGED_EXEC, "enable", true),
      new Edge(IosMode.PRIVILEGED_EXEC, IosMode.USER_EXEC, "disable", false),
      new Edge(IosMode.PRIVILEGED_EXEC, IosMode.CONFIG, "configure terminal", false),
      new Edge(IosMode.CONFIG, IosMode.PRIVILEGED_EXEC, "end", false),
      new Edge(IosMode.CONFIG_SUB, IosMode.PRIVILEGED_EXEC, "end", false),
      new Edge(IosMode.CONFIG_SUB, IosMode.CONFIG, "exit", false)));

  private final Map<IosMode, List<Edge>> out = new EnumMap<>(IosMode.class);

  public ModeGraph(List<Edge> edges) {
    for (Edge e : edges) {
      out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
    }
  }

  /** The edges from {@code from} to {@code to}, empty when already there; empty Optional when unreachable. */
  public Optional<List<Edge>> path(IosMode from, IosMode to) {
    Map<IosMode, Edge> via = new EnumMap<>(IosMode.class);
    Deque<IosMode> queue = new ArrayDeque<>(List.of(from));
    boolean found = from == to;
    while (!queue.isEmpty() && !found) {
      IosMode m = queue.poll();
      for (Edge e : out.getOrDefault(m, List.of())) {
        if (e.to() != from && !via.containsKey(e.to())) {
          via.put(e.to(), e);
          queue.add(e.to());
          found |= e.to() == to;
        }
      }
    }
    if (!found) {
      return Optional.empty();
    }
    List<Edge> path = new ArrayList<>();
    for (IosMode m = to; m != from; m = via.get(m).from()) {
      path.add(via.get(m));
    }
    Collections.reverse(path);
    return Optional.of(path);
  }
}
