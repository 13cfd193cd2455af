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
 * packet per second in either direction is lost. A small kilobyte lifetime rekeys at 90 % of the volume the same
 * way.
 */
public class IpsecRekeyTest {

  /** A minimal data plane: newest outbound SA, inbound SAs by SPI, fed by the IKE events. */
  private static final class DataPlane {
    final Map<Integer, EspSa> inbound = new HashMap<>();
    final Map<Integer, ChildSa> inboundChild = new HashMap<>();
    EspSa outbound;
    ChildSa outboundChild;
    int installed;
    int inboundInstalled;

    void sync(IkePair net, IkePair.Events events) {
      while (inboundInstalled < events.inboundReady.size()) { // responder: inbound SA from QM2 on
        installInbound(net, events.inboundReady.get(inboundInstalled++));
      }
      while (installed < events.phase2Up.size()) {
        ChildSa c = events.phase2Up.get(installed++);
        installInbound(net, c);
        outbound = new EspSa(c.outbound(), net.clock);
        outboundChild = c;
      }
    }

    void installInbound(IkePair net, ChildSa c) {
      inbound.computeIfAbsent(c.inbound().spi(), spi -> new EspSa(c.inbound(), net.clock));
      inboundChild.put(c.inbound().spi(), c);
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
  public void kilobyteLifetimeRekeysBeforeTheVolumeRunsOut() {
    IpsecProfile small = new IpsecProfile("cisco", List.of(TransformSet.document()), 120, 100); // 100 KB
    IkePair net = new IkePair(IkeConfig.document(IkePair.INITIATOR).withProfile(small),
        IkeConfig.document(IkePair.RESPONDER).withProfile(small));
    net.connect(Duration.ofMillis(100));
    DataPlane a = new DataPlane();
    DataPlane b = new DataPlane();
    EspProcessor esp = new EspProcessor(RandomSource.of(new SplittableRandom(1)));
    byte[] gre = new byte[1000];
    int sent = 0;
    int delivered = 0;
    long mostOnOneSa = 0;
    // 1000 bytes each way every millisecond for 2 s: 2,000,000 bytes per direction, about 21 x 92,160 (90 %)
    for (int ms = 1; ms <= 2000; ms++) {
      net.clock.advance(Duration.ofMillis(1));
      a.sync(net, net.initiatorEvents);
      b.sync(net, net.responderEvents);
      for (Object[] dir : new Object[][] {{a, b, net.initiator, net.responder}, {b, a, net.responder, net.initiator}}) {
        DataPlane from = (DataPlane) dir[0];
        DataPlane to = (DataPlane) dir[1];
        byte[] packet = esp.protect(from.outbound, 47, gre); // throws once the hard volume is used up
        sent++;
        reportVolume((IkeManager) dir[2], from.outboundChild, from.outbound);
        EspSa in = to.inbound.get(from.outbound.spi());
        EspOpenResult r = in == null ? null : esp.open(in, packet);
        delivered += r != null && r.isDelivered() ? 1 : 0;
        reportVolume((IkeManager) dir[3], to.inboundChild.get(from.outbound.spi()), in);
        mostOnOneSa = Math.max(mostOnOneSa, from.outbound.bytes());
      }
    }
    assertEquals(delivered, sent, "every packet delivered across the volume rekeys");
    assertTrue(mostOnOneSa <= 95 * 1024, "no SA carried more than 95 KB of its 100 KB: " + mostOnOneSa);
    // 2,000,000 / 92,160 = 21.7: the set-up and 21 rekeys, all started by the initiator at 90 %
    assertEquals(net.initiatorEvents.phase2Up.size(), 22);
    assertEquals(net.responderEvents.phase2Up.size(), 22);
    assertTrue(net.initiatorEvents.phase2Up.stream().allMatch(ChildSa::isInitiator), "no duplicate rekey");
    assertTrue(net.initiatorEvents.phase2Failed.isEmpty() && net.responderEvents.phase2Failed.isEmpty());
    assertEquals(net.initiatorEvents.phase1Up.size(), 1);
  }

  @Test
  public void volumeRekeyIsStartedOnceAndByTheResponderToo() {
    IpsecProfile small = new IpsecProfile("cisco", List.of(TransformSet.document()), 120, 100);
    IkePair net = new IkePair(IkeConfig.document(IkePair.INITIATOR).withProfile(small),
        IkeConfig.document(IkePair.RESPONDER).withProfile(small));
    net.connect(Duration.ofMillis(100));
    ChildSa responderChild = net.responderEvents.phase2Up.get(0);
    assertEquals(ChildSa.softVolumeLimit(100, true), 92_160);
    assertEquals(responderChild.softVolumeLimitBytes(), 97_280, "the responder waits until 95 %");
    assertTrue(responderChild.isPastSoftVolumeLimit(97_280) && !responderChild.isPastSoftVolumeLimit(97_279));
    int before = net.wire.size();
    // <-- QM1* (the responder rekeys: the initiator did not, e.g. its peer counts only its own traffic)
    net.responder.volumeSoftLimitReached(responderChild);
    net.responder.volumeSoftLimitReached(responderChild); // reported again with the next packet: ignored
    net.advance(Duration.ofMillis(1));
    net.initiator.volumeSoftLimitReached(net.initiatorEvents.phase2Up.get(0)); // a Quick Mode runs: ignored
    net.advance(Duration.ofSeconds(1));
    assertEquals(net.wire.size() - before, 3, "one Quick Mode: QM1, QM2, QM3");
    assertEquals(net.responderEvents.phase2Up.size(), 2);
    assertTrue(net.responderEvents.phase2Up.get(1).isInitiator());
    assertEquals(responderChild.state(), ChildSa.State.REKEYED);
    assertEquals(net.initiatorEvents.phase2Up.get(0).state(), ChildSa.State.REKEYED);
    net.responder.volumeSoftLimitReached(responderChild); // a straggler on the old inbound SA: ignored
    net.advance(Duration.ofSeconds(1));
    assertEquals(net.wire.size() - before, 3);
  }

  private static void reportVolume(IkeManager manager, ChildSa child, EspSa sa) {
    if (child != null && child.isPastSoftVolumeLimit(sa.bytes())) {
      manager.volumeSoftLimitReached(child);
    }
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
