package dev.dmvpn.ref.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Every capture in ../shared/captures reads completely, with the frame counts, first/last timestamps and
 * lengths that {@code capinfos} and {@code tshark -T fields -e frame.time_epoch -e frame.len -e frame.cap_len}
 * printed for them (tshark 4.0.17; values copied as literals below).
 */
public class SharedCapturesReadTest {

  /** What tshark printed for one shared capture. */
  record Expected(
      int count, long firstNanos, long lastNanos, int firstLen, int firstCapLen, int lastLen, int lastCapLen,
      long capLenSum, int snaplen) {}

  private static final Map<String, Expected> EXPECTED = new TreeMap<>();

  static {
    // tshark: frame 1 0.000000000 150 150 ... frame 8 0.000000000 150 150 (timestamps really are zero)
    EXPECTED.put("esp-3des-tunnel-decryptable.pcap",
        new Expected(8, 0L, 0L, 150, 150, 150, 150, 1200, 1536));
    EXPECTED.put("gre-variants.pcap",
        new Expected(100, 1497606301_394037000L, 1497606342_185807000L, 64, 64, 64, 64, 8444, 262144));
    EXPECTED.put("ikev1-3des-md5-decryptable.pcap",
        new Expected(10, 1351861454_555840000L, 1351861469_187597000L, 158, 158, 94, 94, 5831, 65535));
    EXPECTED.put("ios-nhrp-registration-key2-auth.pcap",
        new Expected(4, 1422174105_190210000L, 1422174106_189213000L, 154, 154, 174, 174, 656, 65535));
    EXPECTED.put("linux-dmvpn-hub-spoke-wan.pcap",
        new Expected(31, 1795773555_174190000L, 1795773572_964654000L, 90, 90, 158, 158, 3902, 262144));
    EXPECTED.put("malformed-isakmp-delete.pcap",
        new Expected(1, 11904_000000000L, 11904_000000000L, 681, 681, 681, 681, 681, 1024));
    EXPECTED.put("malformed-isakmp-pointer-loop.pcap",
        new Expected(1, 1070933651_385215000L, 1070933651_385215000L, 72, 72, 72, 72, 72, 65535));
    // the one snapped frame among the shared captures: 90 bytes on the wire, 84 captured (snaplen 84)
    EXPECTED.put("malformed-nhrp-loop.pcap",
        new Expected(1, 1623850625_999999000L, 1623850625_999999000L, 90, 84, 90, 84, 84, 84));
    EXPECTED.put("ios-ikev1-main-quick-mode.cap",
        new Expected(9, 1214051813_127741000L, 1214051813_322794000L, 190, 190, 102, 102, 1862, 8192));
    EXPECTED.put("ios-phase2-resolution-via-hub.cap",
        new Expected(24, 1216709236_060879000L, 1216709246_137453000L, 138, 138, 138, 138, 3336, 8192));
  }

  @DataProvider
  public Object[][] captures() {
    return EXPECTED.keySet().stream().map(n -> new Object[] {n}).toArray(Object[][]::new);
  }

  @Test
  public void everySharedCaptureHasExpectations() throws IOException {
    Path dir = SharedFiles.capture("MANIFEST.md").getParent();
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".pcap") || n.endsWith(".cap") || n.endsWith(".pcapng"))
          .sorted()
          .forEach(names::add);
    }
    assertEquals(names, new ArrayList<>(EXPECTED.keySet()), "captures without expectations in this test");
  }

  @Test(dataProvider = "captures")
  public void readsWithTheValuesTsharkPrinted(String name) throws IOException {
    Expected e = EXPECTED.get(name);
    CaptureContents c = CaptureFiles.load(SharedFiles.capture(name));
    assertFalse(c.trailingError().isPresent(), name + ": " + c.trailingError());
    assertEquals(c.format(), CaptureFormat.PCAP);
    assertEquals(c.interfaces().size(), 1);
    assertEquals(c.interfaces().get(0).snaplen(), e.snaplen());
    assertEquals(c.interfaces().get(0).resolution(), TimestampResolution.MICROS);
    List<CapturedFrame> frames = c.frames();
    assertEquals(frames.size(), e.count());
    CapturedFrame first = frames.get(0);
    CapturedFrame last = frames.get(frames.size() - 1);
    assertEquals(first.timestampNanos(), e.firstNanos());
    assertEquals(last.timestampNanos(), e.lastNanos());
    assertEquals(first.originalLength(), e.firstLen());
    assertEquals(first.data().length, e.firstCapLen());
    assertEquals(last.originalLength(), e.lastLen());
    assertEquals(last.data().length, e.lastCapLen());
    assertEquals(frames.stream().mapToLong(f -> f.data().length).sum(), e.capLenSum());
    for (CapturedFrame f : frames) {
      assertEquals(f.linkType(), LinkType.ETHERNET);
      assertEquals(f.interfaceIndex(), 0);
    }
  }

  @Test(dataProvider = "captures")
  public void readAllAgreesWithTsharkFrameByFrame(String name) throws IOException {
    Path file = SharedFiles.capture(name);
    List<CapturedFrame> ours = CaptureFiles.readAll(file);
    List<Tshark.Row> theirs = Tshark.frames(file);
    assertEquals(ours.size(), theirs.size());
    for (int i = 0; i < ours.size(); i++) {
      CapturedFrame f = ours.get(i);
      Tshark.Row t = theirs.get(i);
      String at = name + " frame " + t.number();
      assertEquals(f.timestampNanos(), t.epochNanos(), at);
      assertEquals(f.originalLength(), t.len(), at);
      assertEquals(f.data().length, t.capLen(), at);
      assertEquals(f.truncated(), t.len() > t.capLen(), at);
    }
  }

  /** editcap (Wireshark's converter) writes pcapng; our pcapng reader must see exactly what our pcap reader saw. */
  @Test(dataProvider = "captures")
  public void editcapPcapngConversionYieldsTheSameFrames(String name) throws IOException {
    Path pcap = SharedFiles.capture(name);
    Path ng = Files.createTempFile("editcap", ".pcapng");
    try {
      Tshark.editcap("pcapng", pcap, ng);
      CaptureContents fromNg = CaptureFiles.load(ng);
      assertEquals(fromNg.format(), CaptureFormat.PCAPNG);
      assertFalse(fromNg.trailingError().isPresent(), String.valueOf(fromNg.trailingError()));
      assertSameFrames(fromNg.frames(), CaptureFiles.readAll(pcap), name);
    } finally {
      Files.deleteIfExists(ng);
    }
  }

  static void assertSameFrames(List<CapturedFrame> actual, List<CapturedFrame> expected, String what) {
    assertEquals(actual.size(), expected.size(), what);
    for (int i = 0; i < actual.size(); i++) {
      CapturedFrame a = actual.get(i);
      CapturedFrame e = expected.get(i);
      String at = what + " frame " + (i + 1);
      assertEquals(a.interfaceIndex(), e.interfaceIndex(), at);
      assertEquals(a.linkType(), e.linkType(), at);
      assertEquals(a.timestampNanos(), e.timestampNanos(), at);
      assertEquals(a.originalLength(), e.originalLength(), at);
      assertTrue(Arrays.equals(a.data(), e.data()), at + " data");
    }
  }
}
