package dev.dmvpn.ref.eigrp;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands out one shared instance per equal immutable value (records), so that the many destinations a neighbour
 * reports with the same metric hold one record between them. Bounded: when full it starts over, which costs
 * sharing, never correctness (callers compare by {@code equals}, never by identity).
 */
final class Interner<T> {
  private final int limit;
  private final Map<T, T> seen = new HashMap<>();

  Interner(int limit) {
    this.limit = limit;
  }

  T intern(T value) {
    T known = seen.get(value);
    if (known != null) {
      return known;
    }
    if (seen.size() >= limit) {
      seen.clear();
    }
    seen.put(value, value);
    return value;
  }
}
