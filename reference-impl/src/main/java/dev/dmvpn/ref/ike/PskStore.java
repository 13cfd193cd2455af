package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-shared keys by peer address, as {@code crypto isakmp key KEY address ADDR MASK} configures them: an entry
 * matches a peer when {@code peer & mask == addr & mask}; the most specific match (most mask bits) wins, so a
 * {@code 255.255.255.255} entry overrides the {@code 0.0.0.0 0.0.0.0} wildcard. Keys never appear in
 * {@link #toString()} or in any log or failure text. Not thread-safe while being configured.
 */
public final class PskStore {
  private record Entry(Ipv4Address address, Ipv4Address mask, byte[] key) {
    boolean matches(Ipv4Address peer) {
      return (peer.bits() & mask.bits()) == (address.bits() & mask.bits());
    }

    int specificity() {
      return Integer.bitCount(mask.bits());
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  /** {@code crypto isakmp key KEY address ADDR MASK}; a later entry with the same address and mask replaces one. */
  public PskStore add(String key, Ipv4Address address, Ipv4Address mask) {
    entries.removeIf(e -> e.address.equals(address) && e.mask.equals(mask));
    entries.add(new Entry(address, mask, key.getBytes(StandardCharsets.US_ASCII)));
    return this;
  }

  /** A key for one peer ({@code address PEER} without mask = 255.255.255.255). */
  public PskStore addPeer(String key, Ipv4Address peer) {
    return add(key, peer, new Ipv4Address(-1));
  }

  /** The document's {@code crypto isakmp key cisco123 address 0.0.0.0 0.0.0.0}. */
  public static PskStore document() {
    return new PskStore().add("cisco123", Ipv4Address.ANY, Ipv4Address.ANY);
  }

  /** The key for {@code peer} (most specific match), or null; the array is shared: do not modify it. */
  public byte[] lookup(Ipv4Address peer) {
    Entry best = null;
    for (Entry e : entries) {
      if (e.matches(peer) && (best == null || e.specificity() > best.specificity())) {
        best = e;
      }
    }
    return best == null ? null : best.key;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("PskStore[");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      b.append(i == 0 ? "" : ", ").append(e.address).append('/').append(e.mask).append(" key <hidden>");
    }
    return b.append(']').toString();
  }
}
