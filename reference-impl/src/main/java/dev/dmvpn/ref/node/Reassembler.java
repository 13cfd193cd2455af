package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reassembles fragments addressed to the node (RFC 791 / RFC 815 hole logic simplified to a byte bitmap): a
 * datagram is complete when the last fragment is in and every byte before it is covered; an incomplete one is
 * dropped after {@link #TIMEOUT}. At most {@link #MAX_DATAGRAMS} in progress, each at most 64 KiB.
 */
final class Reassembler {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final int MAX_DATAGRAMS = 64;

  private record Key(Ipv4Address source, Ipv4Address destination, int id, int protocol) {}

  private static final class Partial {
    final byte[] data = new byte[65_535];
    final boolean[] have = new boolean[65_535];
    int totalLength = -1;
    Ipv4Packet first;
    Scheduler.Timer timer;
  }

  private final Scheduler scheduler;
  private final DropSink drops;
  private final Map<Key, Partial> partials = new HashMap<>();

  /** Timeouts run on {@code scheduler}; discarded fragments and datagrams are reported to {@code drops}. */
  Reassembler(Scheduler scheduler, DropSink drops) {
    this.scheduler = scheduler;
    this.drops = drops;
  }

  /** Adds a fragment; returns the whole datagram once complete, else {@code null}. */
  Ipv4Packet add(Ipv4Packet f) {
    Key k = new Key(f.source(), f.destination(), f.identification(), f.protocol().value());
    Partial p = partials.get(k);
    if (p == null) {
      if (partials.size() >= MAX_DATAGRAMS) {
        drops.drop("ip: reassembly table full", "fragment of " + f.source() + " id " + f.identification());
        return null;
      }
      p = new Partial();
      partials.put(k, p);
      p.timer = scheduler.schedule(TIMEOUT, () -> {
        if (partials.remove(k) != null) {
          drops.drop("ip: reassembly timeout", "datagram " + k.id() + " from " + k.source() + " incomplete");
        }
      });
    }
    int off = f.fragmentOffset() * 8;
    byte[] payload = f.payload();
    if (off + payload.length > p.data.length) {
      partials.remove(k);
      p.timer.cancel();
      drops.drop("ip: fragment beyond 64 KiB", "fragment offset " + off + " from " + f.source());
      return null;
    }
    System.arraycopy(payload, 0, p.data, off, payload.length);
    for (int i = off; i < off + payload.length; i++) {
      p.have[i] = true;
    }
    if (!f.moreFragments()) {
      p.totalLength = off + payload.length;
    }
    if (off == 0) {
      p.first = f;
    }
    return complete(k, p);
  }

  private Ipv4Packet complete(Key k, Partial p) {
    if (p.totalLength < 0 || p.first == null) {
      return null;
    }
    for (int i = 0; i < p.totalLength; i++) {
      if (!p.have[i]) {
        return null;
      }
    }
    partials.remove(k);
    p.timer.cancel();
    byte[] whole = java.util.Arrays.copyOf(p.data, p.totalLength);
    Ipv4Packet f = p.first;
    return new Ipv4Packet(4, f.ihl(), f.tos(), f.headerLength() + whole.length, f.identification(),
        f.flags() & Ipv4Packet.FLAG_DF, 0, f.ttl(), IpProtocol.valueOf(f.protocol().value()), 0, f.source(),
        f.destination(), f.options(), whole, false);
  }
}
