package dev.dmvpn.ref.gre;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Hex;
import org.testng.annotations.Test;

/**
 * Header variants no shared capture holds (checksum, sequence, key 0, RFC 1701 routing, PPTP version 1). Each
 * vector was built by hand from the RFC layout (checksum by a separate script), put in IPv4/Ethernet with
 * {@code text2pcap} and dissected by tshark 4.0; the comments give what tshark showed.
 */
public class GreSyntheticTest {
  /** The inner packet of vectors 1-3: IPv4 10.0.0.1 -> 10.0.0.2, ICMP echo id 0x1234 seq 1, data "abcd". */
  static final String INNER_IPV4 = "4500002000010000400166da0a0000010a000002080021041234000161626364";

  /**
   * RFC 2784 + 2890: flags 0xb000 (C, K, S), type 0x0800, checksum 0x47f8, reserved1 0, key 0x00000000, seq 7.
   * tshark: "Checksum: 0x47f8 [correct]", "Key: 0x00000000", "Sequence Number: 7".
   */
  static final String CHECKSUM_KEY0_SEQ = "b000 0800 47f8 0000 00000000 00000007" + INNER_IPV4;

  /**
   * RFC 1701: flags 0xc000 (C, R), type 0x0800, checksum 0x1be4, offset 0, SRE (family 0x0800, offset 0,
   * length 8, 10.0.0.9 10.0.0.10), null SRE. tshark: checksum correct; SRE length 8 then SRE length 0.
   */
  static final String ROUTING = "c000 0800 1be4 0000 0800 00 08 0a000009 0a00000a 0000 00 00" + INNER_IPV4;

  /**
   * RFC 2637 enhanced GRE: flags 0x3081 (K, S, A, version 1), type 0x880b, payload length 36, call id 1234,
   * seq 42, ack 41, then a PPP frame. tshark: "Payload Length: 36", "Call ID: 1234", seq 42, ack 41.
   */
  static final String PPTP = "3081 880b 0024 04d2 0000002a 00000029 ff030021" + INNER_IPV4;

  /** Version 1 acknowledgment only: flags 0x2081, payload length 0, call id 1234, ack 43 (tshark). */
  static final String PPTP_ACK_ONLY = "2081 880b 0000 04d2 0000002b";

  @Test
  public void checksumKeyZeroAndSequence() {
    GrePacket g = decode(CHECKSUM_KEY0_SEQ);
    assertTrue(g.checksumPresent());
    assertEquals(g.checksum(), 0x47f8);
    assertTrue(g.checksumValid());
    assertEquals(g.reserved1(), 0);
    assertTrue(g.keyPresent());
    assertEquals(g.key(), Long.valueOf(0));
    assertEquals(g.sequenceNumber(), Long.valueOf(7));
    assertEquals(g.protocolType(), GreProtocolType.IPV4);
    assertEquals(g.headerLength(), 16);
    assertEquals(g.payload(), Hex.parse(INNER_IPV4));
    assertEquals(GreCodec.encode(g), Hex.parse(CHECKSUM_KEY0_SEQ));
  }

  @Test
  public void checksumIsComputedForANewPacket() {
    GrePacket g = GrePacket.of(GreProtocolType.IPV4, 0L, Hex.parse(INNER_IPV4)).withChecksum()
        .withSequenceNumber(7);
    assertEquals(GreCodec.encode(g), Hex.parse(CHECKSUM_KEY0_SEQ));
  }

  @Test
  public void keyZeroIsDistinctFromNoKey() {
    byte[] withKey0 = GreCodec.encode(GrePacket.of(GreProtocolType.NHRP, 0L, new byte[0]));
    byte[] noKey = GreCodec.encode(GrePacket.of(GreProtocolType.NHRP, null, new byte[0]));
    assertEquals(withKey0, Hex.parse("2000 2001 00000000"));
    assertEquals(noKey, Hex.parse("0000 2001"));
    assertEquals(GreCodec.decode(ByteReader.of(withKey0)).value().key(), Long.valueOf(0));
    assertNull(GreCodec.decode(ByteReader.of(noKey)).value().key());
  }

  @Test
  public void corruptedPayloadFailsTheChecksum() {
    byte[] data = Hex.parse(CHECKSUM_KEY0_SEQ);
    data[data.length - 1] ^= 0x40;
    GrePacket g = GreCodec.decode(ByteReader.of(data)).value();
    assertFalse(g.checksumValid());
    assertNotEquals(GreCodec.encode(g), data);
  }

  @Test
  public void rfc1701RoutingIsKept() {
    GrePacket g = decode(ROUTING);
    assertTrue(g.routingPresent());
    assertTrue(g.checksumValid());
    assertFalse(g.keyPresent());
    assertEquals(g.routing(), Hex.parse("0800 00 08 0a000009 0a00000a 0000 00 00"));
    assertEquals(g.headerLength(), 8 + 16);
    assertEquals(g.payload(), Hex.parse(INNER_IPV4));
    assertEquals(GreCodec.encode(g), Hex.parse(ROUTING));
  }

  @Test
  public void routingWithoutItsNullSreFailsInsteadOfLooping() {
    // R set, checksum/offset word, then 10,000 empty SREs of family 0x0001 and no terminator
    byte[] data = new byte[8 + 4 * 10_000];
    data[0] = 0x40;
    for (int i = 8; i < data.length; i += 4) {
      data[i + 1] = 1;
    }
    long start = System.nanoTime();
    DecodeResult<GrePacket> r = GreCodec.decode(ByteReader.of(data));
    assertFalse(r.isOk());
    assertEquals(r.error().layer(), "gre");
    assertEquals(r.error().offset(), data.length);
    assertTrue(System.nanoTime() - start < 1_000_000_000L);
  }

  @Test
  public void sreLengthBeyondThePacketFailsAtTheSre() {
    // C/R word at 4..7, SRE at 8 announcing 200 bytes of routing information
    byte[] data = Hex.parse("4000 0800 0000 0000 0800 00 c8 0a000009");
    DecodeError e = GreCodec.decode(ByteReader.of(data)).error();
    assertEquals(e.layer(), "gre");
    assertEquals(e.offset(), 8);
    assertTrue(e.message().startsWith("source route entry"), e.message());
  }

  @Test
  public void pptpEnhancedGre() {
    GrePacket g = decode(PPTP);
    assertEquals(g.version(), 1);
    assertEquals(g.protocolType(), GreProtocolType.PPP);
    assertEquals(g.pptpPayloadLength(), 36);
    assertEquals(g.pptpCallId(), 1234);
    assertEquals(g.sequenceNumber(), Long.valueOf(42));
    assertEquals(g.acknowledgmentNumber(), Long.valueOf(41));
    assertTrue(g.ackPresent());
    assertEquals(g.payload().length, 36);
    assertEquals(GreCodec.encode(g), Hex.parse(PPTP));
  }

  @Test
  public void pptpAcknowledgmentOnly() {
    GrePacket g = decode(PPTP_ACK_ONLY);
    assertEquals(g.version(), 1);
    assertEquals(g.pptpPayloadLength(), 0);
    assertEquals(g.pptpCallId(), 1234);
    assertNull(g.sequenceNumber());
    assertEquals(g.acknowledgmentNumber(), Long.valueOf(43));
    assertEquals(g.payload().length, 0);
    assertEquals(GreCodec.encode(g), Hex.parse(PPTP_ACK_ONLY));
  }

  @Test
  public void pptpPayloadLengthIsRecomputedOnEncode() {
    GrePacket wrong = new GrePacket(0x2001, GreProtocolType.PPP, 0, 0, 0xffff04d2L, null, null, null,
        Hex.parse("ff03"));
    assertEquals(GreCodec.encode(wrong), Hex.parse("2001 880b 0002 04d2 ff03"));
  }

  @Test
  public void ackBitInVersionZeroIsAReservedFlagNotAField() {
    // 0x0080 with version 0: kept in the flags word, no acknowledgment field is read
    GrePacket g = decode("0080 0800 " + INNER_IPV4);
    assertFalse(g.ackPresent());
    assertEquals(g.flagsAndVersion(), 0x0080);
    assertEquals(g.payload(), Hex.parse(INNER_IPV4));
  }

  @Test
  public void strictSourceRouteAndRecursionAreKept() {
    GrePacket g = decode("0f00 0800");
    assertTrue(g.strictSourceRoute());
    assertEquals(g.recursionControl(), 7);
    assertEquals(GreCodec.encode(g), Hex.parse("0f00 0800"));
  }

  @Test
  public void inconsistentRecordsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new GrePacket(0x2000, GreProtocolType.IPV4, 0, 0, null, null, null, null, new byte[0]));
    assertThrows(IllegalArgumentException.class,
        () -> new GrePacket(0, GreProtocolType.IPV4, 0, 0, 5L, null, null, null, new byte[0]));
  }

  @Test
  public void protocolTypeIsAnOpenEnum() {
    assertEquals(GreProtocolType.valueOf(0x6558).name(), "transparent-ethernet");
    assertEquals(GreProtocolType.valueOf(0x88be).name(), "erspan-ii");
    assertEquals(GreProtocolType.valueOf(0x8909), GreProtocolType.CISCO_METADATA);
    assertEquals(GreProtocolType.valueOf(0x1234).toString(), "unknown-4660(0x1234)");
    assertEquals(GreProtocolType.KEEPALIVE.toString(), "keepalive(0x0000)");
  }

  private static GrePacket decode(String hex) {
    byte[] data = Hex.parse(hex);
    return GreCodec.decode(ByteReader.of(data)).value();
  }
}
