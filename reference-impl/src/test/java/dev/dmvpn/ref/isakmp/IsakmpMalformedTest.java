package dev.dmvpn.ref.isakmp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.DecodeResult;
import org.testng.annotations.Test;

/**
 * Malformed input ends fast with a typed {@link DecodeError} (layer "isakmp", frame-relative offset naming
 * the bad field). Offsets below are frame offsets: Ethernet 14 + IPv4 20 + UDP 8 puts ISAKMP at 42, its
 * Length field at 66 and the first payload at 70.
 */
public class IsakmpMalformedTest {
  private static final String IOS = IosMainQuickModeCaptureTest.CAPTURE;
  private static final String LOOP = "malformed-isakmp-pointer-loop.pcap";
  private static final String DELETE = "malformed-isakmp-delete.pcap";

  @Test
  public void pointerLoopCaptureHasHeaderLengthZero() {
    // tshark does not even take it for ISAKMP ("Data (30 bytes)"): header Length (frame 0x42) is 0
    DecodeError e = error(CapturedIsakmp.frame(LOOP, 1));
    assertEquals(e.offset(), 66);
    assertTrue(e.message().contains("header length 0 is less than the 28-byte header"), e.message());
  }

  @Test
  public void deleteCaptureIsNotIkev1() {
    // tshark -V: "Version: 11.14", then "[Malformed Packet: ISAKMP]"; version octet at frame 0x3b
    DecodeError e = error(CapturedIsakmp.frame(DELETE, 1));
    assertEquals(e.offset(), 59);
    assertTrue(e.message().contains("version 0xbe: major version 11 is not IKEv1"), e.message());
  }

  @Test
  public void deleteCaptureWithVersionRepairedFailsOnItsLengths() {
    byte[] f = CapturedIsakmp.frame(DELETE, 1);
    f[59] = 0x10;
    // header Length 0x4321979a (frame 0x42) against 138 bytes of UDP payload (IP total length 166)
    DecodeError e = error(f);
    assertEquals(e.offset(), 66);
    assertTrue(e.message().contains("header length 1126274970 exceeds the 138 bytes available"), e.message());
    setU32(f, 66, 138);
    // first payload (Delete, next payload 0x0c) at 70: bytes 05 ca 02 20 -> length 544
    e = error(f);
    assertEquals(e.offset(), 72);
    assertTrue(e.message().contains("payload #1 (D) at 70: length 544 exceeds the 110 bytes left"), e.message());
  }

  @Test
  public void malformedCapturesFailFastEvenTenThousandTimes() {
    for (String capture : new String[] {LOOP, DELETE}) {
      byte[] frame = CapturedIsakmp.frame(capture, 1);
      long start = System.nanoTime();
      for (int i = 0; i < 10_000; i++) {
        assertFalse(IsakmpCodec.decode(CapturedIsakmp.reader(frame)).isOk());
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 1000, capture + ": 10,000 decodes took " + millis + " ms");
    }
  }

  @Test
  public void payloadLengthZero() {
    byte[] f = CapturedIsakmp.frame(IOS, 3); // MM3: KE at 70, its Payload Length at 72
    setU16(f, 72, 0);
    DecodeError e = error(f);
    assertEquals(e.offset(), 72);
    assertTrue(e.message().contains("payload #1 (KE) at 70: length 0 is less than its 4-byte generic header"),
        e.message());
  }

  @Test
  public void payloadLengthBeyondTheMessage() {
    byte[] f = CapturedIsakmp.frame(IOS, 3);
    setU16(f, 72, 0xFFFF);
    DecodeError e = error(f);
    assertEquals(e.offset(), 72);
    assertTrue(e.message().contains("length 65535 exceeds the 244 bytes left"), e.message());
  }

  @Test
  public void headerLengthBeyondTheUdpPayload() {
    byte[] f = CapturedIsakmp.frame(IOS, 3); // 272 bytes of ISAKMP
    setU32(f, 66, 273);
    DecodeError e = error(f);
    assertEquals(e.offset(), 66);
    assertTrue(e.message().contains("header length 273 exceeds the 272 bytes available"), e.message());
  }

  @Test
  public void headerLengthShorterThanTheUdpPayloadCutsTheLastPayload() {
    byte[] f = CapturedIsakmp.frame(IOS, 3);
    setU32(f, 66, 271); // the last NAT-D (at 290, length 24) now lacks one byte
    DecodeError e = error(f);
    assertEquals(e.offset(), 292);
    assertTrue(e.message().contains("payload #8 (NAT-D) at 290: length 24 exceeds the 23 bytes left"),
        e.message());
  }

  @Test
  public void bytesAfterTheHeaderLengthAreLeftToTheCaller() {
    byte[] msg = CapturedIsakmp.bytes(CapturedIsakmp.frame(IOS, 1)); // 148 bytes
    byte[] longer = java.util.Arrays.copyOf(msg, msg.length + 4);
    ByteReader r = ByteReader.of(longer);
    DecodeResult<IsakmpMessage> m = IsakmpCodec.decode(r);
    assertTrue(m.isOk(), String.valueOf(m));
    assertEquals(m.value().header().length(), 148);
    assertEquals(r.remaining(), 4);
  }

  @Test
  public void headerLengthBelowTheHeaderSizeAndShortMessages() {
    byte[] f = CapturedIsakmp.frame(IOS, 1);
    setU32(f, 66, 20);
    assertEquals(error(f).offset(), 66);
    DecodeResult<IsakmpMessage> r = IsakmpCodec.decode(new byte[27]);
    assertEquals(r.error().layer(), "isakmp");
    assertEquals(r.error().offset(), 0);
    assertTrue(r.error().message().contains("needs 28 bytes for the header, only 27 left"), r.error().message());
  }

  @Test
  public void versionTwoIsRejected() {
    byte[] f = CapturedIsakmp.frame(IOS, 1);
    f[59] = 0x20;
    DecodeError e = error(f);
    assertEquals(e.offset(), 59);
    assertTrue(e.message().contains("major version 2 is not IKEv1"), e.message());
  }

  @Test
  public void bytesAfterTheLastPayload() {
    byte[] f = CapturedIsakmp.frame(IOS, 1); // MM1: last VID at 170 (length 20, field at 172)
    setU16(f, 172, 16);
    DecodeError e = error(f);
    assertEquals(e.offset(), 186);
    assertTrue(e.message().contains("4 bytes after the last payload"), e.message());
  }

  // MM1 SA layout: SA 70, DOI 74, situation 78, proposal 82 (# transforms at 89), transform 90,
  // attributes 98..129 with the TLV Life-Duration at 122 (its length at 124)

  @Test
  public void attributeLengthBeyondTheTransform() {
    byte[] f = CapturedIsakmp.frame(IOS, 1);
    setU16(f, 124, 16);
    DecodeError e = error(f);
    assertEquals(e.offset(), 124);
    assertTrue(e.message().contains("attribute type 12 at 122: length 16 exceeds the 4 bytes left"),
        e.message());
  }

  @Test
  public void transformCountDisagreesWithTheChain() {
    byte[] f = CapturedIsakmp.frame(IOS, 1);
    f[89] = 2;
    DecodeError e = error(f);
    assertEquals(e.offset(), 89);
    assertTrue(e.message().contains("proposal declares 2 transforms but carries 1"), e.message());
  }

  @Test
  public void transformChainedToAForeignPayloadType() {
    byte[] f = CapturedIsakmp.frame(IOS, 1);
    f[90] = 13;
    DecodeError e = error(f);
    assertEquals(e.offset(), 90);
    assertTrue(e.message().contains("transform #1 (T) at 90: next payload 13 (VID) is neither 0 nor 3"),
        e.message());
  }

  @Test
  public void proposalLengthZeroInsideTheSa() {
    byte[] f = CapturedIsakmp.frame(IOS, 1);
    setU16(f, 84, 0);
    DecodeError e = error(f);
    assertEquals(e.offset(), 84);
    assertTrue(e.message().contains("proposal #1 (P) at 82: length 0"), e.message());
  }

  @Test
  public void labeledDomainSituationIsRejected() {
    byte[] f = CapturedIsakmp.frame(IOS, 1);
    setU32(f, 78, 0x03);
    DecodeError e = error(f);
    assertEquals(e.offset(), 78);
    assertTrue(e.message().contains("situation 0x3"), e.message());
  }

  @Test
  public void everyTruncationOfEveryRealMessageIsATypedError() {
    for (String capture : new String[] {IOS, Ikev1CertsCaptureTest.CAPTURE}) {
      for (byte[] frame : CapturedIsakmp.frames(capture)) {
        byte[] msg = CapturedIsakmp.bytes(frame);
        for (int n = 0; n < msg.length; n++) {
          DecodeResult<IsakmpMessage> r = IsakmpCodec.decode(ByteReader.of(msg, 0, n));
          assertFalse(r.isOk(), capture + " cut at " + n);
          assertEquals(r.error().layer(), "isakmp");
          assertFalse(r.error().message().startsWith("internal:"), r.error().message());
        }
      }
    }
  }

  private static DecodeError error(byte[] frame) {
    DecodeResult<IsakmpMessage> r = IsakmpCodec.decode(CapturedIsakmp.reader(frame));
    assertFalse(r.isOk(), "expected a decode error");
    assertEquals(r.error().layer(), "isakmp");
    return r.error();
  }

  private static void setU16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  private static void setU32(byte[] b, int at, long v) {
    setU16(b, at, (int) (v >>> 16));
    setU16(b, at + 2, (int) v);
  }
}
