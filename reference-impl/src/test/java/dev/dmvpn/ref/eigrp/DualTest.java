package dev.dmvpn.ref.eigrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * DUAL on hand-sized numbers: links with bandwidth 0 on the wire and delays in multiples of 256, so that a
 * composite metric is 256 x (reported delay + link delay) and each expectation can be checked by hand.
 */
public class DualTest {
  static final Ipv4Prefix D = Ipv4Prefix.parse("10.9.0.0/16");
  static final NeighborId A = new NeighborId("Fa0/0", Ipv4Address.parse("10.0.0.1"));
  static final NeighborId B = new NeighborId("Fa0/0", Ipv4Address.parse("10.0.0.2"));
  static final NeighborId C = new NeighborId("Fa0/1", Ipv4Address.parse("10.0.1.3"));

  /** Link delay L tens of us, bandwidth 0: adds 256 x L to a composite. */
  static VectorMetric link(int tens) {
    return new VectorMetric(256L * tens, 0, 1500, 0, 255, 1);
  }

  static RouteTlv route(int reportedTens) {
    return InternalRouteTlv.of(Ipv4Address.ANY, new VectorMetric(256L * reportedTens, 0, 1500, 1, 255, 1), D);
  }

  static RouteTlv unreachable() {
    return InternalRouteTlv.of(Ipv4Address.ANY, new VectorMetric(VectorMetric.INFINITE_DELAY, 0, 1500, 1, 255, 1),
        D);
  }

  final List<String> log = new ArrayList<>();
  List<NeighborId> up;
  Dual dual;

  @BeforeMethod
  public void setUp() {
    log.clear();
    up = new ArrayList<>(List.of(A, B, C));
    dual = new Dual(new DualContext() {
      @Override
      public List<NeighborId> queryTargets(TopologyEntry entry) {
        return List.copyOf(up);
      }

      @Override
      public void sendQuery(TopologyEntry entry, NeighborId to) {
        log.add("query " + to.address() + " " + entry.distance());
      }

      @Override
      public void sendReply(TopologyEntry entry, NeighborId to) {
        log.add("reply " + to.address() + " " + entry.distance());
      }

      @Override
      public void changed(TopologyEntry entry) {
        log.add("changed " + entry.distance());
      }
    }, KValues.DEFAULT);
  }

  void update(NeighborId n, RouteTlv r, int linkTens) {
    dual.received(Dual.Input.UPDATE, n, r, n.address(), link(linkTens));
  }

  @Test
  public void feasibleSuccessorTakesOverWithoutQueries() {
    update(A, route(50), 50); // via A: 256 x (50 + 50) = 25,600; RD 256 x 50 = 12,800
    update(B, route(80), 70); // via B: 256 x (80 + 70) = 38,400; RD 20,480 < FD 25,600: feasible
    TopologyEntry e = dual.entry(D);
    assertEquals(e.successor().neighbor(), A);
    assertEquals(e.feasibleDistance(), 25_600L);
    assertEquals(e.feasibleSuccessors().size(), 2);
    log.clear();
    up.remove(A);
    dual.neighborDown(A);
    assertEquals(e.state(), DualState.PASSIVE);
    assertEquals(e.successor().neighbor(), B);
    assertEquals(e.distance(), 38_400L);
    assertEquals(e.feasibleDistance(), 25_600L, "FD is the lowest distance since the last active phase");
    assertEquals(log, List.of("changed 38400"), "no query when a feasible successor exists");
  }

  @Test
  public void noFeasibleSuccessorGoesActiveAndQueries() {
    update(A, route(50), 50); // 25,600, RD 12,800
    update(B, route(120), 20); // 256 x 140 = 35,840; RD 30,720 >= FD 25,600: not feasible
    TopologyEntry e = dual.entry(D);
    assertEquals(e.feasibleSuccessors().size(), 1);
    log.clear();
    up.remove(A);
    dual.neighborDown(A);
    assertEquals(e.state(), DualState.ACTIVE);
    assertEquals(e.pendingReplies(), java.util.Set.of(B, C));
    assertNull(e.successor(), "the lost successor's route is withdrawn while active");
    assertEquals(log, List.of("changed " + CompositeMetric.INFINITE, "query 10.0.0.2 " + CompositeMetric.INFINITE,
        "query 10.0.1.3 " + CompositeMetric.INFINITE));
    log.clear();
    dual.received(Dual.Input.REPLY, B, route(120), B.address(), link(20));
    assertEquals(e.state(), DualState.ACTIVE, "C has not replied");
    dual.received(Dual.Input.REPLY, C, unreachable(), C.address(), link(1));
    assertEquals(e.state(), DualState.PASSIVE);
    assertEquals(e.successor().neighbor(), B);
    assertEquals(e.feasibleDistance(), 35_840L, "FD reset to the new distance after the active phase");
    assertEquals(log, List.of("changed 35840"));
  }

  @Test
  public void lastRouteLostEndsUnreachableAndIsRemoved() {
    update(A, route(50), 50);
    up.remove(A);
    log.clear();
    dual.neighborDown(A);
    dual.received(Dual.Input.REPLY, B, unreachable(), B.address(), link(1));
    up.remove(C);
    dual.neighborDown(C); // a neighbour going down counts as its reply
    assertNull(dual.entry(D));
    assertEquals(log.get(log.size() - 1), "changed " + CompositeMetric.INFINITE);
  }

  @Test
  public void queryFromSuccessorWithFeasibleSuccessorIsAnsweredAtOnce() {
    update(A, route(50), 50); // 25,600
    update(B, route(80), 70); // 38,400, feasible
    log.clear();
    dual.received(Dual.Input.QUERY, A, unreachable(), A.address(), link(50));
    TopologyEntry e = dual.entry(D);
    assertEquals(e.state(), DualState.PASSIVE);
    assertEquals(log, List.of("changed 38400", "reply 10.0.0.1 38400"));
  }

  @Test
  public void queryThatMakesUsActiveIsAnsweredWhenTheComputationEnds() {
    update(A, route(50), 50);
    log.clear();
    dual.received(Dual.Input.QUERY, A, unreachable(), A.address(), link(50));
    TopologyEntry e = dual.entry(D);
    assertEquals(e.state(), DualState.ACTIVE);
    assertEquals(e.pendingReplies(), java.util.Set.of(B, C), "the querier itself is not queried");
    dual.received(Dual.Input.REPLY, B, route(10), B.address(), link(10)); // 256 x 20 = 5,120
    dual.received(Dual.Input.REPLY, C, unreachable(), C.address(), link(10));
    assertEquals(e.state(), DualState.PASSIVE);
    assertEquals(log.subList(log.size() - 2, log.size()), List.of("reply 10.0.0.1 5120", "changed 5120"));
  }

  @Test
  public void queryWhileActiveIsAnsweredWithTheCurrentDistance() {
    update(A, route(50), 50);
    up.remove(A);
    dual.neighborDown(A);
    log.clear();
    dual.received(Dual.Input.QUERY, B, unreachable(), B.address(), link(1));
    assertEquals(log, List.of("reply 10.0.0.2 " + CompositeMetric.INFINITE));
  }

  @Test
  public void connectedBeatsLearnedAndSurvivesTheirLoss() {
    update(A, route(1), 1); // 512
    dual.connectedUp(D, "Fa0/2", link(1)); // 256
    TopologyEntry e = dual.entry(D);
    assertTrue(e.successor().isConnected());
    assertEquals(e.feasibleDistance(), 256L);
    log.clear();
    dual.neighborDown(A);
    assertEquals(log, List.of(), "losing a non-successor changes nothing");
  }

  @Test
  public void equalCostSuccessorsAreAllKept() {
    update(A, route(50), 50); // 25,600
    update(C, route(60), 40); // 25,600
    assertEquals(dual.entry(D).successors().size(), 2);
  }
}
