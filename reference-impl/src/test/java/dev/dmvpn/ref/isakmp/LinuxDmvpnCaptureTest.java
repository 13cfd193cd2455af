package dev.dmvpn.ref.isakmp;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.ref.bytes.Hex;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/**
 * strongSwan spoke (172.16.0.11) to hub (172.16.0.1), main mode + quick mode on UDP 500 (capture
 * linux-dmvpn-hub-spoke-wan.pcap; ISAKMP in frames 12-20). Expected values from tshark 4.0.17
 * {@code -T fields -e isakmp.ispi -e isakmp.rspi -e isakmp.exchangetype -e isakmp.flags -e isakmp.messageid
 * -e isakmp.length -e isakmp.typepayload -e isakmp.vid_bytes -e isakmp.ike.nat_hash -e isakmp.nonce}.
 */
public class LinuxDmvpnCaptureTest {
  static final String CAPTURE = "linux-dmvpn-hub-spoke-wan.pcap";
  static final String ICOOKIE = "b97dac7e63340b25";
  static final String RCOOKIE = "f116f239a0975532";

  /** frame, rspi, exchange type, flags, message id, length, header next payload (tshark). */
  private static final Object[][] HEADERS = {
    {12, "0000000000000000", 2, 0x00, "00000000", 176, 1},
    {13, RCOOKIE, 2, 0x00, "00000000", 156, 1},
    {14, RCOOKIE, 2, 0x00, "00000000", 236, 4},
    {15, RCOOKIE, 2, 0x00, "00000000", 236, 4},
    {16, RCOOKIE, 2, 0x01, "00000000", 92, 5},
    {17, RCOOKIE, 2, 0x01, "00000000", 68, 5},
    {18, RCOOKIE, 32, 0x01, "07dc2c14", 164, 8},
    {19, RCOOKIE, 32, 0x01, "07dc2c14", 164, 8},
    {20, RCOOKIE, 32, 0x01, "07dc2c14", 52, 8},
  };

  @Test
  public void onlyFramesTwelveToTwentyAreIke() {
    List<Integer> ike = new ArrayList<>();
    List<byte[]> frames = CapturedIsakmp.frames(CAPTURE);
    for (int i = 0; i < frames.size(); i++) {
      if (CapturedIsakmp.isakmpWindow(frames.get(i)) != null) {
        ike.add(i + 1);
      }
    }
    // tshark -Y isakmp: frames 12..20 (the rest are ARP and ESP)
    assertEquals(ike, List.of(12, 13, 14, 15, 16, 17, 18, 19, 20));
  }

  @Test
  public void headers() {
    for (Object[] row : HEADERS) {
      int frame = (Integer) row[0];
      IsakmpHeader h = CapturedIsakmp.decode(CAPTURE, frame).header();
      String at = "frame " + frame;
      assertEquals(h.initiatorCookieHex(), ICOOKIE, at);
      assertEquals(h.responderCookieHex(), row[1], at);
      assertEquals(h.exchangeType().value(), row[2], at);
      assertEquals(h.flags(), row[3], at);
      assertEquals(h.messageIdHex(), row[4], at);
      assertEquals(h.length(), row[5], at);
      assertEquals(h.nextPayload().value(), row[6], at);
    }
  }

  @Test
  public void payloadListsVendorIdsAndProposal() {
    // tshark isakmp.typepayload 1,2,3,13 x5 / 1,2,3,13 x4 / 4,10,20,20 / 4,10,20,20
    assertEquals(names(12), List.of("SA", "VID", "VID", "VID", "VID", "VID"));
    assertEquals(names(13), List.of("SA", "VID", "VID", "VID", "VID"));
    assertEquals(names(14), List.of("KE", "NONCE", "NAT-D", "NAT-D"));
    assertEquals(names(15), List.of("KE", "NONCE", "NAT-D", "NAT-D"));
    // XAUTH, DPD, "Cisco Fragmentation" (to tshark), RFC 3947, draft-02\n
    assertEquals(vids(12), List.of("09002689dfd6b712", "afcad71368a1f1c96b8696fc77570100",
        "4048b7d56ebce88525e7de7f00d6c2d380000000", "4a131c81070358455c5728f20e95452f",
        "90cb80913ebb696e086381b5ec427b1f"));
    assertEquals(vids(13), vids(12).subList(0, 4));
    TransformPayload t = CapturedIsakmp.decode(CAPTURE, 12).first(SaPayload.class)
        .proposals().get(0).transforms().get(0);
    // 3DES-CBC, MD5, group 2, PSK, Life-Type seconds, Life-Duration 15840 (all TV)
    assertEquals(Ikev1CertsCaptureTest.attributes(t), List.of("1 TV 0005", "2 TV 0001", "4 TV 0002",
        "3 TV 0001", "11 TV 0001", "12 TV 3de0"));
  }

  @Test
  public void rfcNatDHashesAndNonces() {
    IsakmpMessage mm3 = CapturedIsakmp.decode(CAPTURE, 14);
    IsakmpMessage mm4 = CapturedIsakmp.decode(CAPTURE, 15);
    assertEquals(natD(mm3), List.of("20 7699b0143b3ffee6243d2dc783ddacf3", "20 48e28d47bd4866d0d6b316721795d0b8"));
    assertEquals(natD(mm4), List.of("20 48e28d47bd4866d0d6b316721795d0b8", "20 7699b0143b3ffee6243d2dc783ddacf3"));
    assertEquals(Hex.of(mm3.first(NoncePayload.class).data()),
        "3d0b28c668e66e3ed94be414025c1b16c72e6eb0cf3f380b84bc8673de59a98e");
    assertEquals(Hex.of(mm4.first(NoncePayload.class).data()),
        "3a2055a5dae42664c3d6e8abbdd70a1d8b990f81d38b45f5d92bd44383bd9d06");
    assertEquals(mm3.first(KePayload.class).data().length, 128); // payload length 132
  }

  private static List<String> natD(IsakmpMessage m) {
    return m.all(NatDPayload.class).stream().map(n -> n.type().value() + " " + Hex.of(n.hash())).toList();
  }

  private static List<String> names(int frame) {
    return CapturedIsakmp.decode(CAPTURE, frame).payloadTypes().stream().map(PayloadType::name).toList();
  }

  private static List<String> vids(int frame) {
    return CapturedIsakmp.decode(CAPTURE, frame).all(VendorIdPayload.class).stream()
        .map(v -> Hex.of(v.data())).toList();
  }
}
