package dev.dmvpn.harness.sequence;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/**
 * The flat field view: decode's names, the derived transit-record and ISAKMP message-number fields. Values from
 * tshark 4.0 on the shared captures.
 */
public class SequenceFieldViewTest {

  @Test
  public void forwardedResolutionRequestFields() throws Exception {
    FrameView f = FrameViews.of(SequenceCaptures.phase2()).get(4);
    // tshark frame 5: ip 172.16.15.2 -> 172.16.25.2, op 1, hopcnt 254, flags 0xc802, reqid 6,
    // src nbma 172.16.45.2, src/dst prot 192.168.0.4/192.168.0.2, ext types 3,4,5,9,0 with the forward transit
    // record's client 172.16.15.2 / 192.168.0.1
    assertEquals(f.number(), 5);
    assertEquals(f.get("ip.src"), "172.16.15.2");
    assertEquals(f.get("nhrp.op"), "resolution-request");
    assertEquals(f.get("nhrp.hopCount"), 254L);
    assertEquals(f.get("nhrp.flags"), "0xc802");
    assertEquals(f.get("nhrp.requestId"), 6L);
    assertEquals(f.get("nhrp.srcNbma"), "172.16.45.2");
    assertEquals(f.get("nhrp.extensions.length"), 5L);
    assertEquals(f.get("nhrp.extensions[1].name"), "forward-transit-nhs-record");
    assertEquals(f.get("nhrp.extensions[1].cies[0].clientNbma"), "172.16.15.2");
    assertEquals(f.get("nhrp.forwardTransit.length"), 1L);
    assertEquals(f.get("nhrp.forwardTransit[0].clientNbma"), "172.16.15.2");
    assertEquals(f.get("nhrp.forwardTransit[0].clientProto"), "192.168.0.1");
    assertEquals(f.expand("nhrp.forwardTransit[last].clientNbma"), List.of("nhrp.forwardTransit[0].clientNbma"));
    assertEquals(f.get("nhrp.reverseTransit.length"), 0L);
    assertEquals(f.expand("nhrp.reverseTransit[*].clientNbma"), List.of());
  }

  @Test
  public void icmpInsideGreHasItsTypeName() throws Exception {
    // tshark frame 1: icmp.type 8 inside GRE, inner 192.168.0.2 -> 192.168.0.4
    FrameView f = FrameViews.of(SequenceCaptures.phase2()).get(0);
    assertEquals(f.get("icmp.type"), "echo-request");
    assertEquals(f.get("inner.ip.dst"), "192.168.0.4");
  }

  @Test
  public void mainAndQuickModeMessagesAreNumberedPerExchange() throws Exception {
    List<FrameView> v = FrameViews.of(SequenceCaptures.ike());
    // tshark: frames 1-6 exchangetype 2 messageid 0, frames 7-9 exchangetype 32 messageid 0x0f2b7862
    for (int i = 0; i < 6; i++) {
      assertEquals(v.get(i).get("isakmp.mmMessage"), i + 1L);
      assertFalse(v.get(i).has("isakmp.qmMessage"));
    }
    for (int i = 6; i < 9; i++) {
      assertEquals(v.get(i).get("isakmp.qmMessage"), i - 5L);
      assertEquals(v.get(i).get("isakmp.messageId"), "0f2b7862");
    }
    assertEquals(v.get(0).get("isakmp.responderCookie"), "0000000000000000");
    assertEquals(v.get(1).get("isakmp.initiatorCookie"), "cf02326f14a95b93");
  }

  @Test
  public void retransmissionKeepsItsNumber() throws Exception {
    List<DecodedFrame> original = SequenceCaptures.ike();
    // MM3 sent twice (the identical datagram, as IOS retransmits), then MM4
    List<DecodedFrame> frames = new ArrayList<>();
    long n = 0;
    for (int i : new int[] {0, 1, 2, 2, 3}) {
      frames.add(FrameDecoder.decode(++n, original.get(i).frame()));
    }
    List<FrameView> v = FrameViews.of(frames);
    assertEquals(v.stream().map(f -> f.get("isakmp.mmMessage")).toList(), List.of(1L, 2L, 3L, 3L, 4L));
    assertEquals(v.stream().map(f -> f.get("isakmp.retransmission")).toList(),
        List.of(false, false, false, true, false));
  }

  @Test
  public void numbersCompareWhateverTheirForm() {
    assertTrue(Values.equal("0x8002", "32770"));
    assertTrue(Values.equal("0x8002", "0x8002"));
    assertTrue(Values.equal(254L, "254"));
    assertFalse(Values.equal(254L, "255"));
    assertTrue(Values.equal("CF02326F14A95B93", "cf02326f14a95b93"));
    assertEquals(Values.compare(254L, "0xff"), Integer.valueOf(-1));
    assertEquals(Values.compare("10.0.0.1", "3"), null);
  }

  /**
   * Every field the view gives for every shared capture (the Linux one with its esp_sa, so decrypted fields appear)
   * is a name the loader accepts: nothing decode prints is out of a matcher's reach, and the loader's table does
   * not drift from the writer.
   */
  @Test
  public void everyFieldOfTheSharedCapturesIsANameMatchersMayUse() throws Exception {
    java.util.Set<String> seen = new java.util.TreeSet<>();
    try (var files = java.nio.file.Files.list(dev.dmvpn.ref.testing.SharedFiles.shared("captures"))) {
      for (java.nio.file.Path p : files.filter(f -> f.toString().matches(".*\\.(pcap|cap)$")).sorted().toList()) {
        List<java.nio.file.Path> keys = p.getFileName().toString().startsWith("linux-dmvpn")
            ? List.of(dev.dmvpn.ref.testing.SharedFiles.capture("linux-dmvpn-hub-spoke-wan.esp_sa")) : List.of();
        for (FrameView f : FrameViews.of(CaptureFrames.read(p, keys).frames())) {
          f.fields().keySet().forEach(k -> seen.add(FieldNames.normalize(k)));
        }
      }
    }
    List<String> unknown = seen.stream().filter(k -> !FieldNames.known(k)).toList();
    assertEquals(unknown, List.of());
    for (String expected : List.of("nhrp.forwardTransit[].clientNbma", "isakmp.mmMessage", "esp.decryption",
        "icmp.type", "error.message", "nhrp.authPassword")) {
      assertTrue(seen.contains(expected), expected + " not in " + seen);
    }
  }
}
