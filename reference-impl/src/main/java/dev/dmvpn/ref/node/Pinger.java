package dev.dmvpn.ref.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.IcmpCodec;
import dev.dmvpn.ref.l2l3.IcmpPacket;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An IOS-style {@code ping}: one echo request at a time; the next goes when the reply arrives or after the
 * timeout (2 s by default). Results read like IOS ("!" answered, "." timed out). A reply for a sequence number
 * already answered counts as a duplicate (must never happen); a reply after its timeout counts as late.
 */
public final class Pinger {
  private final DmvpnNode node;
  private final Ipv4Address source;
  private final Ipv4Address destination;
  private final int count;
  private final Duration timeout;
  private final byte[] data;
  private final int identifier;
  private final char[] marks;
  private final long[] sentAt;
  private final List<Long> rttNanos = new ArrayList<>();
  private final List<Consumer<Pinger>> onDone = new ArrayList<>();
  private int sequence;
  private int duplicates;
  private int late;
  private boolean done;
  private Scheduler.Timer timer;

  Pinger(DmvpnNode node, Ipv4Address source, Ipv4Address destination, int count, Duration timeout, int size,
      int identifier) {
    this.node = node;
    this.source = source;
    this.destination = destination;
    this.count = count;
    this.timeout = timeout;
    this.identifier = identifier;
    this.data = new byte[Math.max(0, size - 28)]; // IOS "size" counts the IP and ICMP headers
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i % 2 == 0 ? 0xAB : 0xCD); // IOS's pattern 0xABCD
    }
    this.marks = new char[count];
    this.sentAt = new long[count];
  }

  void start() {
    sendNext();
  }

  private synchronized void sendNext() {
    if (sequence >= count) {
      finish();
      return;
    }
    int seq = sequence++;
    sentAt[seq] = node.scheduler().clock().nanoTime();
    marks[seq] = '.';
    node.events().record(NodeEventKind.PING_SENT, "echo request " + source + " -> " + destination + " seq " + seq);
    node.originate(IpProtocol.ICMP, source, destination, 0,
        IcmpCodec.encode(IcmpPacket.echoRequest(identifier, seq, data)));
    timer = node.scheduler().schedule(timeout, () -> onTimeout(seq));
  }

  private synchronized void onTimeout(int seq) {
    if (seq == sequence - 1 && !done) {
      node.events().record(NodeEventKind.PING_TIMEOUT, "echo request to " + destination + " seq " + seq
          + " timed out");
      sendNext();
    }
  }

  /** An echo reply addressed to this node; returns whether it was ours. */
  synchronized boolean onReply(Ipv4Address from, IcmpPacket reply) {
    if (reply.echoIdentifier() != identifier || !from.equals(destination)) {
      return false;
    }
    int seq = reply.echoSequence();
    if (seq >= sequence) {
      return true;
    }
    if (marks[seq] == '!') {
      duplicates++;
      node.drop("icmp: duplicate echo reply", "seq " + seq + " from " + from);
      return true;
    }
    if (seq != sequence - 1 || done) {
      late++;
      return true;
    }
    marks[seq] = '!';
    long rtt = node.scheduler().clock().nanoTime() - sentAt[seq];
    rttNanos.add(rtt);
    node.events().record(NodeEventKind.PING_REPLY, "echo reply from " + from + " seq " + seq + " in "
        + rtt / 1_000_000 + " ms");
    timer.cancel();
    sendNext();
    return true;
  }

  private void finish() {
    done = true;
    for (Consumer<Pinger> c : onDone) {
      c.accept(this);
    }
  }

  /** Runs {@code callback} (on the scheduler thread) when the last echo is answered or timed out. */
  public synchronized void whenDone(Consumer<Pinger> callback) {
    if (done) {
      callback.accept(this);
    } else {
      onDone.add(callback);
    }
  }

  public synchronized boolean done() {
    return done;
  }

  /** IOS's result line, e.g. {@code .!!!!} (sent so far). */
  public synchronized String marks() {
    return new String(marks, 0, sequence);
  }

  public synchronized int answered() {
    int n = 0;
    for (int i = 0; i < sequence; i++) {
      n += marks[i] == '!' ? 1 : 0;
    }
    return n;
  }

  public synchronized int sent() {
    return sequence;
  }

  public synchronized int duplicates() {
    return duplicates;
  }

  public synchronized int late() {
    return late;
  }

  public synchronized List<Long> rttNanos() {
    return List.copyOf(rttNanos);
  }

  public Ipv4Address source() {
    return source;
  }

  public Ipv4Address destination() {
    return destination;
  }
}
