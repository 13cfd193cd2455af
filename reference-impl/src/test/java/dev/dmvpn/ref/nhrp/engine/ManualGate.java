package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** TEST-ONLY gate standing in for IPsec: peers become ready only when the test calls {@link #open}. */
final class ManualGate implements ConnectionGate {
  private final Set<Ipv4Address> ready = new HashSet<>();
  private final Map<Ipv4Address, List<Runnable>> waiting = new HashMap<>();
  final List<Ipv4Address> requested = new ArrayList<>();

  ManualGate(Ipv4Address... initiallyReady) {
    ready.addAll(List.of(initiallyReady));
  }

  @Override
  public boolean isReady(Ipv4Address nbma) {
    return ready.contains(nbma);
  }

  @Override
  public void whenReady(Ipv4Address nbma, Runnable onReady) {
    if (ready.contains(nbma)) {
      onReady.run();
      return;
    }
    requested.add(nbma);
    waiting.computeIfAbsent(nbma, k -> new ArrayList<>()).add(onReady);
  }

  /** The "IPsec SAs" to {@code nbma} are up: run what waited for them. */
  void open(Ipv4Address nbma) {
    ready.add(nbma);
    List<Runnable> todo = waiting.remove(nbma);
    if (todo != null) {
      todo.forEach(Runnable::run);
    }
  }
}
