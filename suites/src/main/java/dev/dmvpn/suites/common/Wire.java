package dev.dmvpn.suites.common;

import dev.dmvpn.harness.scenario.DecodedCapture;
import dev.dmvpn.harness.scenario.Scenario;
import dev.dmvpn.harness.scenario.ScenarioException;
import dev.dmvpn.harness.scenario.rack.VirtualRack;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Testbed;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.testng.SkipException;

/**
 * The run's captures after {@link Scenario#stopCaptures()}, by the segment a member's public address is on, with
 * the frame tests the timer and resilience suites share. Frame times are the capture's stamps: router time (a
 * virtual rack stamps with its scaled clock, a real rack's capture host with its own).
 */
public final class Wire {
  private final Testbed testbed;
  private final List<DecodedCapture> captures;

  private Wire(Testbed testbed, List<DecodedCapture> captures) {
    this.testbed = testbed;
    this.captures = captures;
  }

  /** Stops the scenario's captures and decodes them (with the rack's keys when it has them). */
  public static Wire stop(Scenario scenario) throws ScenarioException {
    return new Wire(scenario.rack().testbed(), scenario.stopCaptures());
  }

  /**
   * Now, on the clock that stamps the captures: a virtual rack's scaled clock, else the host's. A suite marks the
   * moment of an action with it and finds the frames after it.
   */
  public static long nowNanos(Scenario scenario) {
    Instant now = scenario.rack() instanceof VirtualRack v ? v.running().scheduler().clock().now() : Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  public boolean decrypted() {
    return captures.stream().allMatch(DecodedCapture::decrypted);
  }

  /** Skips the calling test when NHRP inside ESP cannot be opened (a real rack keeps its keys). */
  public void requireKeys(String what) {
    if (!decrypted()) {
      throw new SkipException(what + ": NHRP travels inside ESP and this rack's SA keys are unknown (a real"
          + " router keeps them); the check needs the virtual rack");
    }
  }

  /** The frames of the capture point on the segment where {@code member}'s public address lives. */
  public List<DecodedFrame> at(DmvpnMember member) {
    String point = testbed.captures().values().stream()
        .filter(c -> testbed.device(c.device()).map(d -> d.interfaces().get(c.interfaceName()))
            .flatMap(i -> i.ipv4()).map(a -> a.contains(member.nbmaAddress())).orElse(false))
        .map(c -> c.name()).findFirst()
        .orElseThrow(() -> new AssertionError("no capture point on " + member.device() + "'s segment"));
    return captures.stream().filter(c -> c.name().equals(point)).findFirst().orElseThrow().frames();
  }

  public static long time(DecodedFrame f) {
    return f.frame().timestampNanos();
  }

  public static Predicate<DecodedFrame> from(DmvpnMember from, DmvpnMember to) {
    return f -> f.ipv4() != null && f.ipv4().source().toString().equals(from.nbmaAddress().toString())
        && f.ipv4().destination().toString().equals(to.nbmaAddress().toString());
  }

  public static Predicate<DecodedFrame> between(DmvpnMember a, DmvpnMember b) {
    return from(a, b).or(from(b, a));
  }

  public static Predicate<DecodedFrame> nhrp(NhrpPacketType type) {
    return f -> f.nhrp() != null && f.nhrp().type().equals(type);
  }

  public static Predicate<DecodedFrame> isakmp(ExchangeType type) {
    return f -> f.isakmp() != null && f.isakmp().header().exchangeType().equals(type);
  }

  public static Predicate<DecodedFrame> esp() {
    return f -> f.esp() != null;
  }

  public static Predicate<DecodedFrame> after(long nanos) {
    return f -> time(f) >= nanos;
  }

  public static List<DecodedFrame> where(List<DecodedFrame> frames, Predicate<DecodedFrame> p) {
    return frames.stream().filter(p).toList();
  }
}
