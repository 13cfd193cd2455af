package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IcmpType;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.UdpCodec;
import dev.dmvpn.ref.l2l3.UdpDatagram;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;

/**
 * An IOS-style {@code traceroute}: UDP probes to ports 33434, 33435, ... (one port per probe, as IOS and Van
 * Jacobson's traceroute do), {@code probes} per TTL from {@code minTtl}, one at a time; each is answered by an ICMP
 * time exceeded from the router where its TTL ran out, or by the destination's port unreachable, or times out. The
 * trace ends after the TTL whose probes reached the destination (or any unreachable), or after {@code maxTtl}.
 * Results go to a {@link Listener} as they come (IOS prints each probe at once). Call on the scheduler thread.
 */
public final class Tracer {
  /** The first destination port, as IOS's {@code Port Number [33434]}. */
  public static final int BASE_PORT = 33434;

  /** What the trace reports, on the scheduler thread. */
  public interface Listener {
    /**
     * Probe {@code index} (0-based) of {@code ttl} ended: answered by {@code from} after {@code rttNanos}, with ICMP
     * {@code type}/{@code code} (11/0 time exceeded, 3/3 port unreachable, ...), or timed out ({@code from} null).
     */
    void probe(int ttl, int index, Ipv4Address from, long rttNanos, int type, int code);

    /** The trace is over. */
    void done();
  }

  private final DmvpnNode node;
  private final Ipv4Address source;
  private final Ipv4Address destination;
  private final int probes;
  private final Duration timeout;
  private final int maxTtl;
  private final int sourcePort;
  private final Listener listener;
  private int ttl;
  private int index;
  private int port = BASE_PORT;
  private long sentAt;
  private boolean ended; // an answer from the destination (or an unreachable) during this TTL
  private boolean done;
  private Scheduler.Timer timer;

  Tracer(DmvpnNode node, Ipv4Address source, Ipv4Address destination, int probes, Duration timeout, int minTtl,
      int maxTtl, int sourcePort, Listener listener) {
    this.node = node;
    this.source = source;
    this.destination = destination;
    this.probes = probes;
    this.timeout = timeout;
    this.ttl = minTtl;
    this.maxTtl = maxTtl;
    this.sourcePort = sourcePort;
    this.listener = listener;
  }

  void start() {
    send();
  }

  private void send() {
    sentAt = node.scheduler().clock().nanoTime();
    byte[] udp = UdpCodec.encode(UdpDatagram.of(sourcePort, port, new byte[12]), source, destination);
    node.originate(IpProtocol.UDP, source, destination, 0, ttl, udp);
    int sentPort = port;
    timer = node.scheduler().schedule(timeout, () -> {
      if (!done && port == sentPort) {
        next(null, -1, -1, -1);
      }
    });
  }

  /** Ends the current probe and sends the next one, or ends the trace. */
  private void next(Ipv4Address from, long rtt, int type, int code) {
    listener.probe(ttl, index, from, rtt, type, code);
    boolean reached = from != null && (from.equals(destination) || type == IcmpType.DESTINATION_UNREACHABLE.value());
    ended |= reached;
    port++;
    index++;
    if (index == probes) {
      index = 0;
      ttl++;
      if (ended || ttl > maxTtl) {
        done = true;
        listener.done();
        return;
      }
    }
    send();
  }

  /**
   * An ICMP error addressed to this node; returns whether it answers our outstanding probe (its quoted header is our
   * UDP datagram to the current port).
   */
  boolean onIcmpError(Ipv4Address from, IcmpPacket m) {
    if (done) {
      return false;
    }
    byte[] q = m.data();
    if (q.length < 20) {
      return false;
    }
    int ihl = (q[0] & 0x0F) * 4;
    if (q.length < ihl + 4 || (q[9] & 0xFF) != IpProtocol.UDP.value()) {
      return false;
    }
    int sport = ((q[ihl] & 0xFF) << 8) | (q[ihl + 1] & 0xFF);
    int dport = ((q[ihl + 2] & 0xFF) << 8) | (q[ihl + 3] & 0xFF);
    if (sport != sourcePort || dport != port) {
      return false;
    }
    timer.cancel();
    next(from, node.scheduler().clock().nanoTime() - sentAt, m.type().value(), m.code());
    return true;
  }

  public boolean done() {
    return done;
  }
}
