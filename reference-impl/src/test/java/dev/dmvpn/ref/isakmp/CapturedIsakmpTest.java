package dev.dmvpn.ref.isakmp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Hex;
import java.util.Arrays;
import org.testng.annotations.Test;

/** The test-only frame helper, including the UDP 4500 path that no capture here exercises. */
public class CapturedIsakmpTest {

  @Test
  public void port4500SkipsTheNonEspMarkerAndKeepsFrameOffsets() {
    byte[] f500 = CapturedIsakmp.frame(IosMainQuickModeCaptureTest.CAPTURE, 5); // MM5, 108 bytes of ISAKMP
    byte[] f = nattFrame(f500, new byte[4]);
    IsakmpMessage m = IsakmpCodec.decode(CapturedIsakmp.reader(f)).value();
    assertEquals(m.header().length(), 108);
    assertEquals(Hex.of(IsakmpCodec.encode(m)), Hex.of(CapturedIsakmp.bytes(f500)));
    // the header Length field now sits at frame offset 42 + 4 + 24
    f[70] = 0;
    f[71] = 0;
    f[72] = 0;
    f[73] = 0;
    DecodeResult<IsakmpMessage> r = IsakmpCodec.decode(CapturedIsakmp.reader(f));
    assertEquals(r.error().offset(), 70);
  }

  @Test
  public void port4500WithoutMarkerIsNotIke() {
    byte[] f500 = CapturedIsakmp.frame(IosMainQuickModeCaptureTest.CAPTURE, 5);
    assertNull(CapturedIsakmp.isakmpWindow(nattFrame(f500, Hex.parse("00000001")))); // ESP SPI 1
  }

  /** The frame with both UDP ports set to 4500 and {@code marker} inserted before the ISAKMP bytes. */
  private static byte[] nattFrame(byte[] f500, byte[] marker) {
    byte[] f = new byte[f500.length + 4];
    System.arraycopy(f500, 0, f, 0, 42);
    System.arraycopy(marker, 0, f, 42, 4);
    System.arraycopy(f500, 42, f, 46, f500.length - 42);
    int ipTotal = (((f[16] & 0xFF) << 8) | (f[17] & 0xFF)) + 4;
    f[16] = (byte) (ipTotal >>> 8);
    f[17] = (byte) ipTotal;
    byte[] port = {0x11, (byte) 0x94}; // 4500
    System.arraycopy(port, 0, f, 34, 2);
    System.arraycopy(port, 0, f, 36, 2);
    assertEquals(Arrays.copyOfRange(f, 46, 54), Arrays.copyOfRange(f500, 42, 50));
    return f;
  }
}
