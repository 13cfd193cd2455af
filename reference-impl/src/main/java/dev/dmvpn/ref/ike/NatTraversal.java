package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.esp.NatTFraming;
import dev.dmvpn.ref.time.Scheduler;
import java.time.Duration;

/**
 * The UDP side of NAT traversal for one {@link IkeManager} (RFC 3947 section 4, RFC 3948 section 2): the non-ESP
 * marker in front of IKE messages on port 4500, following the peer to 4500 (and to a new NAT mapping), and the
 * NAT-keepalives (one 0xFF byte every {@link NatTraversalSettings#keepaliveInterval()}) sent by the side behind the
 * NAT once floated, for as long as the ISAKMP SA lives. Keepalives are sent on schedule whatever other traffic
 * flows (RFC 3948 allows skipping them when other packets went out; we do not track outbound ESP).
 */
final class NatTraversal {
  private final IkeTransport transport;
  private final Scheduler scheduler;
  private final Duration keepaliveInterval;

  NatTraversal(IkeTransport transport, Scheduler scheduler, NatTraversalSettings settings) {
    this.transport = transport;
    this.scheduler = scheduler;
    this.keepaliveInterval = settings.keepaliveInterval();
  }

  /** Sends an ISAKMP message on the SA's current ports, behind the non-ESP marker on 4500. */
  void send(IkeSa sa, byte[] isakmp) {
    transport.sendFrom(sa.localPort(), sa.peerAddress(), sa.peerPort(), frame(sa.localPort(), isakmp));
  }

  /** The UDP payload for an ISAKMP message sent from {@code localPort}: with the 4-byte zero marker on 4500. */
  static byte[] frame(int localPort, byte[] isakmp) {
    if (localPort != IkeConfig.NAT_T_PORT) {
      return isakmp;
    }
    byte[] out = new byte[NatTFraming.NON_ESP_MARKER_LENGTH + isakmp.length];
    System.arraycopy(isakmp, 0, out, NatTFraming.NON_ESP_MARKER_LENGTH, isakmp.length);
    return out;
  }

  /**
   * An authenticated message of {@code sa} came to our {@code localPort} from the peer's {@code peerPort}: on 4500
   * the SA follows it (the responder floats on MM5; a NAT that changed its mapping is followed, RFC 3947 section 4).
   */
  static void follow(IkeSa sa, int localPort, int peerPort) {
    if (localPort == IkeConfig.NAT_T_PORT && (!sa.floated() || sa.peerPort() != peerPort)) {
      sa.ports(IkeConfig.NAT_T_PORT, peerPort);
    }
  }

  /** Phase 1 is up: the side behind the NAT starts its keepalives. */
  void start(IkeSa sa) {
    if (sa.floated() && sa.localBehindNat() && !keepaliveInterval.isZero()) {
      sa.keepaliveTimer = scheduler.schedule(keepaliveInterval, () -> keepalive(sa));
    }
  }

  void stop(IkeSa sa) {
    if (sa.keepaliveTimer != null) {
      sa.keepaliveTimer.cancel();
      sa.keepaliveTimer = null;
    }
  }

  private void keepalive(IkeSa sa) {
    sa.keepaliveTimer = null;
    if (sa.state() == IkeSa.State.DEAD) {
      return;
    }
    transport.sendFrom(sa.localPort(), sa.peerAddress(), sa.peerPort(), NatTFraming.keepalive());
    sa.keepalivesSent++;
    sa.keepaliveTimer = scheduler.schedule(keepaliveInterval, () -> keepalive(sa));
  }
}
