package dev.dmvpn.harness.demo;

import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.node.scenario.SeedNhrpPackets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The order of events on the spokes' segment that the document's debug output implies (seed README, "The
 * exchange the debugs imply"), checked as an ordered subsequence of the decoded capture; the resolution packets
 * by kind, direction and NHRP size. {@link SeedNhrpPackets#check} then checks every NHRP packet the seed's debugs
 * print, exactly. A small precursor of the harness's expected-sequence matcher.
 */
final class DocumentSequence {
  private static final String SV9_3 = "209.168.202.131";
  private static final String SV9_4 = "209.168.202.130";
  private static final String HUB = "209.168.202.225";

  private record Step(String description, Predicate<DecodedFrame> matches) {}

  private static final List<Step> STEPS = List.of(
      new Step("sv9-4 Main Mode 1 to the hub", f -> isakmp(f, SV9_4, HUB, "main-mode")),
      new Step("sv9-4 Registration Request to the hub inside ESP",
          f -> nhrp(f, SV9_4, HUB, "registration-request") && f.esp() != null),
      new Step("sv9-4 Resolution Request for 2.2.2.2 to the hub (84 bytes)",
          f -> SeedNhrpPackets.REQUEST.matches(f) && target(f, "2.2.2.2")),
      new Step("the hub forwards it to sv9-3 (104 bytes)", SeedNhrpPackets.FORWARDED::matches),
      new Step("sv9-3 starts Main Mode with sv9-4 (sv9-3 initiator)", f -> isakmp(f, SV9_3, SV9_4, "main-mode")),
      new Step("Quick Mode between sv9-3 and sv9-4", f -> isakmp(f, SV9_3, SV9_4, "quick-mode")),
      new Step("sv9-3 Resolution Reply to sv9-4 inside ESP (132 bytes)",
          f -> SeedNhrpPackets.DIRECT_REPLY.matches(f) && f.esp() != null),
      new Step("ESP directly between the spokes carrying the echoes",
          f -> between(f, SV9_4, SV9_3) && f.esp() != null && f.innerIpv4() != null));

  private DocumentSequence() {}

  /** The steps not found in order (empty = the capture shows the document's sequence). */
  static List<String> check(List<DecodedFrame> frames) {
    List<String> missing = new ArrayList<>();
    int at = 0;
    for (Step s : STEPS) {
      int found = -1;
      for (int i = at; i < frames.size(); i++) {
        if (s.matches().test(frames.get(i))) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        missing.add(s.description());
      } else {
        at = found + 1;
      }
    }
    return missing;
  }

  private static boolean target(DecodedFrame f, String destination) {
    return f.nhrp().mandatoryPart().dstProtoIpv4().toString().equals(destination);
  }

  private static boolean between(DecodedFrame f, String src, String dst) {
    return f.ipv4() != null && f.ipv4().source().toString().equals(src)
        && f.ipv4().destination().toString().equals(dst);
  }

  private static boolean isakmp(DecodedFrame f, String src, String dst, String exchange) {
    return between(f, src, dst) && f.isakmp() != null && f.isakmp().header().exchangeType().name().equals(exchange);
  }

  private static boolean nhrp(DecodedFrame f, String src, String dst, String op) {
    return between(f, src, dst) && f.nhrp() != null && f.nhrp().type().name().equals(op);
  }
}
