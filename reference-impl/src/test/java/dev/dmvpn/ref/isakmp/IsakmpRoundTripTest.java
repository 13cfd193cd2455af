package dev.dmvpn.ref.isakmp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Hex;
import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * encode(decode(x)) == x for every ISAKMP message in the real captures, plain and encrypted: proves the
 * length, next-payload, SPI-size and count recomputation against real implementations (IOS, Openswan,
 * Juniper, strongSwan).
 */
public class IsakmpRoundTripTest {

  @DataProvider
  public Object[][] captures() {
    return new Object[][] {
      {IosMainQuickModeCaptureTest.CAPTURE, 9},
      {Ikev1CertsCaptureTest.CAPTURE, 10},
      {LinuxDmvpnCaptureTest.CAPTURE, 9},
    };
  }

  @Test(dataProvider = "captures")
  public void everyMessageReEncodesToItsCapturedBytes(String capture, int expectedMessages) {
    int seen = 0;
    List<byte[]> frames = CapturedIsakmp.frames(capture);
    for (int i = 0; i < frames.size(); i++) {
      byte[] frame = frames.get(i);
      if (CapturedIsakmp.isakmpWindow(frame) == null) {
        continue;
      }
      ByteReader r = CapturedIsakmp.reader(frame);
      DecodeResult<IsakmpMessage> m = IsakmpCodec.decode(r);
      assertTrue(m.isOk(), capture + " frame " + (i + 1) + ": " + m);
      assertEquals(r.remaining(), 0, "UDP payload = header length in " + capture + " frame " + (i + 1));
      assertEquals(Hex.of(IsakmpCodec.encode(m.value())), Hex.of(CapturedIsakmp.bytes(frame)),
          capture + " frame " + (i + 1));
      seen++;
    }
    assertEquals(seen, expectedMessages);
  }

  @Test
  public void encodeRecomputesLengthsAndLinksFromScratch() {
    // decode, then rebuild every record with the header's length / next payload zeroed: same bytes back
    byte[] frame = CapturedIsakmp.frame(IosMainQuickModeCaptureTest.CAPTURE, 3);
    IsakmpMessage m = CapturedIsakmp.decode(frame);
    IsakmpMessage rebuilt = IsakmpMessage.plain(m.header().withChain(PayloadType.NONE, 0), m.payloads());
    assertEquals(Hex.of(IsakmpCodec.encode(rebuilt)), Hex.of(CapturedIsakmp.bytes(frame)));
  }
}
