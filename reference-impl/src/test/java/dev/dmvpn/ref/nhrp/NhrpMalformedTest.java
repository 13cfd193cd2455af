package dev.dmvpn.ref.nhrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.DecodeResult;
import java.util.Arrays;
import org.testng.annotations.Test;

/**
 * Named-offset mutations of a real packet, and the malformed tcpdump capture. Base: capture
 * ios-nhrp-registration-key2-auth.pcap frame 1 (154 bytes): Ethernet 14 + 802.1Q 4 + IPv4 20 + GRE with key 8,
 * so NHRP starts at frame offset 46 and ends at 154 (pktsz 108). Frame offsets: ar$pktsz 56, ar$extoff 60,
 * ar$op.type 63, CIE 86, extensions from 98: Responder 98, Fwd 102, Rev 106, Auth 110 (length at 112, value
 * 114-125), Cisco NAT 126 (its CIE 130-149, client protocol length at 140), End 150.
 */
public class NhrpMalformedTest {
  private static final int NHRP = 46;

  private static byte[] frame1() {
    return NhrpTestFrames.frame("ios-nhrp-registration-key2-auth.pcap", 1);
  }

  private static DecodeError decodeError(byte[] frame) {
    DecodeResult<NhrpPacket> r = NhrpCodec.decode(ByteReader.of(frame, NHRP, frame.length - NHRP));
    assertFalse(r.isOk(), "expected a decode failure");
    assertEquals(r.error().layer(), "nhrp");
    return r.error();
  }

  private static void putU16(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 8);
    b[at + 1] = (byte) v;
  }

  @Test
  public void packetSizeLargerThanAvailable() {
    byte[] f = frame1();
    putU16(f, 56, 109);
    DecodeError e = decodeError(f);
    assertEquals(e.offset(), 56);
    assertEquals(e.message(), "ar$pktsz 109 exceeds the 108 bytes available");
  }

  @Test
  public void packetSizeSmallerThanFixedHeader() {
    byte[] f = frame1();
    putU16(f, 56, 19);
    DecodeError e = decodeError(f);
    assertEquals(e.offset(), 56);
    assertTrue(e.message().startsWith("ar$pktsz 19 is smaller"), e.message());
  }

  @Test
  public void fixedHeaderTruncated() {
    byte[] f = Arrays.copyOf(frame1(), NHRP + 11);
    DecodeError e = decodeError(f);
    assertEquals(e.offset(), 56);
    assertTrue(e.message().startsWith("ar$pktsz: needs 2 bytes"), e.message());
  }

  @Test
  public void extensionOffsetPastTheEnd() {
    byte[] f = frame1();
    putU16(f, 60, 200);
    DecodeError e = decodeError(f);
    assertEquals(e.offset(), 60);
    assertEquals(e.message(), "ar$extoff 200 points past the packet end (ar$pktsz 108)");
  }

  @Test
  public void extensionOffsetIntoFixedHeader() {
    byte[] f = frame1();
    putU16(f, 60, 8);
    assertEquals(decodeError(f).offset(), 60);
  }

  @Test
  public void extensionLengthOverflowingThePacket() {
    byte[] f = frame1();
    putU16(f, 112, 400);
    DecodeError e = decodeError(f);
    assertEquals(e.offset(), 112);
    assertEquals(e.message(), "extension at 110: length 400 exceeds the 40 bytes left");
  }

  @Test
  public void missingEndExtension() {
    byte[] f = frame1();
    putU16(f, 150, 0x8003); // End becomes an empty Responder Address
    DecodeError e = decodeError(f);
    assertEquals(e.offset(), 154);
    assertTrue(e.message().contains("no End extension"), e.message());
  }

  @Test(timeOut = 2000)
  public void sixteenThousandZeroLengthExtensionsEndFast() {
    // the mandatory part of frame 1, then 16000 zero-length Responder Address extensions and no End
    byte[] nhrp = NhrpTestFrames.nhrpBytes(frame1());
    int size = 52 + 16000 * 4;
    byte[] big = Arrays.copyOf(nhrp, size);
    for (int at = 52; at < size; at += 4) {
      putU16(big, at, 0x8003);
      putU16(big, at + 2, 0);
    }
    putU16(big, 10, size);
    DecodeResult<NhrpPacket> r = NhrpCodec.decode(ByteReader.of(big));
    assertEquals(r.error().offset(), size);
    assertTrue(r.error().message().contains("no End extension"));
  }

  @Test(timeOut = 2000)
  public void zeroLengthExtensionsEndingMidHeader() {
    byte[] nhrp = NhrpTestFrames.nhrpBytes(frame1());
    byte[] odd = Arrays.copyOf(nhrp, 52 + 4 * 10 + 2);
    for (int at = 52; at + 4 <= odd.length; at += 4) {
      putU16(odd, at, 0x0003);
      putU16(odd, at + 2, 0);
    }
    putU16(odd, 10, odd.length);
    DecodeError e = NhrpCodec.decode(ByteReader.of(odd)).error();
    assertEquals(e.offset(), 92 + 2);
    assertTrue(e.message().startsWith("extension length: needs 2 bytes"), e.message());
  }

  @Test
  public void cieTruncatedByExtensionOffset() {
    byte[] f = frame1();
    putU16(f, 60, 50); // body now ends 2 bytes into the 12-byte CIE at 86
    DecodeError e = decodeError(f);
    assertEquals(e.offset(), 86);
    assertEquals(e.message(), "CIE at 86: needs 12 bytes, only 10 left");
  }

  @Test
  public void cieAddressRunningPastItsExtension() {
    byte[] f = frame1();
    f[140] = 5; // NAT CIE client protocol length 4 -> 5, one byte more than the extension holds
    DecodeError e = decodeError(f);
    assertEquals(e.offset(), 146);
    assertTrue(e.message().startsWith("CIE client protocol address: needs 5 bytes, only 4 left"), e.message());
  }

  @Test
  public void endExtensionWithNonZeroLength() {
    byte[] f = Arrays.copyOf(frame1(), 155); // one more byte, claimed by the End extension
    putU16(f, 56, 109);
    putU16(f, 152, 1);
    DecodeError e = decodeError(f);
    assertEquals(e.offset(), 152);
    assertEquals(e.message(), "End extension at 150: length 1, must be 0");
  }

  @Test
  public void badChecksumIsReportedNotRejected() {
    byte[] f = frame1();
    f[NHRP + 13] ^= 0x01; // 0x197b -> 0x197a
    NhrpPacket p = NhrpCodec.decode(ByteReader.of(f, NHRP, f.length - NHRP)).value();
    assertFalse(p.checksumValid());
    assertEquals(p.header().checksum(), 0x197a);
  }

  @Test
  public void bytesAfterPacketSizeAreLeftUnread() {
    byte[] f = Arrays.copyOf(frame1(), 154 + 6);
    ByteReader r = ByteReader.of(f, NHRP, f.length - NHRP);
    NhrpPacket p = NhrpCodec.decode(r).value();
    assertTrue(p.checksumValid());
    assertEquals(r.offset(), 154);
    assertEquals(r.remaining(), 6);
  }

  @Test
  public void unknownTypeKeepsBodyOpaqueAndStillDecodesExtensions() {
    byte[] f = frame1();
    f[63] = 42;
    NhrpPacket p = NhrpCodec.decode(ByteReader.of(f, NHRP, f.length - NHRP)).value();
    assertEquals(p.type().name(), "unknown-42");
    assertEquals(((NhrpOpaqueBody) p.body()).bytes().length, 32);
    assertEquals(p.extensionTypes(), new int[] {3, 4, 5, 7, 9, 0});
    assertFalse(p.checksumValid());
    byte[] expected = Arrays.copyOfRange(f, NHRP, 154);
    byte[] encoded = NhrpCodec.encode(p);
    expected[12] = encoded[12]; // encode recomputes the checksum the mutation broke
    expected[13] = encoded[13];
    assertEquals(encoded, expected);
  }

  @Test
  public void unknownTypeWithInsaneExtensionOffsetIsAllOpaque() {
    byte[] f = frame1();
    f[63] = 42;
    putU16(f, 60, 999);
    NhrpPacket p = NhrpCodec.decode(ByteReader.of(f, NHRP, f.length - NHRP)).value();
    assertEquals(((NhrpOpaqueBody) p.body()).bytes().length, 88);
    assertTrue(p.extensions().isEmpty());
  }

  @Test(timeOut = 2000)
  public void tcpdumpLoopCaptureIsRejectedFast() {
    // malformed-nhrp-loop.pcap frame 1: NHRP directly over IP (proto 54), IPv4 header 24 bytes, NHRP at 38.
    // tshark: ar$pktsz 30547 in a 46-byte remainder, extoff 256; it gives up with "Malformed Packet".
    byte[] f = NhrpTestFrames.frame("malformed-nhrp-loop.pcap", 1);
    assertEquals(NhrpTestFrames.nhrpOffset(f), 38);
    DecodeError e = NhrpCodec.decode(NhrpTestFrames.nhrpReader(f)).error();
    assertEquals(e.layer(), "nhrp");
    assertEquals(e.offset(), 48);
    assertEquals(e.message(), "ar$pktsz 30547 exceeds the 46 bytes available");
  }
}
