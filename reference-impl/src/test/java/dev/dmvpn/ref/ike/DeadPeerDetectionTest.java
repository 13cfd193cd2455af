package dev.dmvpn.ref.ike;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.NotifyPayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Periodic DPD (RFC 3706, IOS {@code crypto isakmp keepalive 10 2}) on the initiator only, on a simulated clock:
 *
 * <pre>
 *   ... QM2 heard at t0; idle 10 s:   INFO* HASH, N(R-U-THERE, seq)      -->
 *                                     <--  INFO* HASH, N(R-U-THERE-ACK, seq)   (t1: idle again from here)
 *   peer gone:  R-U-THERE at t0+10, retries at +12 +14 +16 +18 +20, peer dead at +22
 * </pre>
 */
public class DeadPeerDetectionTest {
  private static final Duration N = Duration.ofSeconds(10);
  private static final Duration R = Duration.ofSeconds(2);

  private static IkePair pair() {
    return new IkePair(IkeConfig.document(IkePair.INITIATOR).withDpd(N, R), IkeConfig.document(IkePair.RESPONDER));
  }

  /** When the initiator last heard the responder during set-up: QM2's arrival. */
  private static long setupHeard(IkePair net) {
    return net.wire.get(7).nanos() + IkePair.LATENCY.toNanos();
  }

  @Test
  public void idlePeerIsAskedEveryTenSecondsAndEachAckResetsTheWait() {
    IkePair net = pair();
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    net.advance(Duration.ofSeconds(34));

    List<IkePair.Datagram> info = net.wire.subList(9, net.wire.size());
    assertEquals(info.size(), 6, "three R-U-THERE / ACK pairs in 35 s");
    long heard = setupHeard(net);
    List<List<IsakmpPayload>> open = WireDecryptor.open(net.wire, sa);
    int firstSeq = 0;
    for (int k = 0; k < 3; k++) {
      IkePair.Datagram ask = info.get(2 * k);
      IkePair.Datagram ack = info.get(2 * k + 1);
      assertEquals(ask.source(), IkePair.INITIATOR);
      assertEquals(ask.message().header().exchangeType(), ExchangeType.INFORMATIONAL);
      assertEquals(ask.nanos() - heard, N.toNanos(), "R-U-THERE " + (k + 1) + " after 10 s of silence");
      assertEquals(ack.source(), IkePair.RESPONDER);
      heard = ack.nanos() + IkePair.LATENCY.toNanos(); // the ACK resets the idle timer
      NotifyPayload q = notify(open.get(9 + 2 * k));
      NotifyPayload a = notify(open.get(10 + 2 * k));
      assertEquals(q.notifyType(), NotifyType.R_U_THERE);
      assertEquals(a.notifyType(), NotifyType.R_U_THERE_ACK);
      assertEquals(a.data(), q.data(), "the ACK echoes the sequence number");
      assertEquals(q.spi().length, 16, "SPI = CKY-I | CKY-R");
      int seq = Phase2Proposals.spi(q.data());
      firstSeq = k == 0 ? seq : firstSeq;
      assertEquals(seq, firstSeq + k, "sequence numbers count up");
    }
    assertEquals(sa.dpdRequestsSent(), 3);
    assertEquals(sa.dpdAcks(), 3);
    assertEquals(sa.dpdSequence(), firstSeq + 2);
    assertTrue(net.initiatorEvents.peerDead.isEmpty());
    assertEquals(sa.state(), IkeSa.State.ESTABLISHED);
  }

  @Test
  public void deadPeerGetsFiveRetriesThenItsSasAreDeleted() {
    IkePair net = pair();
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    long t0 = setupHeard(net);
    net.drop = d -> true; // the responder is gone
    net.advance(Duration.ofNanos(t0 + Duration.ofSeconds(22).toNanos() - 1 - net.clock.nanoTime()));

    List<IkePair.Datagram> asks = net.wire.subList(9, net.wire.size());
    assertEquals(asks.size(), 6, "R-U-THERE and 5 retries");
    for (int k = 0; k < 6; k++) {
      assertEquals(asks.get(k).nanos() - t0, N.plus(R.multipliedBy(k)).toNanos(), "try " + (k + 1));
    }
    assertEquals(sa.state(), IkeSa.State.ESTABLISHED, "not yet: R s after the last retry");
    assertTrue(net.initiatorEvents.peerDead.isEmpty());

    net.advance(Duration.ofNanos(1)); // t0 + 22 s
    assertEquals(net.initiatorEvents.peerDead, List.of(sa));
    assertEquals(sa.state(), IkeSa.State.DEAD);
    assertTrue(net.initiator.ikeSas().isEmpty());
    assertEquals(net.initiatorEvents.childDeleted.size(), 1);
    assertTrue(net.initiatorEvents.childDeleted.get(0).endsWith("peer dead (DPD)"));
    assertEquals(net.initiatorEvents.ikeDeleted, List.of("peer dead (DPD)"));
    assertTrue(sa.childSas().isEmpty());
    net.advance(Duration.ofSeconds(30));
    assertEquals(net.wire.size(), 15, "nothing more is sent to a dead peer");
  }

  @Test
  public void trafficFromThePeerSuppressesDpd() {
    IkePair net = pair();
    IkeSa sa = net.connect(Duration.ofSeconds(1));
    net.drop = d -> true; // IKE is silent, but ESP keeps arriving (the data plane says so)
    for (int s = 0; s < 12; s++) {
      net.advance(Duration.ofSeconds(5));
      net.initiator.trafficReceived(IkePair.RESPONDER);
    }
    long lastTraffic = net.clock.nanoTime();
    assertEquals(net.wire.size(), 9, "61 s without R-U-THERE");
    assertEquals(sa.dpdRequestsSent(), 0);

    net.advance(Duration.ofSeconds(11));
    assertEquals(net.wire.size(), 10);
    assertEquals(net.wire.get(9).nanos() - lastTraffic, N.toNanos(), "10 s after the last reported packet");
    assertTrue(net.initiatorEvents.peerDead.isEmpty());
  }

  private static NotifyPayload notify(List<IsakmpPayload> payloads) {
    return payloads.stream().filter(p -> p instanceof NotifyPayload).map(NotifyPayload.class::cast).findFirst()
        .orElseThrow();
  }
}
