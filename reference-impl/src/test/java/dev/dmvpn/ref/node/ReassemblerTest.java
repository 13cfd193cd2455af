package dev.dmvpn.ref.node;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.l2l3.Ipv4Codec;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * {@link Reassembler} alone, on fragments written byte by byte (no fragmented capture exists in /work/shared).
 * The known answer is the textbook RFC 791 split of a 4000-byte datagram (20-byte header, 3980 data bytes) over a
 * 1500-byte MTU: fragments of 1480, 1480 and 1020 data bytes at offsets 0, 185 and 370 (8-byte units), MF set on
 * the first two. Whatever the arrival order, the result must be the 4000-byte datagram with MF clear and offset 0.
 */
public class ReassemblerTest {
  private static final int ID = 0x1c46;
  private static final int DATA = 3980;

  private SimulatedScheduler clock;
  private List<String> drops;
  private Reassembler reassembler;

  /** TestNG shares one instance between the methods: a fresh reassembler, clock and drop list for each. */
  @BeforeMethod
  public void fresh() {
    clock = new SimulatedScheduler();
    drops = new ArrayList<>();
    reassembler = new Reassembler(clock, (reason, detail) -> drops.add(reason));
  }

  /** Byte {@code i} of the original datagram's data: a pattern that differs at every fragment boundary. */
  private static byte dataByte(int i) {
    return (byte) (i * 7 + i / 256 + 3);
  }

  /**
   * An ICMP fragment 10.0.0.1 -> 10.0.0.2 written field by field per RFC 791 section 3.1 (not by our encoder),
   * carrying data bytes [offsetUnits*8, offsetUnits*8+length) of the original.
   */
  private static Ipv4Packet fragment(int id, int offsetUnits, int length, boolean more) {
    byte[] b = new byte[20 + length];
    b[0] = 0x45; // version 4, IHL 5
    int total = 20 + length;
    b[2] = (byte) (total >> 8);
    b[3] = (byte) total;
    b[4] = (byte) (id >> 8);
    b[5] = (byte) id;
    int flagsOffset = (more ? 0x2000 : 0) | offsetUnits;
    b[6] = (byte) (flagsOffset >> 8);
    b[7] = (byte) flagsOffset;
    b[8] = 64; // TTL
    b[9] = 1; // ICMP
    byte[] src = {10, 0, 0, 1};
    byte[] dst = {10, 0, 0, 2};
    System.arraycopy(src, 0, b, 12, 4);
    System.arraycopy(dst, 0, b, 16, 4);
    int sum = 0;
    for (int i = 0; i < 20; i += 2) {
      sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }
    while (sum > 0xFFFF) {
      sum = (sum & 0xFFFF) + (sum >>> 16);
    }
    int checksum = ~sum & 0xFFFF;
    b[10] = (byte) (checksum >> 8);
    b[11] = (byte) checksum;
    for (int i = 0; i < length; i++) {
      b[20 + i] = dataByte(offsetUnits * 8 + i);
    }
    return Ipv4Codec.decode(ByteReader.of(b)).value();
  }

  private static Ipv4Packet first() {
    return fragment(ID, 0, 1480, true);
  }

  private static Ipv4Packet second() {
    return fragment(ID, 185, 1480, true);
  }

  private static Ipv4Packet last() {
    return fragment(ID, 370, 1020, false);
  }

  private static void assertWhole(Ipv4Packet p) {
    assertNotNull(p, "reassembled datagram");
    assertEquals(p.totalLength(), 4000);
    assertEquals(p.fragmentOffset(), 0);
    assertEquals(p.moreFragments(), false);
    assertEquals(p.identification(), ID);
    assertEquals(p.protocol().value(), 1);
    byte[] data = p.payload();
    assertEquals(data.length, DATA);
    for (int i = 0; i < DATA; i++) {
      if (data[i] != dataByte(i)) {
        throw new AssertionError("data byte " + i + " is " + data[i] + ", expected " + dataByte(i));
      }
    }
    // the encoded datagram is 4000 bytes too: header from the first fragment, MF and offset cleared
    byte[] wire = Ipv4Codec.encode(p);
    assertEquals(wire.length, 4000);
    assertEquals(((wire[6] & 0xFF) << 8) | (wire[7] & 0xFF), 0, "flags and fragment offset");
  }

  @Test
  public void fragmentsInOrderCompleteOnTheLast() {
    assertNull(reassembler.add(first()));
    assertNull(reassembler.add(second()));
    assertWhole(reassembler.add(last()));
    assertEquals(drops, List.of());
  }

  @Test
  public void fragmentsOutOfOrderCompleteWhenTheHoleIsFilled() {
    // the last fragment fixes the length (RFC 815: the hole ends at its end), the first fills [0, 1480)
    assertNull(reassembler.add(last()));
    assertNull(reassembler.add(first()));
    assertWhole(reassembler.add(second()));
    assertEquals(drops, List.of());
  }

  @Test
  public void overlappingFragmentsStillCoverEveryByte() {
    // a resend with a different split: 0..2959 (offset 0, 2960 bytes) overlaps both earlier fragments' data
    assertNull(reassembler.add(second()));
    assertNull(reassembler.add(fragment(ID, 0, 2960, true)));
    assertWhole(reassembler.add(last()));
  }

  @Test
  public void aDuplicateFragmentDoesNotCompleteTheDatagramTwice() {
    assertNull(reassembler.add(first()));
    assertNull(reassembler.add(first()));
    assertNull(reassembler.add(last()));
    assertWhole(reassembler.add(second()));
    // the datagram is gone from the table: the same last fragment again starts a new, incomplete one
    assertNull(reassembler.add(last()));
  }

  @Test
  public void aMissingFragmentTimesOutAndIsDroppedWithItsReason() {
    assertNull(reassembler.add(first()));
    assertNull(reassembler.add(last()));
    clock.advance(Reassembler.TIMEOUT.minusMillis(1));
    assertEquals(drops, List.of());
    clock.advance(Duration.ofMillis(1));
    assertEquals(drops, List.of("ip: reassembly timeout"));
    // the late middle fragment finds nothing to complete
    assertNull(reassembler.add(second()));
  }

  @Test
  public void completingCancelsTheTimeout() {
    reassembler.add(first());
    reassembler.add(second());
    assertNotNull(reassembler.add(last()));
    clock.advance(Reassembler.TIMEOUT.plusSeconds(1));
    assertEquals(drops, List.of());
  }

  @Test
  public void aFragmentEndingBeyond64KiBIsDropped() {
    // RFC 791: offset is 13 bits of 8-byte units, so offset 8191 starts at byte 65528; 8 more bytes end at 65536,
    // past the largest datagram Total Length can describe
    assertNull(reassembler.add(fragment(ID, 8191, 8, false)));
    assertEquals(drops, List.of("ip: fragment beyond 64 KiB"));
  }

  @Test
  public void theTableHoldsAtMostMaxDatagrams() {
    for (int i = 0; i < Reassembler.MAX_DATAGRAMS; i++) {
      assertNull(reassembler.add(fragment(i, 0, 8, true)));
    }
    assertEquals(drops, List.of());
    assertNull(reassembler.add(fragment(Reassembler.MAX_DATAGRAMS, 0, 8, true)));
    assertEquals(drops, List.of("ip: reassembly table full"));
    // a fragment of a datagram already in progress still gets in and completes it
    Ipv4Packet done = reassembler.add(fragment(0, 1, 8, false));
    assertNotNull(done);
    assertEquals(done.totalLength(), 36);
    assertTrue(Arrays.equals(done.payload(), Arrays.copyOf(fragment(0, 0, 16, false).payload(), 16)));
  }
}
