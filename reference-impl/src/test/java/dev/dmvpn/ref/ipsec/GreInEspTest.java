package dev.dmvpn.ref.ipsec;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.testing.SharedFiles;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

/**
 * GRE framing inside ESP per mode. The tunnel-mode inner header is checked byte for byte against the IPv4 header
 * a real IOS router put on a cleartext GRE packet (ios-phase2-resolution-via-hub.cap frame 2, tshark: 172.16.25.2
 * -> 172.16.15.2, id 0x001d, TTL 255, DSCP CS6 0xc0, flags 0x00, checksum 0x3a6d): in tunnel mode that header is
 * what travels inside ESP.
 */
public class GreInEspTest {
  private static final Ipv4Address A = Ipv4Address.parse("209.168.202.131");
  private static final Ipv4Address B = Ipv4Address.parse("209.168.202.130");
  private static final byte[] GRE = Hex.parse("2000200100000000" + "00010800");

  @Test
  public void tunnelModeInnerHeaderIsTheHeaderIosPutsOnGre() throws Exception {
    List<CapturedFrame> frames = CaptureFiles.readAll(SharedFiles.capture("ios-phase2-resolution-via-hub.cap"));
    byte[] frame = frames.get(1).data(); // frame 2: NHRP in GRE, Ethernet II
    byte[] ip = Arrays.copyOfRange(frame, 14, frame.length);
    int total = ((ip[2] & 0xFF) << 8) | (ip[3] & 0xFF);
    ip = Arrays.copyOf(ip, total);
    byte[] gre = Arrays.copyOfRange(ip, 20, total);
    GreInEsp.Framed f = GreInEsp.frame(EspMode.TUNNEL, Ipv4Address.parse("172.16.25.2"),
        Ipv4Address.parse("172.16.15.2"), gre, 0xc0, 255, 0x001d);
    assertEquals(f.nextHeader(), 4, "RFC 4303 3.1.2: IPv4 inside");
    assertEquals(Hex.of(f.payload()), Hex.of(ip));
    assertEquals(Hex.of(Arrays.copyOfRange(f.payload(), 10, 12)), "3a6d", "tshark's ip.checksum");
  }

  @Test
  public void transportModeCarriesGreAsIs() {
    GreInEsp.Framed f = GreInEsp.frame(EspMode.TRANSPORT, A, B, GRE, 0xc0, 255, 7);
    assertEquals(f.nextHeader(), 47);
    assertEquals(f.payload(), GRE);
    GreInEsp.Unframed u = GreInEsp.unframe(EspMode.TRANSPORT, A, B, 47, f.payload(), 0, f.payload().length);
    assertTrue(u.ok());
    assertEquals(u.gre(), GRE);
  }

  @Test
  public void tunnelModeUnframesOnlyGreBetweenTheSasPeers() {
    byte[] p = GreInEsp.frame(EspMode.TUNNEL, A, B, GRE, 0, 255, 9).payload();
    byte[] buf = new byte[p.length + 6]; // at an offset, with trailing bytes after the inner packet's length
    System.arraycopy(p, 0, buf, 3, p.length);
    GreInEsp.Unframed u = GreInEsp.unframe(EspMode.TUNNEL, A, B, 4, buf, 3, p.length);
    assertTrue(u.ok(), u.refusal());
    assertEquals(u.gre(), GRE);
    assertFalse(GreInEsp.unframe(EspMode.TUNNEL, B, A, 4, p, 0, p.length).ok(), "addresses swapped");
    assertFalse(GreInEsp.unframe(EspMode.TUNNEL, A, Ipv4Address.parse("10.0.0.1"), 4, p, 0, p.length).ok());
  }

  @Test
  public void nextHeaderMustMatchTheSasMode() {
    byte[] tunnel = GreInEsp.frame(EspMode.TUNNEL, A, B, GRE, 0, 255, 9).payload();
    assertTrue(GreInEsp.unframe(EspMode.TRANSPORT, A, B, 4, tunnel, 0, tunnel.length).refusal()
        .contains("next header 4"));
    assertTrue(GreInEsp.unframe(EspMode.TUNNEL, A, B, 47, GRE, 0, GRE.length).refusal()
        .contains("next header 47"));
  }

  @Test
  public void badInnerHeadersAreRefusedWithAReason() {
    byte[] p = GreInEsp.frame(EspMode.TUNNEL, A, B, GRE, 0, 255, 9).payload();
    byte[] udp = p.clone();
    udp[9] = 17; // protocol UDP (checksum now wrong too)
    assertFalse(GreInEsp.unframe(EspMode.TUNNEL, A, B, 4, udp, 0, udp.length).ok());
    byte[] badSum = p.clone();
    badSum[11] ^= 1;
    assertTrue(GreInEsp.unframe(EspMode.TUNNEL, A, B, 4, badSum, 0, badSum.length).refusal().contains("checksum"));
    assertFalse(GreInEsp.unframe(EspMode.TUNNEL, A, B, 4, p, 0, 12).ok(), "truncated header");
    byte[] fragment = GreInEsp.frame(EspMode.TUNNEL, A, B, GRE, 0, 255, 9).payload();
    fragment[6] = 0x20; // MF
    assertFalse(GreInEsp.unframe(EspMode.TUNNEL, A, B, 4, fragment, 0, fragment.length).ok());
  }
}
