package dev.dmvpn.ref.interop;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeListener;
import dev.dmvpn.ref.ike.IkeSa;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Java peer's {@link dev.dmvpn.ref.ike.IkeManager} reported, recorded on the scheduler thread and read by
 * the test thread (every access synchronized; getters return copies).
 */
final class JavaPeerEvents implements IkeListener {
  /** One Quick Mode result. */
  record Phase2(IkeSa sa, ChildSa child) {}

  private final List<IkeSa> phase1Up = new ArrayList<>();
  private final List<String> phase1Failed = new ArrayList<>();
  private final List<Phase2> phase2Up = new ArrayList<>();
  private final List<String> phase2Failed = new ArrayList<>();
  private final List<String> deleted = new ArrayList<>();

  @Override
  public synchronized void phase1Up(IkeSa sa) {
    phase1Up.add(sa);
  }

  @Override
  public synchronized void phase1Failed(Ipv4Address peer, String reason) {
    phase1Failed.add(peer + ": " + reason);
  }

  @Override
  public synchronized void phase2Up(IkeSa sa, ChildSa child) {
    phase2Up.add(new Phase2(sa, child));
  }

  @Override
  public synchronized void phase2Failed(IkeSa sa, String reason) {
    phase2Failed.add(sa.peerAddress() + ": " + reason);
  }

  @Override
  public synchronized void childSaDeleted(IkeSa sa, ChildSa child, String reason) {
    deleted.add(child + ": " + reason);
  }

  @Override
  public synchronized void ikeSaDeleted(IkeSa sa, String reason) {
    deleted.add(sa + ": " + reason);
  }

  synchronized List<IkeSa> phase1Up() {
    return List.copyOf(phase1Up);
  }

  synchronized List<String> phase1Failed() {
    return List.copyOf(phase1Failed);
  }

  synchronized List<Phase2> phase2Up() {
    return List.copyOf(phase2Up);
  }

  synchronized List<String> phase2Failed() {
    return List.copyOf(phase2Failed);
  }

  synchronized List<String> deleted() {
    return List.copyOf(deleted);
  }

  @Override
  public synchronized String toString() {
    return "events[phase1Up=" + phase1Up + ", phase1Failed=" + phase1Failed + ", phase2Up=" + phase2Up
        + ", phase2Failed=" + phase2Failed + ", deleted=" + deleted + "]";
  }
}
