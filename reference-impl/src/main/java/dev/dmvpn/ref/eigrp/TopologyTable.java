package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.Arrays;
import java.util.List;

/**
 * The topology table's index: the entries in an array sorted by network address (as a signed int, the order of
 * the TreeMap it replaced) then prefix length, found by binary search. Four bytes a destination instead of a
 * tree node and a prefix key object; it grows by an eighth, so little room stays unused once a spoke has learnt
 * its table.
 */
final class TopologyTable {
  private TopologyEntry[] entries = new TopologyEntry[8];
  private int size;

  TopologyEntry get(Ipv4Prefix p) {
    int i = find(p.network().bits(), p.length());
    return i >= 0 ? entries[i] : null;
  }

  /** The entry for {@code p}, created (passive, no sources) when there is none. */
  TopologyEntry getOrCreate(Ipv4Prefix p) {
    int i = find(p.network().bits(), p.length());
    if (i >= 0) {
      return entries[i];
    }
    int at = -i - 1;
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size + (size >> 3) + 1);
    }
    System.arraycopy(entries, at, entries, at + 1, size - at);
    TopologyEntry e = new TopologyEntry(p);
    entries[at] = e;
    size++;
    return e;
  }

  void remove(Ipv4Prefix p) {
    int i = find(p.network().bits(), p.length());
    if (i >= 0) {
      System.arraycopy(entries, i + 1, entries, i, size - i - 1);
      entries[--size] = null;
    }
  }

  /** A copy of every entry in order. */
  List<TopologyEntry> values() {
    return List.of(Arrays.copyOf(entries, size));
  }

  private int find(int network, int length) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = entries[mid].compareTo(network, length);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }
}
