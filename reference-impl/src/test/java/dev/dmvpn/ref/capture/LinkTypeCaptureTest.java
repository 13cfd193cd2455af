package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.l2l3.BsdAddressFamily;
import dev.dmvpn.ref.l2l3.EtherType;
import dev.dmvpn.ref.l2l3.HardwareType;
import dev.dmvpn.ref.l2l3.LinuxSll2Codec;
import dev.dmvpn.ref.l2l3.LinuxSll2Header;
import dev.dmvpn.ref.l2l3.LinuxSllCodec;
import dev.dmvpn.ref.l2l3.LinuxSllHeader;
import dev.dmvpn.ref.l2l3.LoopbackCodec;
import dev.dmvpn.ref.l2l3.LoopbackHeader;
import dev.dmvpn.ref.l2l3.SllPacketType;
import dev.dmvpn.ref.testing.SharedFiles;
import dev.dmvpn.ref.testing.Tshark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Real IPv4 packets (the Ethernet payloads of three shared IOS captures: NHRP registration with GRE key 2 and
 * Cisco auth, phase-2 resolution with ICMP in GRE, IKEv1 Main/Quick Mode) re-framed in every link type the decoder
 * handles and written as pcap; tshark reads the same files, and its fields must equal ours frame by frame.
 */
public class LinkTypeCaptureTest {
  private static final List<String> CAPTURES = List.of("ios-nhrp-registration-key2-auth.pcap",
      "ios-phase2-resolution-via-hub.cap", "ios-ikev1-main-quick-mode.cap");
  private static final byte[] MAC = {0x00, 0x0c, 0x29, 0x12, 0x34, 0x56, 0, 0};
  private static final List<String> FIELDS = List.of("ip.src", "ip.dst", "ip.proto", "ip.ttl", "gre.key",
      "nhrp.hdr.op.type", "nhrp.src.nbma.addr", "udp.srcport", "udp.dstport", "isakmp.ispi", "null.family",
      "sll.pkttype", "sll.hatype", "sll.ifindex", "sll.etype");

  /** The IPv4 packets of the shared captures, with their timestamps. */
  private static List<CapturedFrame> ipv4Packets() throws Exception {
    List<CapturedFrame> out = new ArrayList<>();
    for (String name : CAPTURES) {
      for (CapturedFrame f : CaptureFiles.readAll(SharedFiles.capture(name))) {
        DecodedFrame d = FrameDecoder.decode(1, f);
        if (d.ipv4() != null) {
          int eth = d.ethernet().headerLength();
          out.add(new CapturedFrame(0, LinkType.RAW, f.timestampNanos(), f.originalLength() - eth,
              Arrays.copyOfRange(f.data(), eth, f.data().length)));
        }
      }
    }
    assertEquals(out.size(), 4 + 24 + 9, "every frame of the three captures is IPv4 over Ethernet");
    return out;
  }

  @DataProvider
  public Object[][] framings() {
    return new Object[][] {
      {"null-le", LinkType.NULL, (Function<byte[], byte[]>) ip ->
          concat(LoopbackCodec.encode(new LoopbackHeader(BsdAddressFamily.INET, false)), ip)},
      {"null-be", LinkType.NULL, (Function<byte[], byte[]>) ip ->
          concat(LoopbackCodec.encode(new LoopbackHeader(BsdAddressFamily.INET, true)), ip)},
      {"loop", LinkType.LOOP, (Function<byte[], byte[]>) ip ->
          concat(LoopbackCodec.encode(new LoopbackHeader(BsdAddressFamily.INET, true)), ip)},
      {"raw-12", LinkType.RAW_12, (Function<byte[], byte[]>) ip -> ip},
      {"raw-14", LinkType.RAW_14, (Function<byte[], byte[]>) ip -> ip},
      {"raw-101", LinkType.RAW, (Function<byte[], byte[]>) ip -> ip},
      {"sll", LinkType.LINUX_SLL, (Function<byte[], byte[]>) ip -> concat(LinuxSllCodec.encode(
          new LinuxSllHeader(SllPacketType.OUTGOING, HardwareType.ETHERNET, 6, MAC, EtherType.IPV4)), ip)},
      {"sll2", LinkType.LINUX_SLL2, (Function<byte[], byte[]>) ip -> concat(LinuxSll2Codec.encode(
          new LinuxSll2Header(EtherType.IPV4, 0, 3, HardwareType.ETHERNET, SllPacketType.HOST, 6, MAC)), ip)},
    };
  }

  @Test(dataProvider = "framings")
  public void ourFieldsEqualTsharksInEveryLinkType(String label, LinkType type, Function<byte[], byte[]> framing)
      throws Exception {
    List<CapturedFrame> frames = new ArrayList<>();
    for (CapturedFrame ip : ipv4Packets()) {
      byte[] data = framing.apply(ip.data());
      frames.add(new CapturedFrame(0, type, ip.timestampNanos(), ip.originalLength() + data.length
          - ip.data().length, data));
    }
    Path file = Files.createTempFile("linktype-" + label, ".pcap");
    try {
      CaptureFiles.writePcap(file, frames);
      compareWithTshark(file, frames.size(), label);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** One pcapng file, four interfaces of different link types, frames interleaved. */
  @Test
  public void pcapngWithInterfacesOfDifferentLinkTypes() throws Exception {
    Object[][] framings = framings();
    int[] chosen = {0, 5, 6, 7}; // null (LE), raw 101, sll, sll2
    List<CapturedFrame> packets = ipv4Packets();
    List<CapturedFrame> frames = new ArrayList<>();
    for (int i = 0; i < packets.size(); i++) {
      Object[] f = framings[chosen[i % chosen.length]];
      @SuppressWarnings("unchecked")
      byte[] data = ((Function<byte[], byte[]>) f[2]).apply(packets.get(i).data());
      frames.add(new CapturedFrame(i % chosen.length, (LinkType) f[1], packets.get(i).timestampNanos(),
          data.length, data));
    }
    Path file = Files.createTempFile("linktype-mixed", ".pcapng");
    try {
      CaptureFiles.writePcapng(file, frames);
      List<CapturedFrame> back = CaptureFiles.readAll(file);
      assertEquals(back.size(), frames.size());
      for (int i = 0; i < back.size(); i++) {
        assertEquals(back.get(i).linkType(), frames.get(i).linkType(), "frame " + (i + 1));
      }
      compareWithTshark(file, frames.size(), "pcapng");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  public void unknownLinkTypeGivesEveryFrameAnErrorNamingIt() {
    for (int type : new int[] {9, 105, 147, 65000}) {
      DecodedFrame d = FrameDecoder.decode(1, new CapturedFrame(0, new LinkType(type), 0, 40, new byte[40]));
      assertNotNull(d.error(), "link type " + type);
      assertEquals(d.error().layer(), "link");
      assertEquals(d.error().offset(), 0);
      assertTrue(d.error().message().startsWith("link type " + type + " "), d.error().message());
      assertNull(d.ipv4());
    }
  }

  @Test
  public void nullHeaderOfIpv6AndUnknownFamiliesStopsAtTheLinkLayer() {
    byte[] v6 = concat(new byte[] {30, 0, 0, 0}, new byte[40]);
    DecodedFrame d = FrameDecoder.decode(1, new CapturedFrame(0, LinkType.NULL, 0, v6.length, v6));
    assertEquals(d.loopback().family().value(), 30);
    assertTrue(d.loopback().family().isIpv6());
    assertNull(d.ipv4());
    assertNull(d.error());
    byte[] shortFrame = {2, 0};
    d = FrameDecoder.decode(1, new CapturedFrame(0, LinkType.LOOP, 0, 2, shortFrame));
    assertEquals(d.error().layer(), "loopback");
  }

  private static void compareWithTshark(Path file, int count, String label) throws Exception {
    List<Map<String, String>> rows = Tshark.fields(file, List.of(), FIELDS);
    assertEquals(rows.size(), count);
    List<CapturedFrame> back = CaptureFiles.readAll(file);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      DecodedFrame d = FrameDecoder.decode(i + 1, back.get(i));
      Map<String, String> t = rows.get(i);
      check(mismatches, label, i, "error", d.error() == null ? "" : d.error().toString(), "");
      check(mismatches, label, i, "ip.src", d.ipv4().source().toString(), first(t.get("ip.src")));
      check(mismatches, label, i, "ip.dst", d.ipv4().destination().toString(), first(t.get("ip.dst")));
      check(mismatches, label, i, "ip.proto", String.valueOf(d.ipv4().protocol().value()), first(t.get("ip.proto")));
      check(mismatches, label, i, "ip.ttl", String.valueOf(d.ipv4().ttl()), first(t.get("ip.ttl")));
      check(mismatches, label, i, "gre.key", d.gre() == null || d.gre().key() == null ? "" : "0x"
          + String.format("%08x", d.gre().key()), t.get("gre.key"));
      check(mismatches, label, i, "nhrp.op", d.nhrp() == null ? "" : String.valueOf(d.nhrp().type().value()),
          t.get("nhrp.hdr.op.type"));
      check(mismatches, label, i, "nhrp.srcNbma", d.nhrp() == null ? ""
          : d.nhrp().mandatoryPart().addresses().srcNbmaIpv4().toString(), t.get("nhrp.src.nbma.addr"));
      check(mismatches, label, i, "udp.srcport", d.udp() == null ? "" : String.valueOf(d.udp().sourcePort()),
          t.get("udp.srcport"));
      check(mismatches, label, i, "isakmp.ispi", d.isakmp() == null ? ""
          : String.format("%016x", d.isakmp().header().initiatorCookie()), t.get("isakmp.ispi"));
      LinkType lt = back.get(i).linkType();
      if (lt.equals(LinkType.NULL) || lt.equals(LinkType.LOOP)) {
        check(mismatches, label, i, "null.family", String.valueOf(d.loopback().family().value()),
            t.get("null.family"));
      } else if (lt.equals(LinkType.LINUX_SLL)) {
        check(mismatches, label, i, "sll.pkttype", String.valueOf(d.sll().packetType().value()),
            t.get("sll.pkttype"));
        check(mismatches, label, i, "sll.etype", "0x" + String.format("%04x", d.sll().protocol().value()),
            t.get("sll.etype"));
      } else if (lt.equals(LinkType.LINUX_SLL2)) {
        check(mismatches, label, i, "sll.pkttype", String.valueOf(d.sll2().packetType().value()),
            t.get("sll.pkttype"));
        check(mismatches, label, i, "sll.hatype", String.valueOf(d.sll2().hardwareType().value()),
            t.get("sll.hatype"));
        check(mismatches, label, i, "sll.ifindex", String.valueOf(d.sll2().interfaceIndex()), t.get("sll.ifindex"));
        check(mismatches, label, i, "sll.etype", "0x" + String.format("%04x", d.sll2().protocol().value()),
            t.get("sll.etype"));
      }
    }
    assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
  }

  private static void check(List<String> out, String label, int i, String field, String ours, String tshark) {
    if (!ours.equals(tshark)) {
      out.add(label + " frame " + (i + 1) + " " + field + ": ours '" + ours + "', tshark '" + tshark + "'");
    }
  }

  /** The outer header's value when tshark lists several occurrences (IP in GRE). */
  private static String first(String v) {
    int comma = v.indexOf(',');
    return comma < 0 ? v : v.substring(0, comma);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    return new ByteWriter(a.length + b.length).bytes(a).bytes(b).toByteArray();
  }
}
