package dev.dmvpn.ref.bytes;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertNotSame;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

import java.util.Arrays;
import org.testng.annotations.Test;

/** The shared-buffer view the l2l3, GRE and ESP records hold their payloads in: no way to write through it. */
public class ByteSliceTest {
  private static final byte[] FRAME = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  @Test
  public void toArrayCopiesOnlyTheWindowAndEveryCallIsFresh() {
    byte[] buffer = FRAME.clone();
    ByteSlice s = ByteSlice.view(buffer, 3, 4);
    byte[] a = s.toArray();
    assertEquals(a, new byte[] {3, 4, 5, 6});
    a[0] = 99; // the caller's copy only
    assertEquals(buffer[3], 3);
    assertEquals(s.toArray()[0], 3);
    assertNotSame(s.toArray(), s.toArray());
  }

  @Test
  public void readerCountsOffsetsFromTheSliceAndStopsAtItsEnd() {
    ByteSlice s = ByteSlice.view(FRAME, 6, 3);
    ByteReader r = s.reader();
    assertEquals(r.offset(), 0);
    assertEquals(r.u16("x"), 0x0607);
    assertEquals(r.offset(), 2);
    assertEquals(r.remaining(), 1);
    DecodeException e = org.testng.Assert.expectThrows(DecodeException.class, () -> r.u16("y"));
    assertTrue(e.getMessage().contains("needs 2 bytes, only 1 left"), e.getMessage());
  }

  @Test
  public void equalityIsByContentWhereverTheBytesLive() {
    ByteSlice inFrame = ByteSlice.view(FRAME, 2, 3);
    ByteSlice own = ByteSlice.wrap(new byte[] {2, 3, 4});
    assertEquals(inFrame, own);
    assertEquals(inFrame.hashCode(), own.hashCode());
    assertEquals(own.hashCode(), Arrays.hashCode(new byte[] {2, 3, 4}));
    assertNotEquals(ByteSlice.view(FRAME, 2, 2), own);
    assertTrue(inFrame.contentEquals(new byte[] {2, 3, 4}));
    assertFalse(inFrame.contentEquals(new byte[] {2, 3}));
    assertEquals(ByteSlice.view(FRAME, 10, 0), ByteSlice.EMPTY);
  }

  @Test
  public void copyOfDoesNotSeeLaterChangesButWrapDoes() {
    byte[] b = {1, 2};
    ByteSlice copied = ByteSlice.copyOf(b);
    ByteSlice wrapped = ByteSlice.wrap(b);
    b[0] = 7;
    assertEquals(copied.u8(0), 1);
    assertEquals(wrapped.u8(0), 7); // documented: wrap hands the array over
  }

  @Test
  public void windowsOutsideTheArrayAndIndexesOutsideTheSliceAreRefused() {
    assertThrows(IndexOutOfBoundsException.class, () -> ByteSlice.view(FRAME, 8, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> ByteSlice.view(FRAME, -1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> ByteSlice.view(FRAME, 2, Integer.MAX_VALUE));
    assertThrows(IndexOutOfBoundsException.class, () -> ByteSlice.view(FRAME, 2, 3).u8(3));
  }

  @Test
  public void writerAndChecksumSeeExactlyTheWindow() {
    ByteWriter w = new ByteWriter(4);
    w.u8(0xAA).bytes(ByteSlice.view(FRAME, 4, 2));
    assertEquals(w.toByteArray(), new byte[] {(byte) 0xAA, 4, 5});
    assertEquals(ByteSlice.view(FRAME, 4, 4).checksumSum(0), InternetChecksum.sum(FRAME, 4, 4, 0));
  }
}
