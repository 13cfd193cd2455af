package dev.dmvpn.ref.gre;

import static dev.dmvpn.ref.l2l3.CaptureFixtures.ethIp;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.frame;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.readerAt;
import static dev.dmvpn.ref.l2l3.CaptureFixtures.rows;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.l2l3.CaptureFixtures;
import dev.dmvpn.ref.l2l3.IpProtocol;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

public class GreCaptureTest {
  private static final String VARIANTS = "gre-variants.pcap";
  private static final String NHRP_KEY2 = "ios-nhrp-registration-key2-auth.pcap";
  private static final String PHASE2 = "ios-phase2-resolution-via-hub.cap";
  /** Cisco MetaData (0x8909) header before the inner packet: type 2, version 1, length 1, option 2, SGT 2. */
  private static final int CISCO_METADATA_LENGTH = 8;

  /**
   * Every GRE frame, all GRE layers (outer first, comma-separated), from {@code tshark -r CAPTURE -Y gre
   * -T fields -E occurrence=a -e frame.number -e gre.flags_and_version -e gre.proto -e gre.key
   * -e gre.sequence_number -e gre.checksum} ("-" = no key; no frame has a sequence number or checksum).
   * gre-variants.pcap nests keepalives: key 0x28 GRE carrying Cisco MetaData, then IPv4, then GRE type 0.
   */
  static final String GRE_LAYERS = """
      # gre-variants.pcap
      gre-variants.pcap 11 0x2000,0x2000 0x8909,0x0000 0x00000028,0x00000028
      gre-variants.pcap 12 0x2000 0x0000 0x00000028
      gre-variants.pcap 16 0x2000,0x2000 0x8909,0x0000 0x00000028,0x00000028
      gre-variants.pcap 17 0x2000 0x0000 0x00000028
      gre-variants.pcap 25 0x2000 0x8909 0x00000028
      gre-variants.pcap 26 0x2000 0x8909 0x00000028
      gre-variants.pcap 27 0x2000 0x8909 0x00000028
      gre-variants.pcap 28 0x2000 0x8909 0x00000028
      gre-variants.pcap 29 0x2000 0x8909 0x00000028
      gre-variants.pcap 30 0x2000 0x8909 0x00000028
      gre-variants.pcap 31 0x2000 0x8909 0x00000028
      gre-variants.pcap 32 0x2000 0x8909 0x00000028
      gre-variants.pcap 33 0x2000 0x8909 0x00000028
      gre-variants.pcap 34 0x2000 0x8909 0x00000028
      gre-variants.pcap 41 0x2000,0x2000 0x8909,0x0000 0x00000028,0x00000028
      gre-variants.pcap 42 0x2000 0x0000 0x00000028
      gre-variants.pcap 46 0x2000,0x2000 0x8909,0x0000 0x00000028,0x00000028
      gre-variants.pcap 47 0x2000 0x0000 0x00000028
      gre-variants.pcap 49 0x2000 0x2000 0x00000028
      gre-variants.pcap 63 0x2000 0x2000 0x00000028
      gre-variants.pcap 64 0x2000,0x2000 0x8909,0x0000 0x00000028,0x00000028
      gre-variants.pcap 65 0x2000 0x0000 0x00000028
      gre-variants.pcap 67 0x2000 0x8909 0x00000028
      gre-variants.pcap 70 0x2000,0x2000 0x8909,0x0000 0x00000028,0x00000028
      gre-variants.pcap 71 0x2000 0x0000 0x00000028
      gre-variants.pcap 73 0x2000 0x8909 0x00000028
      gre-variants.pcap 87 0x2000,0x2000 0x8909,0x0000 0x00000028,0x00000028
      gre-variants.pcap 88 0x2000 0x0000 0x00000028
      gre-variants.pcap 92 0x2000,0x2000 0x8909,0x0000 0x00000028,0x00000028
      gre-variants.pcap 93 0x2000 0x0000 0x00000028
      # ios-nhrp-registration-key2-auth.pcap
      ios-nhrp-registration-key2-auth.pcap 1 0x2000 0x2001 0x00000002
      ios-nhrp-registration-key2-auth.pcap 2 0x2000 0x2001 0x00000002
      ios-nhrp-registration-key2-auth.pcap 3 0x2000 0x2001 0x00000002
      ios-nhrp-registration-key2-auth.pcap 4 0x2000 0x2001 0x00000002
      # ios-phase2-resolution-via-hub.cap
      ios-phase2-resolution-via-hub.cap 1 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 2 0x0000 0x2001 -
      ios-phase2-resolution-via-hub.cap 3 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 4 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 5 0x0000 0x2001 -
      ios-phase2-resolution-via-hub.cap 6 0x0000 0x2001 -
      ios-phase2-resolution-via-hub.cap 7 0x0000 0x2001 -
      ios-phase2-resolution-via-hub.cap 8 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 9 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 10 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 11 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 12 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 13 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 14 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 15 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 16 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 17 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 18 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 19 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 20 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 21 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 22 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 23 0x0000 0x0800 -
      ios-phase2-resolution-via-hub.cap 24 0x0000 0x0800 -
      """;

  @Test
  public void everyGreLayerDecodesAsTsharkShowsIt() {
    List<String[]> table = rows(GRE_LAYERS);
    assertEquals(table.size(), 58);
    for (String[] row : table) {
      String where = row[0] + " frame " + row[1];
      List<GrePacket> layers = greLayers(frame(row[0], Integer.parseInt(row[1])));
      String[] flags = row[2].split(",");
      String[] protos = row[3].split(",");
      String[] keys = row[4].split(",");
      assertEquals(layers.size(), flags.length, where);
      for (int i = 0; i < layers.size(); i++) {
        GrePacket g = layers.get(i);
        assertEquals(g.flagsAndVersion(), Integer.parseInt(flags[i].substring(2), 16), where);
        assertEquals(g.protocolType().value(), Integer.parseInt(protos[i].substring(2), 16), where);
        assertEquals(g.key(), row[4].equals("-") ? null : Long.valueOf(keys[i].substring(2), 16), where);
        assertNull(g.sequenceNumber(), where);
        assertFalse(g.checksumPresent(), where);
        assertEquals(g.version(), 0, where);
      }
    }
  }

  @Test
  public void everyOuterGrePacketReencodesExactly() {
    for (String[] row : rows(GRE_LAYERS)) {
      byte[] data = frame(row[0], Integer.parseInt(row[1]));
      CaptureFixtures.EthIp ei = ethIp(data);
      GrePacket g = GreCodec.decode(ei.payloadReader(data)).value();
      int end = ei.payloadOffset() + ei.ip().payload().length;
      assertEquals(GreCodec.encode(g), Arrays.copyOfRange(data, ei.payloadOffset(), end), row[0] + " " + row[1]);
      assertEquals(g.headerLength() + g.payload().length, end - ei.payloadOffset());
    }
  }

  @Test
  public void iosNhrpRegistrationUsesKey2() {
    // ios-nhrp-registration-key2-auth.pcap frame 1: flags 0x2000, protocol 0x2001 (NHRP), key 0x00000002
    byte[] data = frame(NHRP_KEY2, 1);
    CaptureFixtures.EthIp ei = ethIp(data);
    assertEquals(ei.payloadOffset(), 38);
    GrePacket g = GreCodec.decode(ei.payloadReader(data)).value();
    assertTrue(g.keyPresent());
    assertEquals(g.key(), Long.valueOf(2));
    assertEquals(g.protocolType(), GreProtocolType.NHRP);
    assertEquals(g.protocolType().name(), "nhrp");
    assertEquals(g.headerLength(), 8);
    assertEquals(g.payload().length, 136 - 20 - 8);
    assertEquals(GreCodec.encode(GrePacket.of(GreProtocolType.NHRP, 2L, g.payload())),
        Arrays.copyOfRange(data, 38, data.length));
  }

  @Test
  public void phase2CaptureHasNoKey() {
    // ios-phase2-resolution-via-hub.cap frame 2: flags 0x0000, protocol 0x2001, no key
    byte[] data = frame(PHASE2, 2);
    GrePacket g = GreCodec.decode(readerAt(data, 34)).value();
    assertFalse(g.keyPresent());
    assertNull(g.key());
    assertEquals(g.flagsAndVersion(), 0);
    assertEquals(g.headerLength(), 4);
    assertEquals(g.protocolType(), GreProtocolType.NHRP);
    assertEquals(GreCodec.encode(GrePacket.of(GreProtocolType.NHRP, null, g.payload())),
        Arrays.copyOfRange(data, 34, data.length));
  }

  @Test
  public void truncatedAfterTheFlagsFailsAtTheProtocolType() {
    // ios-nhrp-registration-key2-auth.pcap frame 1: GRE at frame offset 38; keep only the flags word
    byte[] data = Arrays.copyOf(frame(NHRP_KEY2, 1), 38 + 2);
    DecodeError e = GreCodec.decode(readerAt(data, 38)).error();
    assertEquals(e.layer(), "gre");
    assertEquals(e.offset(), 40);
    assertTrue(e.message().startsWith("protocol type"), e.message());
  }

  @Test
  public void keyBitWithTheKeyCutShortFailsAtTheKey() {
    byte[] data = Arrays.copyOf(frame(NHRP_KEY2, 1), 38 + 6);
    DecodeError e = GreCodec.decode(readerAt(data, 38)).error();
    assertEquals(e.layer(), "gre");
    assertEquals(e.offset(), 42);
    assertTrue(e.message().startsWith("key (K set)"), e.message());
  }

  @Test
  public void sequenceBitSetOnACapturedHeaderEatsFourPayloadBytes() {
    // setting S on ios-phase2-resolution-via-hub.cap frame 2 turns the first 4 NHRP bytes into a sequence number
    byte[] data = frame(PHASE2, 2).clone();
    data[34] = 0x10;
    GrePacket g = GreCodec.decode(readerAt(data, 34)).value();
    assertEquals(g.sequenceNumber(), Long.valueOf(0x00010800L)); // NHRP afn 0x0001, pro.type 0x0800
  }

  /** Outer GRE, and GRE inside the Cisco MetaData + IPv4 it carries (gre-variants keepalives). */
  private static List<GrePacket> greLayers(byte[] data) {
    List<GrePacket> out = new ArrayList<>();
    CaptureFixtures.EthIp ei = ethIp(data);
    ByteReader r = ei.payloadReader(data);
    int offset = ei.payloadOffset();
    while (true) {
      GrePacket g = GreCodec.decode(r).value();
      out.add(g);
      if (g.protocolType().value() != GreProtocolType.CISCO_METADATA.value()) {
        return out;
      }
      int innerIp = offset + g.headerLength() + CISCO_METADATA_LENGTH;
      Ipv4Packet ip = Ipv4Codec.decode(readerAt(data, innerIp)).value();
      if (ip.protocol().value() != IpProtocol.GRE.value()) {
        return out;
      }
      offset = innerIp + ip.headerLength();
      r = ByteReader.of(data, offset, ip.payload().length);
    }
  }
}
