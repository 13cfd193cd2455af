package dev.dmvpn.ref.isakmp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.bytes.Hex;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Openswan to Juniper, 3DES/MD5/group 2, RSA signatures, main mode + quick mode with PFS (capture
 * ikev1-3des-md5-decryptable.pcap, 10 frames). Expected values from tshark 4.0.17 ({@code -T fields} and
 * {@code -V}); the plaintexts of frames 5, 6, 7, 9 and 10 are tshark's "Decrypted IKE" data with the key
 * from MANIFEST.md, stored in src/test/resources/vectors/isakmp/ikev1-certs-frameN-decrypted.hex.
 */
public class Ikev1CertsCaptureTest {
  static final String CAPTURE = "ikev1-3des-md5-decryptable.pcap";
  static final String ICOOKIE = "fafaeb49382a763c";
  static final String RCOOKIE = "36e65ad2f66f4403";

  /** frame, rspi, exchange type, flags, message id, length, header next payload (tshark). */
  private static final Object[][] HEADERS = {
    {1, "0000000000000000", 2, 0x00, "00000000", 116, 1},
    {2, RCOOKIE, 2, 0x00, "00000000", 272, 1},
    {3, RCOOKIE, 2, 0x00, "00000000", 180, 4},
    {4, RCOOKIE, 2, 0x00, "00000000", 267, 4},
    {5, RCOOKIE, 2, 0x01, "00000000", 1764, 5},
    {6, RCOOKIE, 2, 0x01, "00000000", 1932, 5},
    {7, RCOOKIE, 32, 0x01, "f2cfe203", 276, 8},
    {8, RCOOKIE, 32, 0x01, "f2cfe203", 276, 8},
    {9, RCOOKIE, 32, 0x01, "f2cfe203", 276, 8},
    {10, RCOOKIE, 32, 0x01, "f2cfe203", 52, 8},
  };

  @Test
  public void headersOfAllTenFrames() {
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
  public void payloadListsOfThePlainFrames() {
    // tshark isakmp.typepayload: 1,2,3,13,13 / 1,2,3,13 x9 / 4,10 / 4,10,7
    assertEquals(names(1), List.of("SA", "VID", "VID"));
    assertEquals(names(2), List.of("SA", "VID", "VID", "VID", "VID", "VID", "VID", "VID", "VID", "VID"));
    assertEquals(names(3), List.of("KE", "NONCE"));
    assertEquals(names(4), List.of("KE", "NONCE", "CR"));
  }

  @Test
  public void mm1ProposalOpenswanOrder() {
    TransformPayload t = CapturedIsakmp.decode(CAPTURE, 1).first(SaPayload.class)
        .proposals().get(0).transforms().get(0);
    // tshark -V frame 1: proposal #0, transform #0 KEY_IKE; Life-Type seconds, Life-Duration 28800, 3DES-CBC,
    // MD5, RSA signatures, group 2 (1024) - all TV
    assertEquals(t.number(), 0);
    assertEquals(t.transformId(), TransformPayload.KEY_IKE);
    assertEquals(attributes(t), List.of("11 TV 0001", "12 TV 7080", "1 TV 0005", "2 TV 0001", "3 TV 0003",
        "4 TV 0002"));
  }

  @Test
  public void vendorIdsKeNonceAndCertRequest() {
    // tshark isakmp.vid_bytes frame 1 (Openswan's own 12-byte VID, then DPD) and frame 2 (Juniper)
    assertEquals(vids(1), List.of("4f4568794c64414365636661", "afcad71368a1f1c96b8696fc77570100"));
    assertEquals(vids(2), List.of("afcad71368a1f1c96b8696fc77570100", "27bab5dc01ea0760ea4e3190ac27c0d0",
        "6105c422e76847e43f9684801292aecd", "4485152d18b6bbcd0be8a8469579ddcc",
        "cd60464335df21f87cfdb2fc68b6a448", "90cb80913ebb696e086381b5ec427b1f",
        "7d9419a65310ca6f2c179d9215529d56", "4a131c81070358455c5728f20e95452f",
        "699369228741c6d4ca094c93e242c9de19e7b7c60000000500000500"));
    IsakmpMessage mm2 = CapturedIsakmp.decode(CAPTURE, 2);
    assertEquals(VendorIds.lookup(mm2.all(VendorIdPayload.class).get(7).data()),
        VendorIds.Known.NAT_T_RFC3947);
    IsakmpMessage mm3 = CapturedIsakmp.decode(CAPTURE, 3);
    assertEquals(mm3.first(KePayload.class).data().length, 128); // payload length 132
    assertEquals(Hex.of(mm3.first(KePayload.class).data(), 0, 8), "883cfa4248d583d9");
    assertEquals(Hex.of(mm3.first(NoncePayload.class).data()), "33a89ef2a527c0d50517ba370a28c133");
    CertRequestPayload cr = CapturedIsakmp.decode(CAPTURE, 4).first(CertRequestPayload.class);
    assertEquals(cr.encoding(), CertPayload.X509_SIGNATURE); // "X.509 Certificate - Signature (4)"
    assertEquals(cr.data().length, 87 - 5); // payload length 87: generic header 4 + type 1
    assertEquals(cr.data()[0], 0x30); // the DN is a DER SEQUENCE
  }

  @Test
  public void mainModeFiveDecryptedIdCertCrSig() {
    DecodedPlaintext p = plaintext(5, PayloadType.ID);
    // tshark -V (decrypted): ID, CERT (length 1498), CR (87), SIG (132); 7 bytes "Extra data"
    assertEquals(p.names(), List.of("ID", "CERT", "CR", "SIG"));
    assertEquals(p.padding, 7);
    IdPayload id = (IdPayload) p.payloads.get(0);
    assertEquals(id.ipv4Address().toString(), "192.168.12.118");
    assertEquals(id.protocolId(), 0);
    assertEquals(id.port(), 0);
    CertPayload cert = (CertPayload) p.payloads.get(1);
    assertEquals(cert.encoding(), CertPayload.X509_SIGNATURE);
    assertEquals(cert.data().length, 1498 - 5);
    SigPayload sig = (SigPayload) p.payloads.get(3);
    assertEquals(sig.data().length, 128);
    assertEquals(Hex.of(sig.data(), 0, 8), "35e08b795565943c");
  }

  @Test
  public void mainModeSixDecryptedIdCertSig() {
    DecodedPlaintext p = plaintext(6, PayloadType.ID);
    assertEquals(p.names(), List.of("ID", "CERT", "SIG")); // lengths 12, 1630, 260
    assertEquals(p.padding, 2);
    assertEquals(((IdPayload) p.payloads.get(0)).ipv4Address().toString(), "172.16.1.103");
    assertEquals(((CertPayload) p.payloads.get(1)).data().length, 1630 - 5);
    assertEquals(((SigPayload) p.payloads.get(2)).data().length, 256);
  }

  @Test
  public void quickModeDecryptedPhase2Proposal() {
    // tshark -V frame 7 / 9 (decrypted): HASH, SA, NONCE, KE, ID, ID
    String[][] expect = {
      {"7", "5a32e8a56d40768d60f16a0521da6cbc", "95f9fa06", "f3f6953f0909d4529c9ca19900edc65b"},
      {"9", "69791a1955c654b3be0ae8e349af1d5f", "cd876adf", "dbfcc17768c9d0d12cd0cc58123ea8c9"},
    };
    for (String[] e : expect) {
      DecodedPlaintext p = plaintext(Integer.parseInt(e[0]), PayloadType.HASH);
      assertEquals(p.names(), List.of("HASH", "SA", "NONCE", "KE", "ID", "ID"), "frame " + e[0]);
      assertEquals(p.padding, 0);
      assertEquals(Hex.of(((HashPayload) p.payloads.get(0)).data()), e[1]);
      ProposalPayload prop = ((SaPayload) p.payloads.get(1)).proposals().get(0);
      assertEquals(prop.protocolId(), ProposalPayload.PROTO_IPSEC_ESP);
      assertEquals(Hex.of(prop.spi()), e[2]);
      TransformPayload t = prop.transforms().get(0);
      assertEquals(t.transformId(), IpsecAttributes.ESP_3DES);
      // group 2 (PFS), tunnel, life seconds, 3600, HMAC-MD5
      assertEquals(attributes(t), List.of("3 TV 0002", "4 TV 0001", "1 TV 0001", "2 TV 0e10", "5 TV 0001"));
      assertEquals(Hex.of(((NoncePayload) p.payloads.get(2)).data()), e[3]);
      assertEquals(((KePayload) p.payloads.get(3)).data().length, 128);
      assertEquals(((IdPayload) p.payloads.get(4)).ipv4Address().toString(), "192.168.12.118");
      assertEquals(((IdPayload) p.payloads.get(5)).ipv4Address().toString(), "1.1.1.1");
    }
  }

  @Test
  public void quickModeThreeDecryptedHash() {
    DecodedPlaintext p = plaintext(10, PayloadType.HASH);
    assertEquals(p.names(), List.of("HASH"));
    assertEquals(p.padding, 4); // tshark: "Extra data: 00000000"
    assertEquals(Hex.of(((HashPayload) p.payloads.get(0)).data()), "0b4f60a7a6e2878b515d1e30554be720");
  }

  @Test
  public void decryptedChainsReEncodeToThePlaintextWithoutPadding() {
    int[][] frames = {{5, 5}, {6, 5}, {7, 8}, {9, 8}, {10, 8}};
    for (int[] f : frames) {
      byte[] plain = CapturedIsakmp.vector("ikev1-certs-frame" + f[0] + "-decrypted.hex");
      DecodedPlaintext p = plaintext(f[0], PayloadType.valueOf(f[1]));
      ByteWriter w = new ByteWriter();
      IsakmpCodec.encodePayloads(p.payloads, w);
      assertEquals(Hex.of(w.toByteArray()), Hex.of(Arrays.copyOf(plain, plain.length - p.padding)),
          "frame " + f[0]);
    }
  }

  /** A decoded plaintext chain and the number of padding bytes after it. */
  private record DecodedPlaintext(List<IsakmpPayload> payloads, int padding) {
    List<String> names() {
      return payloads.stream().map(x -> x.type().name()).toList();
    }
  }

  private static DecodedPlaintext plaintext(int frame, PayloadType first) {
    byte[] plain = CapturedIsakmp.vector("ikev1-certs-frame" + frame + "-decrypted.hex");
    // the header's Next Payload names the first payload inside the ciphertext
    assertEquals(CapturedIsakmp.decode(CAPTURE, frame).header().nextPayload(), first);
    ByteReader r = ByteReader.of(plain);
    DecodeResult<List<IsakmpPayload>> result = IsakmpCodec.decodePayloads(r, first);
    assertTrue(result.isOk(), String.valueOf(result));
    return new DecodedPlaintext(result.value(), r.remaining());
  }

  static List<String> attributes(TransformPayload t) {
    return t.attributes().stream()
        .map(a -> a.type() + (a.basic() ? " TV " : " TLV ") + Hex.of(a.value())).toList();
  }

  private static List<String> names(int frame) {
    return CapturedIsakmp.decode(CAPTURE, frame).payloadTypes().stream().map(PayloadType::name).toList();
  }

  private static List<String> vids(int frame) {
    return CapturedIsakmp.decode(CAPTURE, frame).all(VendorIdPayload.class).stream()
        .map(v -> Hex.of(v.data())).toList();
  }
}
