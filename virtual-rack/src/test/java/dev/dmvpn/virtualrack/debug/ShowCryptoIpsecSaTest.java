package dev.dmvpn.virtualrack.debug;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.wire.virtual.MemoryTap;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * {@code show crypto ipsec sa} on sv9-4 after the document's ping: the SPIs it prints are the SPIs of the ESP
 * frames a tap on the spokes' WAN segment saw (read from the frames' bytes at the RFC 4303 offset, not from our
 * decoder), the spoke-to-spoke SA shows the profile's 120 s / 4608000 KB, and the counters rise by five after
 * another {@code ping 2.2.2.2} (five echoes out, five replies in, spoke to spoke).
 */
public class ShowCryptoIpsecSaTest {
  private static final Pattern SPI = Pattern.compile("spi: 0x([0-9A-F]+)\\((\\d+)\\)");
  private SimulatedRack rack;
  private MemoryTap tap;
  private String before;

  @BeforeClass
  public void ping() throws Exception {
    rack = new SimulatedRack();
    tap = MemoryTap.attach(rack.wan.spokeSegment());
    ConvergedRack.waitForLans(rack);
    rack.type("sv9-4", "ping 2.2.2.2\r");
    rack.advance(Duration.ofSeconds(10));
    rack.take("sv9-4");
    before = rack.type("sv9-4", "show crypto ipsec sa\r");
  }

  /** SPIs of ESP (IPv4 protocol 50) frames on the segment: Ethernet 14 bytes, IHL, SPI first in ESP. */
  private Set<Long> wireSpis() {
    Set<Long> spis = new HashSet<>();
    for (CapturedFrame f : tap.frames()) {
      byte[] b = f.data();
      if (b.length < 14 + 20 + 8 || (b[12] & 0xFF) != 0x08 || b[13] != 0x00 || (b[14 + 9] & 0xFF) != 50) {
        continue;
      }
      int esp = 14 + (b[14] & 0x0F) * 4;
      spis.add(((b[esp] & 0xFFL) << 24) | ((b[esp + 1] & 0xFFL) << 16) | ((b[esp + 2] & 0xFFL) << 8)
          | (b[esp + 3] & 0xFFL));
    }
    return spis;
  }

  @Test
  public void spisAreTheOnesOnTheWire() {
    Matcher m = SPI.matcher(before);
    Set<Long> wire = wireSpis();
    int n = 0;
    while (m.find()) {
      long hex = Long.parseLong(m.group(1), 16);
      assertEquals(Long.parseLong(m.group(2)), hex, "hex and decimal of one SPI");
      assertTrue(wire.contains(hex), "SPI 0x" + m.group(1) + " not on the wire " + wire + "\n" + before);
      n++;
    }
    assertEquals(n, 4, "two pairs (hub and sv9-3):\n" + before);
  }

  /** Digits and hex SPIs as placeholders: the words and the blanks must be the layout's. */
  private static String shape(String text) {
    return text.replaceAll("0x[0-9A-F]+", "0xH").replaceAll("(?<=spi: )[0-9A-F]+", "H").replaceAll("\\d+", "N");
  }

  @Test
  public void layoutIsTheFormatsDocs() throws Exception {
    // ios-12.3-formats.md "show crypto ipsec sa": the example up to "outbound esp sas:" (the rest is elided there)
    String doc = dev.dmvpn.virtualrack.node.FormatsDoc.block("show crypto ipsec sa");
    String head = doc.substring(0, doc.indexOf("     outbound esp sas:"));
    String ours = before.replace("\r\n", "\n");
    ours = ours.substring(ours.indexOf("interface: Tunnel0"));
    assertEquals(shape(ours.substring(0, Math.min(ours.length(), head.length() + 40))).substring(0,
        shape(head).length()), shape(head), ours);
  }

  @Test
  public void layoutAndLifetimesOfTheSpokeToSpokeSa() {
    assertTrue(before.contains("interface: Tunnel0\r\n    Crypto map tag: Tunnel0-head-0, local addr. 209.168.202.130"),
        before);
    assertTrue(before.contains("   remote ident (addr/mask/prot/port): (209.168.202.131/255.255.255.255/47/0)"),
        before);
    assertTrue(before.contains("   current_peer: 209.168.202.131:500"), before);
    assertTrue(before.contains("        transform: esp-3des esp-md5-hmac ,\r\n        in use settings ={Tunnel, }"),
        before);
    Matcher timing = Pattern.compile("\\((\\d+)/(\\d+)\\)\r\n").matcher(before);
    boolean spokeLifetime = false;
    while (timing.find()) {
      long kb = Long.parseLong(timing.group(1));
      long sec = Long.parseLong(timing.group(2));
      spokeLifetime |= sec <= 120 && sec >= 100 && kb <= 4608000 && kb > 4607000;
    }
    assertTrue(spokeLifetime, before);
  }

  private static long counter(String out, String peer, String name) {
    int at = out.indexOf("current_peer: " + peer);
    Matcher m = Pattern.compile("#pkts " + name + ": (\\d+)").matcher(out);
    assertTrue(m.find(at), name + " after " + peer + ":\n" + out);
    return Long.parseLong(m.group(1));
  }

  @Test
  public void countersRiseAfterAPing() {
    long enc = counter(before, "209.168.202.131", "encaps");
    long dec = counter(before, "209.168.202.131", "decaps");
    String ping = rack.type("sv9-4", "ping 2.2.2.2\r");
    rack.advance(Duration.ofSeconds(5));
    ping += rack.take("sv9-4");
    assertTrue(ping.contains("(5/5)"), ping);
    String after = rack.type("sv9-4", "show crypto ipsec sa\r");
    assertEquals(counter(after, "209.168.202.131", "encaps"), enc + 5, after);
    assertEquals(counter(after, "209.168.202.131", "decaps"), dec + 5, after);
  }
}
