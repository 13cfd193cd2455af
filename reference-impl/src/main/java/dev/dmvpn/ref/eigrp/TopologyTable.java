package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The topology table as columns of primitives: one row a destination, rows sorted by network address (as a signed
 * int, the order of the TreeMap this once was) then prefix length, found by binary search. A row is the network
 * (4 bytes), the length (1), the feasible distance as an unsigned int (4), the install time (8) and one reference
 * (4) holding the rest: null for a fresh entry, the lone {@link TopologySource} when it is at once the only report,
 * the only successor and the source of the last metric (what a spoke's 1,000 hub-learnt LANs all are), else a
 * {@link TopologyEntry.Spill} with everything spelt out. About 21 bytes a destination instead of a 48-byte object
 * and its 4-byte slot (BENCHMARKS.md, EIGRP); the columns grow by an eighth.
 *
 * <p>{@link TopologyEntry} is a view on a row by its key, so DUAL keeps working on entries; the table remembers the
 * last view it handed out so that looking the same destination up twice in a row gives the same object.
 */
final class TopologyTable {
  private int[] networks = new int[8];
  private byte[] lengths = new byte[8];
  private int[] distances = new int[8];
  private long[] installed = new long[8];
  private Object[] rest = new Object[8];
  private int size;
  /** Bumped by every insertion and removal: a view's remembered row index is good while this is unchanged. */
  private int version;
  private TopologyEntry lastView;

  TopologyEntry get(Ipv4Prefix p) {
    int network = p.network().bits();
    int length = p.length();
    if (lastView != null && lastView.is(network, length) && lastView.row() >= 0) {
      return lastView;
    }
    int i = find(network, length);
    return i >= 0 ? view(network, length) : null;
  }

  /** The entry for {@code p}, created (passive, no sources) when there is none. */
  TopologyEntry getOrCreate(Ipv4Prefix p) {
    int network = p.network().bits();
    int length = p.length();
    if (lastView != null && lastView.is(network, length) && lastView.row() >= 0) {
      return lastView;
    }
    insert(network, length);
    return view(network, length);
  }

  void remove(Ipv4Prefix p) {
    int i = find(p.network().bits(), p.length());
    if (lastView != null && lastView.is(p.network().bits(), p.length())) {
      lastView = null;
    }
    if (i >= 0) {
      int tail = size - i - 1;
      System.arraycopy(networks, i + 1, networks, i, tail);
      System.arraycopy(lengths, i + 1, lengths, i, tail);
      System.arraycopy(distances, i + 1, distances, i, tail);
      System.arraycopy(installed, i + 1, installed, i, tail);
      System.arraycopy(rest, i + 1, rest, i, tail);
      rest[--size] = null;
      version++;
    }
  }

  /** A view of every entry in order. */
  List<TopologyEntry> values() {
    List<TopologyEntry> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new TopologyEntry(this, networks[i], lengths[i]));
    }
    return List.copyOf(out);
  }

  /** The row of {@code network}/{@code length}, made (passive, no sources) when there is none. */
  int insert(int network, int length) {
    int i = find(network, length);
    if (i >= 0) {
      return i;
    }
    int at = -i - 1;
    if (size == networks.length) {
      int grown = size + (size >> 3) + 1;
      networks = Arrays.copyOf(networks, grown);
      lengths = Arrays.copyOf(lengths, grown);
      distances = Arrays.copyOf(distances, grown);
      installed = Arrays.copyOf(installed, grown);
      rest = Arrays.copyOf(rest, grown);
    }
    int tail = size - at;
    System.arraycopy(networks, at, networks, at + 1, tail);
    System.arraycopy(lengths, at, lengths, at + 1, tail);
    System.arraycopy(distances, at, distances, at + 1, tail);
    System.arraycopy(installed, at, installed, at + 1, tail);
    System.arraycopy(rest, at, rest, at + 1, tail);
    networks[at] = network;
    lengths[at] = (byte) length;
    distances[at] = (int) CompositeMetric.INFINITE;
    installed[at] = TopologyEntry.NOT_INSTALLED;
    rest[at] = null;
    size++;
    version++;
    return at;
  }

  int version() {
    return version;
  }

  int distance(int row) {
    return distances[row];
  }

  void setDistance(int row, int distance) {
    distances[row] = distance;
  }

  long installed(int row) {
    return installed[row];
  }

  void setInstalled(int row, long nanos) {
    installed[row] = nanos;
  }

  Object rest(int row) {
    return rest[row];
  }

  void setRest(int row, Object value) {
    rest[row] = value;
  }

  /** The row of {@code network}/{@code length}, or {@code -(insertion point + 1)}. */
  int find(int network, int length) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Integer.compare(networks[mid], network);
      if (c == 0) {
        c = Integer.compare(lengths[mid], length);
      }
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

  private TopologyEntry view(int network, int length) {
    lastView = new TopologyEntry(this, network, length);
    return lastView;
  }
}
