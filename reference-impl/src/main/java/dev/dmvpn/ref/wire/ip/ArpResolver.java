package dev.dmvpn.ref.wire.ip;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.ArpCodec;
import dev.dmvpn.ref.l2l3.ArpOperation;
import dev.dmvpn.ref.l2l3.ArpPacket;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ARP (RFC 826) for one {@link Ipv4Interface}: answers requests for the interface's addresses, keeps a cache
 * with a lifetime, and queues IPv4 packets for an unresolved next hop while it sends requests every {@code
 * retryInterval}, up to {@code maxRequests}; then the queued packets are dropped and the failure listener (a
 * router's ICMP host-unreachable) hears of them. Runs on the scheduler's thread only.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc826">RFC 826, "Packet Reception"</a>
 */
public final class ArpResolver {
  /** Told about packets dropped because their next hop never answered. */
  @FunctionalInterface
  public interface FailureListener {
    void unresolved(Ipv4Address nextHop, List<byte[]> droppedPackets);
  }

  private record Entry(MacAddress mac, long expiresNanos) {}

  private static final class Pending {
    final List<byte[]> packets = new ArrayList<>();
    int requests;
    Scheduler.Timer timer;
  }

  private final Ipv4Interface iface;
  private final Scheduler scheduler;
  private final ArpSettings settings;
  private final Map<Ipv4Address, Entry> cache = new HashMap<>();
  private final Map<Ipv4Address, Pending> pending = new LinkedHashMap<>();
  private FailureListener failureListener = (hop, packets) -> {};
  private long requestsSent;
  private long repliesSent;
  private long failures;
  private long pendingDropped;

  ArpResolver(Ipv4Interface iface, Scheduler scheduler, ArpSettings settings) {
    this.iface = iface;
    this.scheduler = scheduler;
    this.settings = settings;
  }

  public void onFailure(FailureListener listener) {
    this.failureListener = listener;
  }

  /** The cached MAC of {@code ip}, or null when unknown or expired. */
  public MacAddress lookup(Ipv4Address ip) {
    Entry e = cache.get(ip);
    if (e == null) {
      return null;
    }
    if (scheduler.clock().nanoTime() - e.expiresNanos >= 0) {
      cache.remove(ip);
      return null;
    }
    return e.mac;
  }

  /** Adds or refreshes an entry (static ARP, or learned). */
  public void learn(Ipv4Address ip, MacAddress mac) {
    cache.put(ip, new Entry(mac, scheduler.clock().nanoTime() + settings.cacheLifetime().toNanos()));
    Pending p = pending.remove(ip);
    if (p != null) {
      p.timer.cancel();
      for (byte[] packet : p.packets) {
        iface.sendFrame(mac, EtherType.IPV4, packet);
      }
    }
  }

  /** Unexpired entries, for display and tests. */
  public Map<Ipv4Address, MacAddress> entries() {
    Map<Ipv4Address, MacAddress> out = new LinkedHashMap<>();
    long now = scheduler.clock().nanoTime();
    cache.forEach((ip, e) -> {
      if (now - e.expiresNanos < 0) {
        out.put(ip, e.mac);
      }
    });
    return out;
  }

  /** Whether {@code ip} has a cache entry (even expired) or is being resolved: RFC 826 then merges its MAC. */
  boolean knows(Ipv4Address ip) {
    return cache.containsKey(ip) || pending.containsKey(ip);
  }

  /** Sends {@code packet} to {@code nextHop}'s MAC now, or queues it and resolves. */
  void send(Ipv4Address nextHop, byte[] packet) {
    MacAddress mac = lookup(nextHop);
    if (mac != null) {
      iface.sendFrame(mac, EtherType.IPV4, packet);
      return;
    }
    Pending p = pending.get(nextHop);
    if (p == null) {
      p = new Pending();
      pending.put(nextHop, p);
      p.packets.add(packet);
      request(nextHop, p);
    } else if (p.packets.size() < settings.maxPendingPerAddress()) {
      p.packets.add(packet);
    } else {
      pendingDropped++;
    }
  }

  private void request(Ipv4Address target, Pending p) {
    p.requests++;
    requestsSent++;
    Ipv4Address sender = iface.sourceFor(target);
    ArpPacket req = ArpPacket.ethernetIpv4(ArpOperation.REQUEST, iface.mac(), sender, MacAddress.ZERO, target);
    iface.sendFrame(MacAddress.BROADCAST, EtherType.ARP, ArpCodec.encode(req));
    p.timer = scheduler.schedule(settings.retryInterval(), () -> retry(target, p));
  }

  private void retry(Ipv4Address target, Pending p) {
    if (pending.get(target) != p) {
      return;
    }
    if (p.requests < settings.maxRequests()) {
      request(target, p);
      return;
    }
    pending.remove(target);
    failures++;
    failureListener.unresolved(target, List.copyOf(p.packets));
  }

  /** RFC 826 reception: merge the sender if known or if the request is for us; answer requests for us. */
  void receive(ArpPacket arp) {
    if (!arp.isEthernetIpv4()) {
      return;
    }
    Ipv4Address sender = arp.senderIp();
    boolean forUs = iface.owns(arp.targetIp());
    boolean known = knows(sender);
    boolean probe = sender.equals(Ipv4Address.ANY); // RFC 5227 probe: nothing to learn
    if (!probe && (forUs || known)) {
      learn(sender, arp.senderMac());
    }
    if (forUs && arp.operation().value() == ArpOperation.REQUEST.value()) {
      ArpPacket reply = ArpPacket.ethernetIpv4(
          ArpOperation.REPLY, iface.mac(), arp.targetIp(), arp.senderMac(), sender);
      repliesSent++;
      iface.sendFrame(arp.senderMac(), EtherType.ARP, ArpCodec.encode(reply));
    }
  }

  public long requestsSent() {
    return requestsSent;
  }

  public long repliesSent() {
    return repliesSent;
  }

  /** Next hops given up on after {@code maxRequests} unanswered requests. */
  public long failures() {
    return failures;
  }

  /** Packets dropped because the pending queue of their next hop was full. */
  public long pendingDropped() {
    return pendingDropped;
  }

  /** Next hops being resolved now. */
  public int pendingAddresses() {
    return pending.size();
  }
}
