package dev.dmvpn.ref.isakmp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Hex;
import java.util.List;
import org.testng.annotations.Test;

/**
 * IOS to IOS main mode 1-6 and quick mode 1-3 (capture ios-ikev1-main-quick-mode.cap, 9 frames). Expected
 * values were read with tshark 4.0.17: {@code -T fields -e isakmp.ispi -e isakmp.rspi -e isakmp.exchangetype
 * -e isakmp.flags -e isakmp.messageid -e isakmp.length -e isakmp.typepayload -e isakmp.vid_bytes} and
 * {@code -V}. tshark misreads the draft NAT-D payload type 15 as "SA KEK" (malformed), so the NAT-D hashes
 * are read from its {@code -x} hex dump at the offsets noted.
 */
public class IosMainQuickModeCaptureTest {
  static final String CAPTURE = "ios-ikev1-main-quick-mode.cap";
  static final String ICOOKIE = "cf02326f14a95b93";
  static final String RCOOKIE = "18a109f89219e8df";

  /** frame, rspi, exchange type, flags, message id, length, header next payload (tshark). */
  private static final Object[][] HEADERS = {
    {1, "0000000000000000", 2, 0x00, "00000000", 148, 1},
    {2, RCOOKIE, 2, 0x00, "00000000", 108, 1},
    {3, RCOOKIE, 2, 0x00, "00000000", 272, 4},
    {4, RCOOKIE, 2, 0x00, "00000000", 272, 4},
    {5, RCOOKIE, 2, 0x01, "00000000", 108, 5},
    {6, RCOOKIE, 2, 0x01, "00000000", 76, 5},
    {7, RCOOKIE, 32, 0x01, "0f2b7862", 220, 8},
    {8, RCOOKIE, 32, 0x01, "0f2b7862", 220, 8},
    {9, RCOOKIE, 32, 0x01, "0f2b7862", 60, 8},
  };

  @Test
  public void headersOfAllNineFrames() {
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
      assertEquals(h.version(), 0x10, at);
      assertEquals(h.encrypted(), frame >= 5, at);
    }
    assertEquals(CapturedIsakmp.decode(CAPTURE, 1).header().exchangeType().name(), "main-mode");
    assertEquals(CapturedIsakmp.decode(CAPTURE, 7).header().exchangeType().name(), "quick-mode");
  }

  @Test
  public void payloadListsInOrder() {
    // tshark isakmp.typepayload: 1,2,3,13,13,13 (P and T are nested in the SA)
    assertEquals(names(1), List.of("SA", "VID", "VID", "VID"));
    assertEquals(names(2), List.of("SA", "VID"));
    // tshark: 4,10,13,13,13,13,15 then "malformed"; the chain (-x) holds two type-15 NAT-D payloads
    List<String> mm34 = List.of("KE", "NONCE", "VID", "VID", "VID", "VID", "NAT-D", "NAT-D");
    assertEquals(names(3), mm34);
    assertEquals(names(4), mm34);
    for (int frame = 3; frame <= 4; frame++) {
      for (NatDPayload natD : CapturedIsakmp.decode(CAPTURE, frame).all(NatDPayload.class)) {
        assertEquals(natD.type().value(), 15, "draft numbering kept, frame " + frame);
      }
    }
  }

  @Test
  public void mm1ProposalAttributesInIosOrderAndForms() {
    SaPayload sa = CapturedIsakmp.decode(CAPTURE, 1).first(SaPayload.class);
    assertEquals(sa.doi(), SaPayload.DOI_IPSEC);
    assertEquals(sa.situation(), SaPayload.SIT_IDENTITY_ONLY);
    assertEquals(sa.proposals().size(), 1);
    ProposalPayload p = sa.proposals().get(0);
    assertEquals(p.number(), 1);
    assertEquals(p.protocolId(), ProposalPayload.PROTO_ISAKMP);
    assertEquals(p.spi().length, 0);
    assertEquals(p.transforms().size(), 1);
    TransformPayload t = p.transforms().get(0);
    assertEquals(t.number(), 1);
    assertEquals(t.transformId(), TransformPayload.KEY_IKE);
    // tshark -V: AES-CBC, Key-Length 128, SHA, group 1 (768), PSK, Life-Type seconds, Life-Duration 86400 TLV
    String[] expected = {"1 TV 0007", "14 TV 0080", "2 TV 0002", "4 TV 0001", "3 TV 0001", "11 TV 0001",
        "12 TLV 00015180"};
    assertEquals(t.attributes().size(), expected.length);
    for (int i = 0; i < expected.length; i++) {
      DataAttribute a = t.attributes().get(i);
      assertEquals(a.type() + (a.basic() ? " TV " : " TLV ") + Hex.of(a.value()), expected[i], "attribute " + i);
    }
    assertEquals(t.attribute(IkeAttributes.LIFE_DURATION).longValue(), 86400L);
    assertEquals(t.attribute(IkeAttributes.ENCRYPTION_ALGORITHM).longValue(), IkeAttributes.ENCR_AES_CBC);
    assertEquals(t.attribute(IkeAttributes.KEY_LENGTH).longValue(), 128L);
    assertNull(t.attribute(99));
  }

  @Test
  public void mm1AndMm2NatTDraftVendorIds() {
    // tshark isakmp.vid_bytes frame 1: draft-07, draft-03, draft-02\n; frame 2: draft-07
    assertEquals(vids(1), List.of("439b59f8ba676c4c7737ae22eab8f582", "7d9419a65310ca6f2c179d9215529d56",
        "90cb80913ebb696e086381b5ec427b1f"));
    assertEquals(VendorIds.lookup(vid(1, 0)), VendorIds.Known.NAT_T_DRAFT_07);
    assertEquals(VendorIds.lookup(vid(1, 1)), VendorIds.Known.NAT_T_DRAFT_03);
    assertEquals(VendorIds.lookup(vid(1, 2)), VendorIds.Known.NAT_T_DRAFT_02N);
    assertEquals(vids(2), List.of("439b59f8ba676c4c7737ae22eab8f582"));
  }

  @Test
  public void mm3AndMm4VendorIdsKeNonceAndNatD() {
    // tshark isakmp.vid_bytes frame 3 / frame 4 (the third is "Unknown Vendor ID" to tshark)
    assertEquals(vids(3), List.of("12f5f28c457168a9702d9fe274cc0100", "afcad71368a1f1c96b8696fc77570100",
        "3ac5957214a85b93db6a509869fdb330", "09002689dfd6b712"));
    assertEquals(vids(4), List.of("12f5f28c457168a9702d9fe274cc0100", "afcad71368a1f1c96b8696fc77570100",
        "ed66aee59218e8dfbe01a135a2ad8994", "09002689dfd6b712"));
    assertEquals(VendorIds.lookup(vid(3, 0)), VendorIds.Known.CISCO_UNITY);
    assertEquals(VendorIds.lookup(vid(3, 1)), VendorIds.Known.DPD);
    assertNull(VendorIds.lookup(vid(3, 2)));
    assertEquals(VendorIds.lookup(vid(3, 3)), VendorIds.Known.XAUTH);
    long icookie = Long.parseUnsignedLong(ICOOKIE, 16);
    long rcookie = Long.parseUnsignedLong(RCOOKIE, 16);
    assertTrue(VendorIds.isIosPerSa(vid(3, 2), icookie), "MM3 is sent by the initiator");
    assertFalse(VendorIds.isIosPerSa(vid(3, 2), rcookie));
    assertTrue(VendorIds.isIosPerSa(vid(4, 2), rcookie), "MM4 is sent by the responder");
    assertEquals(VendorIds.describe(vid(4, 2), rcookie), "IOS per-SA");

    IsakmpMessage mm3 = CapturedIsakmp.decode(CAPTURE, 3);
    // tshark: KE payload length 100 (96-byte group 1 value), nonce 6ea7c7ed...
    assertEquals(mm3.first(KePayload.class).data().length, 96);
    assertEquals(Hex.of(mm3.first(KePayload.class).data(), 0, 8), "3bce03faae189d2b");
    assertEquals(Hex.of(mm3.first(NoncePayload.class).data()), "6ea7c7ed3ca3383538801b4b32a5aba161807765");
    assertEquals(Hex.of(CapturedIsakmp.decode(CAPTURE, 4).first(NoncePayload.class).data()),
        "781a7f836ed8f1231b779d24ca0a366cad029684");
    // tshark -x frame 3 bytes 0x10e-0x121 and 0x126-0x139; frame 4 carries the same two, swapped
    List<NatDPayload> natD = mm3.all(NatDPayload.class);
    assertEquals(Hex.of(natD.get(0).hash()), "d5664a6fcbc7d769f693d4d83ce125b1415827ae");
    assertEquals(Hex.of(natD.get(1).hash()), "6db4442c1af0b63d93334e3a0cb5ac19f804eca4");
    List<NatDPayload> natD4 = CapturedIsakmp.decode(CAPTURE, 4).all(NatDPayload.class);
    assertEquals(Hex.of(natD4.get(0).hash()), "6db4442c1af0b63d93334e3a0cb5ac19f804eca4");
    assertEquals(Hex.of(natD4.get(1).hash()), "d5664a6fcbc7d769f693d4d83ce125b1415827ae");
  }

  @Test
  public void encryptedFramesKeepTheBodyOpaque() {
    // tshark -V: "Encrypted Data (80 bytes)" in frame 5, "(32 bytes)" in frame 9
    int[] bodyLengths = {80, 48, 192, 192, 32};
    for (int frame = 5; frame <= 9; frame++) {
      IsakmpMessage m = CapturedIsakmp.decode(CAPTURE, frame);
      assertTrue(m.encrypted(), "frame " + frame);
      assertTrue(m.payloads().isEmpty(), "frame " + frame);
      assertEquals(m.encryptedBody().length, bodyLengths[frame - 5], "frame " + frame);
      assertEquals(m.encryptedBody().length, m.header().length() - IsakmpHeader.SIZE);
    }
  }

  @Test
  public void mm1BuiltFromFieldsEqualsTheCapturedBytes() {
    TransformPayload t = new TransformPayload(1, TransformPayload.KEY_IKE, List.of(
        DataAttribute.basic(IkeAttributes.ENCRYPTION_ALGORITHM, IkeAttributes.ENCR_AES_CBC),
        DataAttribute.basic(IkeAttributes.KEY_LENGTH, 128),
        DataAttribute.basic(IkeAttributes.HASH_ALGORITHM, IkeAttributes.HASH_SHA),
        DataAttribute.basic(IkeAttributes.GROUP_DESCRIPTION, IkeAttributes.GROUP_MODP_768),
        DataAttribute.basic(IkeAttributes.AUTHENTICATION_METHOD, IkeAttributes.AUTH_PRE_SHARED_KEY),
        DataAttribute.ofNumber(IkeAttributes.LIFE_TYPE, IkeAttributes.LIFE_SECONDS),
        DataAttribute.ofNumber(IkeAttributes.LIFE_DURATION, 86400)));
    ProposalPayload p = new ProposalPayload(1, ProposalPayload.PROTO_ISAKMP, new byte[0], List.of(t));
    IsakmpMessage mm1 = IsakmpMessage.plain(
        IsakmpHeader.of(Long.parseUnsignedLong(ICOOKIE, 16), 0, ExchangeType.MAIN_MODE, 0, 0),
        List.of(new SaPayload(SaPayload.DOI_IPSEC, SaPayload.SIT_IDENTITY_ONLY, List.of(p)),
            VendorIds.Known.NAT_T_DRAFT_07.payload(),
            VendorIds.Known.NAT_T_DRAFT_03.payload(),
            VendorIds.Known.NAT_T_DRAFT_02N.payload()));
    assertEquals(Hex.of(IsakmpCodec.encode(mm1)),
        Hex.of(CapturedIsakmp.bytes(CapturedIsakmp.frame(CAPTURE, 1))));
  }

  private static List<String> names(int frame) {
    return CapturedIsakmp.decode(CAPTURE, frame).payloadTypes().stream().map(PayloadType::name).toList();
  }

  private static List<String> vids(int frame) {
    return CapturedIsakmp.decode(CAPTURE, frame).all(VendorIdPayload.class).stream()
        .map(v -> Hex.of(v.data())).toList();
  }

  private static byte[] vid(int frame, int index) {
    return CapturedIsakmp.decode(CAPTURE, frame).all(VendorIdPayload.class).get(index).data();
  }
}
