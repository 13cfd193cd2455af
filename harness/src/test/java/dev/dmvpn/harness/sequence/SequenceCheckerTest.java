package dev.dmvpn.harness.sequence;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * The shipped expectations against the real IOS captures in ../shared/captures. Frame numbers expected here come
 * from tshark 4.0 on those captures (see {@link SequenceCaptures}), not from our decoder.
 */
public class SequenceCheckerTest {

  private static StepResult step(SequenceResult r, String matcher) {
    return r.groups().stream().flatMap(g -> g.steps().stream()).filter(s -> s.matcher().equals(matcher))
        .findFirst().orElseThrow(() -> new AssertionError("no matcher " + matcher));
  }

  @Test
  public void phase2CaptureMatchesTheResolutionForwardedByTheHub() throws Exception {
    SequenceResult r = SequenceChecker.check(SequenceCaptures.phase2(),
        SequenceLoader.shipped("resolution-via-hub.yaml"), SequenceCaptures.PHASE2);
    assertTrue(r.matched(), MismatchReport.text(r));
    // tshark: frame 5 hub -> 172.16.25.2, op 1, hopcnt 254, reqid 6; frame 6 172.16.25.2 -> hub, op 2, reqid 6
    assertEquals(step(r, "forwarded-request").frames(), List.of(5L));
    assertEquals(step(r, "resolution-reply").frames(), List.of(6L));
  }

  @Test
  public void iosMainAndQuickModeCaptureMatchesTheIsakmpSequence() throws Exception {
    SequenceResult r = SequenceChecker.check(SequenceCaptures.ike(),
        SequenceLoader.shipped("isakmp-main-quick.yaml"), SequenceCaptures.IKE);
    assertTrue(r.matched(), MismatchReport.text(r));
    // tshark: exchangetype 2 in frames 1-6 (alternating 10.0.0.1/10.0.0.2), 32 with messageid 0x0f2b7862 in 7-9
    String[] names = {"MM1", "MM2", "MM3", "MM4", "MM5", "MM6", "QM1", "QM2", "QM3"};
    for (int i = 0; i < names.length; i++) {
      assertEquals(step(r, names[i]).frames(), List.of(i + 1L), names[i]);
    }
  }

  @Test
  public void registrationCaptureMatchesRegistration() throws Exception {
    SequenceResult r = SequenceChecker.check(SequenceCaptures.registration(),
        SequenceLoader.shipped("registration.yaml"), SequenceCaptures.REGISTRATION);
    assertTrue(r.matched(), MismatchReport.text(r));
    // tshark: frame 1 op 3 reqid 1 from 169.254.100.1, frame 2 op 4 reqid 1 from 169.254.100.5
    assertEquals(r.groups().get(0).name(), "registration [spoke=169.254.100.1]");
    assertEquals(step(r, "registration-request").frames(), List.of(1L));
    assertEquals(step(r, "registration-reply").frames(), List.of(2L));
  }

  @Test
  public void registrationOfASpokeThatNeverRegisteredFails() throws Exception {
    Map<String, String> vars = new java.util.HashMap<>(SequenceCaptures.REGISTRATION);
    vars.put("spokes", "169.254.100.1,169.254.100.9");
    SequenceResult r = SequenceChecker.check(SequenceCaptures.registration(),
        SequenceLoader.shipped("registration.yaml"), vars);
    assertFalse(r.matched());
    assertTrue(r.groups().get(0).ok());
    GroupResult missing = r.groups().get(1);
    assertEquals(missing.name(), "registration [spoke=169.254.100.9]");
    assertFalse(missing.steps().get(0).ok());
    assertTrue(missing.steps().get(0).evidence().differences().stream()
        .anyMatch(d -> d.expected().startsWith("from 169.254.100.9")), MismatchReport.text(r));
  }

  @Test
  public void hopCountNotDecrementedIsAMismatchNamingMatcherFrameAndField() throws Exception {
    String wrong = SequenceCaptures.shippedText("resolution-via-hub.yaml")
        .replace("nhrp.hopCount: 254", "nhrp.hopCount: 255");
    SequenceResult r = SequenceChecker.check(SequenceCaptures.phase2(),
        SequenceLoader.parse("wrong-hop.yaml", wrong), SequenceCaptures.PHASE2);
    assertFalse(r.matched());
    StepResult s = step(r, "forwarded-request");
    assertFalse(s.ok());
    assertEquals(s.evidence().frame(), 5L);
    List<FieldCheck> diff = s.evidence().differences();
    assertEquals(diff.size(), 1, diff.toString());
    assertEquals(diff.get(0).expected(), "nhrp.hopCount = 255");
    assertEquals(diff.get(0).observed(), "254");
    // the reply's request ID was never captured, so the reply cannot be checked either, and says so
    assertTrue(step(r, "resolution-reply").reason().contains("frame"), step(r, "resolution-reply").reason());
    String report = MismatchReport.text(r);
    assertTrue(report.contains("MISMATCH"), report);
    assertTrue(report.contains("FAIL  forwarded-request"), report);
    assertTrue(report.contains("observed (closest: frame 5, 0.077800)"), report); // tshark: 0.077800000
    assertTrue(report.matches("(?s).*nhrp\\.hopCount = 255\\s+\\| 254\\s+DIFFERS.*"), report);
    assertTrue(report.contains("${request_id} has no value yet"), report);
  }

  @Test
  public void swappedOrderIsAMismatch() throws Exception {
    String swapped = """
        hosts: {initiator: 10.0.0.1, responder: 10.0.0.2}
        groups:
          - ordered:
              - name: QM1
                from: initiator
                match: {isakmp.exchange: quick-mode, isakmp.qmMessage: 1}
              - name: MM1
                from: initiator
                match: {isakmp.exchange: main-mode, isakmp.mmMessage: 1}
        """;
    SequenceResult r = SequenceChecker.check(SequenceCaptures.ike(), SequenceLoader.parse("swapped.yaml", swapped),
        Map.of());
    assertFalse(r.matched());
    assertEquals(step(r, "QM1").frames(), List.of(7L));
    StepResult mm1 = step(r, "MM1");
    assertFalse(mm1.ok());
    // after frame 7 only frames 8 (QM2, from the responder) and 9 (QM3, from the initiator) remain
    assertEquals(mm1.evidence().frame(), 9L, MismatchReport.text(r));
    assertEquals(mm1.evidence().differences().stream().map(FieldCheck::expected).toList(),
        List.of("isakmp.exchange = main-mode", "isakmp.mmMessage = 1"));
  }

  @Test
  public void quickModeAfterMainMode5ViolatesTheWrongPskExpectation() throws Exception {
    SequenceResult r = SequenceChecker.check(SequenceCaptures.ike(), SequenceLoader.shipped("wrong-psk.yaml"),
        SequenceCaptures.IKE);
    assertFalse(r.matched());
    assertTrue(r.groups().get(0).ok(), MismatchReport.text(r));
    // tshark: quick mode (exchangetype 32) in frames 7 and 9 from 10.0.0.1, 8 from 10.0.0.2
    assertEquals(step(r, "quick-mode-from-initiator").frames(), List.of(7L, 9L));
    assertEquals(step(r, "quick-mode-from-responder").frames(), List.of(8L));
    String report = MismatchReport.text(r);
    assertTrue(report.contains("seen in frames 7, 9 although it must be absent (window from frame 5 ('MM5'))"),
        report);
  }

  @Test
  public void mainModeCutAfterMessage5MatchesTheWrongPskExpectation() throws Exception {
    SequenceResult r = SequenceChecker.check(SequenceCaptures.ike().subList(0, 5),
        SequenceLoader.shipped("wrong-psk.yaml"), SequenceCaptures.IKE);
    assertTrue(r.matched(), MismatchReport.text(r));
  }

  @Test
  public void absentGroupWhoseStartNeverMatchedIsNotCheckedAndFails() throws Exception {
    SequenceResult r = SequenceChecker.check(SequenceCaptures.ike().subList(0, 4),
        SequenceLoader.shipped("wrong-psk.yaml"), SequenceCaptures.IKE);
    assertFalse(r.matched());
    assertEquals(r.groups().get(1).note(), "not checked: its start, matcher 'MM5', did not match");
  }

  @Test
  public void timingBoundIsMeasuredFromThePreviousMatch() throws Exception {
    // tshark: frame 1 (request, reqid 1) at 0.000000, frame 2 (its reply) at 0.001895; frames 3 and 4 are the
    // next pair (reqid 2), 0.355 ms apart, so the reply must be tied to its request by the captured ID
    String template = """
        groups:
          - ordered:
              - name: request
                match: {nhrp.op: registration-request}
                capture: {id: nhrp.requestId}
              - name: reply
                within: %s
                match: {nhrp.op: registration-reply, nhrp.requestId: "${id}"}
        """;
    SequenceResult tight = SequenceChecker.check(SequenceCaptures.registration(),
        SequenceLoader.parse("t.yaml", template.formatted("1ms")), Map.of());
    assertFalse(tight.matched());
    StepResult reply = step(tight, "reply");
    assertEquals(reply.evidence().frame(), 2L);
    assertEquals(reply.evidence().differences(),
        List.of(new FieldCheck("within 0.001s of frame 1 ('request')", "+0.001895s", false)));
    SequenceResult loose = SequenceChecker.check(SequenceCaptures.registration(),
        SequenceLoader.parse("t.yaml", template.formatted("2ms")), Map.of());
    assertTrue(loose.matched(), MismatchReport.text(loose));
  }

  @Test
  public void countAndUnorderedAndComparisons() throws Exception {
    String text = """
        groups:
          - unordered:
              - name: replies
                count: 2
                match: {nhrp.op: registration-reply, "nhrp.cies[0].holdTime": {ge: 7200}, nhrp.requestId: {in: [1, 2]}}
              - name: requests
                count: 2
                match: {nhrp.op: registration-request, nhrp.flags: 0x8002, gre.key: {lt: 3, gt: 1}}
              - name: no-such
                match: {nhrp.op: registration-request, nhrp.authPassword: {present: false}}
        """;
    SequenceResult r = SequenceChecker.check(SequenceCaptures.registration(), SequenceLoader.parse("c.yaml", text),
        Map.of());
    // tshark: replies (op 4) frames 2 and 4, requests (op 3) frames 1 and 3, all with holdtime 7200, flags 0x8002,
    // GRE key 2 and the NHRPAUTH authentication extension
    assertEquals(step(r, "replies").frames(), List.of(2L, 4L));
    assertEquals(step(r, "requests").frames(), List.of(1L, 3L));
    StepResult none = step(r, "no-such");
    assertFalse(none.ok());
    assertEquals(none.evidence().differences().get(0).expected(), "nhrp.authPassword missing");
    assertEquals(none.evidence().differences().get(0).observed(), "NHRPAUTH");
  }

  @Test
  public void callerVariablesOverrideFileDefaults() throws Exception {
    // with the document's addresses (the defaults) the phase-2 capture cannot match
    SequenceResult r = SequenceChecker.check(SequenceCaptures.phase2(),
        SequenceLoader.shipped("resolution-via-hub.yaml"), Map.of());
    assertFalse(r.matched());
    assertNull(step(r, "forwarded-request").frames().isEmpty() ? null : "matched");
  }

  /**
   * The Linux DMVPN capture inside ESP, read with its shared esp_sa. tshark 4.0 with that key: Registration Request
   * (reqid 1) in frame 21 at 9.087879 and again in frame 23 at 11.099656, the Reply (reqid 1) in frame 24 at
   * 11.102591: 2.9 ms after the retransmission it answers, 2.0 s after the first request.
   */
  @Test
  public void replyIsTimedFromTheRetransmissionItAnswers() throws Exception {
    List<dev.dmvpn.ref.capture.DecodedFrame> frames = CaptureFrames.read(
        dev.dmvpn.ref.testing.SharedFiles.capture("linux-dmvpn-hub-spoke-wan.pcap"),
        List.of(dev.dmvpn.ref.testing.SharedFiles.capture("linux-dmvpn-hub-spoke-wan.esp_sa"))).frames();
    String text = """
        groups:
          - ordered:
              - name: request
                match: {nhrp.op: registration-request}
                capture: {id: nhrp.requestId}
              - name: reply
                within: %s
                match: {nhrp.op: registration-reply, nhrp.requestId: "${id}"}
        """;
    SequenceResult r = SequenceChecker.check(frames, SequenceLoader.parse("r.yaml", text.formatted("10ms")),
        Map.of());
    assertTrue(r.matched(), MismatchReport.text(r));
    assertEquals(step(r, "request").frames(), List.of(21L));
    StepResult reply = step(r, "reply");
    assertEquals(reply.frames(), List.of(24L));
    assertEquals(reply.evidence().checks().get(2), new FieldCheck("within 0.01s of frame 23 ('request')",
        "+0.002935s", true));
    SequenceResult tight = SequenceChecker.check(frames, SequenceLoader.parse("r.yaml", text.formatted("2ms")),
        Map.of());
    assertFalse(tight.matched());
    assertEquals(step(tight, "reply").evidence().frame(), 24L);
  }

  /**
   * ESP both ways in the SPIs given by the caller (as `show crypto ipsec sa` would report them). tshark 4.0 on
   * linux-dmvpn-hub-spoke-wan.pcap: esp.spi 0xc92b34bb from 172.16.0.11 (frames 21, 23, 28, 30), 0xccf77353 from
   * 172.16.0.1 (frames 24, 29, 31). No keys needed: the SPI is outside the encryption.
   */
  @Test
  public void espBothWaysInTheReportedSpis() throws Exception {
    List<dev.dmvpn.ref.capture.DecodedFrame> frames = SequenceCaptures.read("linux-dmvpn-hub-spoke-wan.pcap");
    Map<String, String> vars = Map.of("peer_a", "172.16.0.11", "peer_b", "172.16.0.1",
        "spi_a_to_b", "0xc92b34bb", "spi_b_to_a", "0xccf77353");
    SequenceResult r = SequenceChecker.check(frames, SequenceLoader.shipped("esp-both-ways.yaml"), vars);
    assertTrue(r.matched(), MismatchReport.text(r));
    assertEquals(step(r, "esp-a-to-b").frames(), List.of(21L));
    assertEquals(step(r, "esp-b-to-a").frames(), List.of(24L));
    Map<String, String> swapped = new java.util.HashMap<>(vars);
    swapped.put("spi_a_to_b", "0xccf77353");
    swapped.put("spi_b_to_a", "0xc92b34bb");
    SequenceResult wrong = SequenceChecker.check(frames, SequenceLoader.shipped("esp-both-ways.yaml"), swapped);
    assertFalse(wrong.matched());
    assertEquals(step(wrong, "esp-a-to-b").evidence().differences(),
        List.of(new FieldCheck("esp.spi = 0xccf77353", "0xc92b34bb", false)));
    SequenceFileException noSpis = org.testng.Assert.expectThrows(SequenceFileException.class,
        () -> SequenceChecker.check(frames, SequenceLoader.shipped("esp-both-ways.yaml"), Map.of()));
    assertTrue(noSpis.getMessage().startsWith("expect/esp-both-ways.yaml:18: matcher 'esp-a-to-b' esp.spi:"
        + " ${spi_a_to_b} has no value"), noSpis.getMessage());
  }
}
