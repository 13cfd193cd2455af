package dev.dmvpn.ref.bytes;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import org.testng.annotations.Test;

public class ByteReaderTest {

  @Test
  public void readsBigEndian() {
    ByteReader r = ByteReader.of(Hex.parse("01 0203 040506 0708090a ffffffff"));
    assertEquals(r.u8("a"), 1);
    assertEquals(r.u16("b"), 0x0203);
    assertEquals(r.u24("c"), 0x040506);
    assertEquals(r.i32("d"), 0x0708090a);
    assertEquals(r.u32("e"), 0xffffffffL);
    assertTrue(!r.hasRemaining());
  }

  @Test
  public void sliceKeepsFrameOffsetsAndBounds() {
    ByteReader r = ByteReader.of(new byte[10]);
    r.skip(3, "pad");
    ByteReader s = r.slice(4, "inner");
    assertEquals(s.offset(), 3);
    s.u16("x");
    DecodeException e = expectThrows(DecodeException.class, () -> s.i32("field"));
    assertEquals(e.offset(), 5);
    assertTrue(e.getMessage().contains("field"), e.getMessage());
    assertEquals(r.offset(), 7);
  }

  @Test
  public void negativeLengthIsAnErrorNotAnArrayException() {
    ByteReader r = ByteReader.of(new byte[4]);
    expectThrows(DecodeException.class, () -> r.bytes(-1, "len"));
  }
}
