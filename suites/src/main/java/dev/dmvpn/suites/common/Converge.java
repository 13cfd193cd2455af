package dev.dmvpn.suites.common;

import dev.dmvpn.drivers.ios.PingOutcome;
import dev.dmvpn.drivers.ios.PingRequest;
import dev.dmvpn.drivers.ios.Reachability;
import dev.dmvpn.drivers.parse.EigrpNeighbor;
import dev.dmvpn.drivers.parse.IpsecFlow;
import dev.dmvpn.drivers.parse.IpsecInterface;
import dev.dmvpn.drivers.parse.IsakmpSa;
import dev.dmvpn.drivers.parse.NhrpEntry;
import dev.dmvpn.drivers.parse.RoutingTable;
import dev.dmvpn.drivers.parse.ShowCryptoIsakmpSaParser;
import dev.dmvpn.drivers.parse.ShowIpEigrpNeighborsParser;
import dev.dmvpn.drivers.parse.ShowIpNhrpParser;
import dev.dmvpn.drivers.parse.ShowIpRouteParser;
import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.topology.DmvpnMember;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The document's state, awaited on parsed {@code show} output: the states the timer and resilience suites start
 * from and come back to (both spokes registered, EIGRP over the tunnel, a spoke-to-spoke SA after a ping). Every
 * wait is bounded by the caller's limit, stated in the rack's time ({@link RackClock}).
 */
public final class Converge {
  private final Scenario scenario;
  private final Cast cast;

  public Converge(Scenario scenario, Cast cast) {
    this.scenario = scenario;
    this.cast = cast;
  }

  /** The hub's {@code show ip nhrp} holds both spokes' registrations (dynamic, their NBMA addresses). */
  public List<NhrpEntry> hubRegistersBothSpokes(Duration atMost) throws ScenarioException {
    return scenario.awaitShow(cast.hub().device(), "show ip nhrp", ShowIpNhrpParser::parse,
        list -> cast.spokes().stream().allMatch(s -> registered(list, s).isPresent()), atMost);
  }

  /** Each spoke has the hub as EIGRP neighbour and a {@code D} route to the other spoke's LAN through it. */
  public void eigrpThroughTheHub(Duration atMost) throws ScenarioException {
    for (DmvpnMember spoke : cast.spokes()) {
      scenario.awaitShow(spoke.device(), "show ip eigrp neighbors", ShowIpEigrpNeighborsParser::parse,
          list -> list.stream().anyMatch(this::isHub), atMost);
    }
    awaitRoute(cast.initiator(), cast.responderLan().subnet().toString(), atMost);
    awaitRoute(cast.responder(), cast.initiatorLan().subnet().toString(), atMost);
  }

  private void awaitRoute(DmvpnMember spoke, String network, Duration atMost) throws ScenarioException {
    scenario.awaitShow(spoke.device(), "show ip route", ShowIpRouteParser::parse,
        t -> eigrpRouteViaHub(t, network), atMost);
  }

  private boolean eigrpRouteViaHub(RoutingTable t, String network) {
    return t.routes().stream().anyMatch(r -> r.protocol().equals("D")
        && (r.network() + "/" + r.prefixLength()).equals(network) && !r.nextHops().isEmpty()
        && cast.hub().tunnelAddress().toString().equals(r.nextHops().get(0).address()));
  }

  private boolean isHub(EigrpNeighbor n) {
    return n.address().equals(cast.hub().tunnelAddress().toString());
  }

  /**
   * Pings the responder's LAN from the initiator (the document's {@code ping 2.2.2.2}) until the initiator has a
   * QM_IDLE ISAKMP SA with the responder and an NHRP entry whose NBMA address is the responder's: the shortcut
   * is built. Returns the last ping, which went spoke to spoke.
   */
  public PingOutcome pingUntilSpokeToSpoke(Duration atMost) throws ScenarioException, IOException {
    String from = cast.initiator().device();
    long deadline = System.nanoTime() + atMost.toNanos();
    PingOutcome last = ping();
    while (!spokeToSpokeUp()) {
      if (System.nanoTime() > deadline) {
        throw new ScenarioException(from + ": no spoke-to-spoke SA with " + cast.responder().device() + " within "
            + atMost.toSeconds() + " s of pinging " + cast.target() + "; last ping: " + last.result());
      }
      last = ping();
    }
    return ping();
  }

  /** One {@code ping} of the responder's LAN from the initiator through the drivers' {@link Reachability}. */
  public PingOutcome ping() throws IOException {
    return Reachability.ping(scenario.device(cast.initiator().device()).session(), PingRequest.to(cast.target()));
  }

  /** The initiator's ISAKMP SA with the responder is QM_IDLE and its NHRP cache maps the responder's NBMA. */
  public boolean spokeToSpokeUp() throws IOException {
    String from = cast.initiator().device();
    boolean sa = scenario.device(from).show("show crypto isakmp sa", ShowCryptoIsakmpSaParser::parse).stream()
        .anyMatch(s -> spokeToSpoke(s) && s.state().equals("QM_IDLE"));
    return sa && scenario.device(from).show("show ip nhrp", ShowIpNhrpParser::parse).stream()
        .anyMatch(e -> Cast.ip(cast.responder()).equals(e.nbma()));
  }

  /** An ISAKMP SA between the two spokes (either direction). */
  public boolean spokeToSpoke(IsakmpSa sa) {
    List<String> pair = List.of(Cast.ip(cast.initiator()), Cast.ip(cast.responder()));
    return pair.contains(sa.dst()) && pair.contains(sa.src()) && !sa.dst().equals(sa.src());
  }

  /** An ISAKMP SA between {@code spoke} and the hub. */
  public boolean withHub(IsakmpSa sa, DmvpnMember spoke) {
    List<String> pair = List.of(Cast.ip(spoke), Cast.ip(cast.hub()));
    return pair.contains(sa.dst()) && pair.contains(sa.src()) && !sa.dst().equals(sa.src());
  }

  /** {@code spoke}'s registration in a hub's {@code show ip nhrp}. */
  public static Optional<NhrpEntry> registered(List<NhrpEntry> entries, DmvpnMember spoke) {
    return entries.stream().filter(e -> e.network().equals(spoke.tunnelAddress().toString())
        && spoke.nbmaAddress().toString().equals(e.nbma())).findFirst();
  }

  /** The flow (GRE proxy identities) with {@code peer} in a {@code show crypto ipsec sa}. */
  public static Optional<IpsecFlow> flowWith(List<IpsecInterface> sa, String peer) {
    return sa.stream().flatMap(i -> i.flows().stream()).filter(f -> peer.equals(f.peer())).findFirst();
  }

  /** {@code hh:mm:ss} (IOS's expire and uptime form for less than a day) in seconds; -1 for other forms. */
  public static long seconds(String hhmmss) {
    String[] p = hhmmss == null ? new String[0] : hhmmss.split(":");
    if (p.length != 3) {
      return -1;
    }
    try {
      return Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
