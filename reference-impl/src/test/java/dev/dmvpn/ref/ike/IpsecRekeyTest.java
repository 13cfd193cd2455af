package dev.dmvpn.ref.ike;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ipsec.EspOpenResult;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

/**
 * The document's 120-second IPsec lifetime on a simulated clock: the Quick Mode initiator rekeys at 90 s, both
 * sides switch outbound traffic to the new pair, keep the old inbound SA until it expires at 120 s, and not one
 * packet per second in either direction is lost.
 */
public class IpsecRekeyTest {

  /** A minimal data plane: newest outbound SA, inbound SAs by SPI, fed by the IKE events. */
  private static final class DataPlane {
    final Map<Integer, EspSa> inbound = new HashMap<>();
    EspSa outbound;
    int installed;
    int removed;

    void sync(IkePair net, IkePair.Events events) {
      while (installed < events.phase2Up.size()) {
        ChildSa c = events.phase2Up.get(installed++);
        inbound.put(c.inbound().spi(), new EspSa(c.inbound(), net.clock));
        outbound = new EspSa(c.outbound(), net.clock);
      }
    }

    void expire(List<ChildSa> alive) {
      inbound.keySet().removeIf(spi -> alive.stream().noneMatch(c -> c.inbound().spi() == spi));
    }
  }

  @Test
  public void rekeyAt90SecondsLosesNoTraffic() {
    IkePair net = new IkePair();
    IkeSa sa = net.connect(Duration.ofMillis(100));
    IkeSa peerSa = net.responder.ikeSas().get(0);
    DataPlane a = new DataPlane();
    DataPlane b = new DataPlane();
    EspProcessor esp = new EspProcessor(RandomSource.of(new SplittableRandom(1)));
    byte[] gre = {0, 0, 0x08, 0, 0x45, 0};
    int sent = 0;
    int delivered = 0;
    for (int second = 1; second <= 400; second++) {
      net.clock.advance(Duration.ofSeconds(1));
      a.sync(net, net.initiatorEvents);
      b.sync(net, net.responderEvents);
      a.expire(sa.childSas());
      b.expire(peerSa.childSas());
      for (DataPlane[] dir : new DataPlane[][] {{a, b}, {b, a}}) {
        byte[] packet = esp.protect(dir[0].outbound, 47, gre);
        sent++;
        EspSa in = dir[1].inbound.get(dir[0].outbound.spi());
        EspOpenResult r = in == null ? null : esp.open(in, packet);
        delivered += r != null && r.isDelivered() ? 1 : 0;
      }
    }
    assertEquals(delivered, sent, "every packet of 400 s both ways delivered across the rekeys");
    // set-up at 0 s, rekeys at 90, 180, 270, 360 s
    assertEquals(net.initiatorEvents.phase2Up.size(), 5);
    assertEquals(net.responderEvents.phase2Up.size(), 5);
    assertTrue(net.initiatorEvents.phase2Failed.isEmpty());
    assertEquals(net.initiatorEvents.childDeleted.size(), 4, "old pairs expire at 120, 210, 300, 390 s");
    assertTrue(net.initiatorEvents.childDeleted.get(0).endsWith("lifetime expired"));
    assertEquals(sa.childSas().size(), 1);
    assertEquals(a.inbound.size(), 1);
    assertEquals(net.initiatorEvents.phase1Up.size(), 1, "one ISAKMP SA carries all the rekeys");
  }

  @Test
  public void rekeyAfterIsakmpExpiryStartsANewMainMode() {
    IkeConfig shortPhase1 = IkeConfig.document(IkePair.INITIATOR).withPolicies(
        List.of(IkePolicy.document().withLifetime(100)));
    IkePair net = new IkePair(shortPhase1, IkeConfig.document(IkePair.RESPONDER));
    net.connect(Duration.ofSeconds(200));
    // 0 s MM+QM; 90 s QM rekey; 100 s ISAKMP SA expires (<-- Delete); 180 s rekey needs MM again, then QM
    // the responder took the lower lifetime too and established 1 ms earlier, so its SA expires first
    assertEquals(net.responderEvents.ikeDeleted, List.of("lifetime expired"));
    assertEquals(net.initiatorEvents.ikeDeleted.size(), 1);
    assertEquals(net.initiatorEvents.phase1Up.size(), 2);
    assertEquals(net.initiatorEvents.phase2Up.size(), 3);
    assertEquals(net.responderEvents.phase2Up.size(), 3);
  }

  @Test
  public void rekeyScheduleForCommonLifetimes() {
    assertEquals(ChildSaLifetimes.rekeyAfter(120), 90);
    assertEquals(ChildSaLifetimes.rekeyAfter(3600), 3240);
    assertEquals(ChildSaLifetimes.rekeyAfter(40), 20);
  }
}
