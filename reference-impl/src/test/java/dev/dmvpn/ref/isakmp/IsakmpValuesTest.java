package dev.dmvpn.ref.isakmp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.List;
import org.testng.annotations.Test;

/**
 * Open enums, attribute helpers, vendor IDs and the payloads no capture carries in clear (N, D, NAT-OA,
 * unknown). Hand-built vectors follow the RFC layouts cited per test, with cookies from
 * ios-ikev1-main-quick-mode.cap.
 */
public class IsakmpValuesTest {
  private static final long ICKY = 0xcf02326f14a95b93L;
  private static final long RCKY = 0x18a109f89219e8dfL;
  private static final String COOKIES = "cf02326f14a95b93 18a109f89219e8df";

  @Test
  public void openEnumNames() {
    assertEquals(ExchangeType.valueOf(2).name(), "main-mode");
    assertEquals(ExchangeType.valueOf(4).name(), "aggressive");
    assertEquals(ExchangeType.valueOf(5).name(), "informational");
    assertEquals(ExchangeType.valueOf(6).name(), "transaction");
    assertEquals(ExchangeType.valueOf(32).name(), "quick-mode");
    assertEquals(ExchangeType.valueOf(1).name(), "unknown-1");
    assertSame(ExchangeType.valueOf(32), ExchangeType.QUICK_MODE);
    String[] names = {"SA", "P", "T", "KE", "ID", "CERT", "CR", "HASH", "SIG", "NONCE", "N", "D", "VID"};
    for (int i = 0; i < names.length; i++) {
      assertEquals(PayloadType.valueOf(i + 1).name(), names[i]);
    }
    for (int natD : new int[] {15, 20, 130}) {
      assertEquals(PayloadType.valueOf(natD).name(), "NAT-D");
      assertTrue(PayloadType.valueOf(natD).isNatD());
    }
    assertEquals(PayloadType.valueOf(21).name(), "NAT-OA");
    assertEquals(PayloadType.valueOf(131).name(), "NAT-OA");
    assertEquals(PayloadType.valueOf(14).name(), "unknown-14");
    assertEquals(PayloadType.valueOf(16).name(), "unknown-16");
    assertEquals(NotifyType.valueOf(24578).name(), "INITIAL-CONTACT");
    assertEquals(NotifyType.valueOf(36136).name(), "R-U-THERE");
    assertEquals(NotifyType.valueOf(36137).name(), "R-U-THERE-ACK");
    assertEquals(NotifyType.valueOf(14).name(), "NO-PROPOSAL-CHOSEN");
    assertEquals(NotifyType.valueOf(23).name(), "INVALID-HASH-INFORMATION");
    assertEquals(NotifyType.valueOf(30).name(), "UNEQUAL-PAYLOAD-LENGTHS");
    assertEquals(NotifyType.valueOf(31).name(), "unknown-31");
    assertTrue(NotifyType.NO_PROPOSAL_CHOSEN.isError());
    assertFalse(NotifyType.R_U_THERE.isError());
  }

  @Test
  public void headerPrintsCookiesAndMessageIdAsHex() {
    IsakmpHeader h = IsakmpHeader.of(ICKY, 0, ExchangeType.QUICK_MODE, IsakmpHeader.FLAG_ENCRYPTED, 0x0f2b7862);
    assertEquals(h.initiatorCookieHex(), "cf02326f14a95b93");
    assertEquals(h.responderCookieHex(), "0000000000000000");
    assertEquals(h.messageIdHex(), "0f2b7862");
    assertEquals(IsakmpHeader.messageIdHex(0xf2cfe203), "f2cfe203");
    assertTrue(h.toString().contains("icookie=cf02326f14a95b93"), h.toString());
    assertTrue(h.encrypted());
    assertFalse(h.commit());
    assertEquals(h.majorVersion(), 1);
  }

  @Test
  public void attributeNumbersInIosForms() {
    // protocol-notes 3.2: 86400 s -> TLV 00 01 51 80; 120 s -> basic 0x0078; 4608000 KB -> TLV 00 46 50 00
    DataAttribute day = DataAttribute.ofNumber(IkeAttributes.LIFE_DURATION, 86400);
    assertFalse(day.basic());
    assertEquals(Hex.of(day.value()), "00015180");
    assertEquals(day.wireLength(), 8);
    DataAttribute twoMinutes = DataAttribute.ofNumber(IpsecAttributes.SA_LIFE_DURATION, 120);
    assertTrue(twoMinutes.basic());
    assertEquals(Hex.of(twoMinutes.value()), "0078");
    assertEquals(Hex.of(DataAttribute.ofNumber(2, 4608000).value()), "00465000");
    assertEquals(DataAttribute.ofNumber(2, 4608000).longValue(), 4608000L);
    assertEquals(DataAttribute.variable(1, new byte[9]).value().length, 9);
    expectThrows(ArithmeticException.class, () -> DataAttribute.variable(1, new byte[9]).longValue());
    expectThrows(IllegalArgumentException.class, () -> new DataAttribute(1, true, new byte[4]));
    expectThrows(IllegalArgumentException.class, () -> DataAttribute.basic(0x8000, 1));
  }

  @Test
  public void iosPerSaVendorIdRoundTrip() {
    // protocol-notes 3.4: CKY-I cf02326f14a95b93 -> 3ac5957214a85b93...; CKY-R a00b8ef0902bb8ec -> 55cc29ed902ab8ec...
    byte[] vid = VendorIds.iosPerSa(ICKY, Hex.parse("db6a509869fdb330"));
    assertEquals(Hex.of(vid), "3ac5957214a85b93db6a509869fdb330"); // = ios capture frame 3 VID #3
    assertTrue(VendorIds.isIosPerSa(Hex.parse("55cc29ed902ab8ec0000000000000000"), 0xa00b8ef0902bb8ecL));
    assertFalse(VendorIds.isIosPerSa(Hex.parse("3ac5957214a85b93"), ICKY)); // 8 bytes: wrong length
    assertEquals(VendorIds.describe(VendorIds.Known.DPD.bytes(), ICKY), "DPD");
    assertEquals(VendorIds.describe(Hex.parse("0102"), ICKY), "0102");
    assertNull(VendorIds.lookup(Hex.parse("12f5f28c457168a9702d9fe274cc0101")));
  }

  @Test
  public void dpdInformationalWithHashAndNotify() {
    // RFC 3706 5.1 / RFC 2408 3.14: HASH then N(R-U-THERE), proto ISAKMP, SPI = CKY-I|CKY-R, data = seq
    String hex = COOKIES + " 08 10 05 00 11223344 00000054"
        + " 0b 00 0018 " + "aa".repeat(20)
        + " 00 00 0020 00000001 01 10 8d28 " + COOKIES + " 00000001";
    IsakmpMessage m = IsakmpCodec.decode(Hex.parse(hex)).value();
    assertEquals(m.header().exchangeType(), ExchangeType.INFORMATIONAL);
    assertEquals(m.payloadTypes(), List.of(PayloadType.HASH, PayloadType.N));
    NotifyPayload n = m.first(NotifyPayload.class);
    assertEquals(n.doi(), 1);
    assertEquals(n.protocolId(), ProposalPayload.PROTO_ISAKMP);
    assertEquals(Hex.of(n.spi()), COOKIES.replace(" ", ""));
    assertEquals(n.notifyType(), NotifyType.R_U_THERE);
    assertEquals(Hex.of(n.data()), "00000001");
    assertEquals(Hex.of(IsakmpCodec.encode(m)), Hex.of(Hex.parse(hex)));
  }

  @Test
  public void deleteTwoEspSpis() {
    // RFC 2408 3.15: DOI 1, protocol ESP (3), SPI size 4, 2 SPIs
    String hex = COOKIES + " 0c 10 05 00 00000007 00000030 00 00 0014 00000001 03 04 0002 11111111 22222222";
    IsakmpMessage m = IsakmpCodec.decode(Hex.parse(hex)).value();
    DeletePayload d = m.first(DeletePayload.class);
    assertEquals(d.protocolId(), ProposalPayload.PROTO_IPSEC_ESP);
    assertEquals(d.spiSize(), 4);
    assertEquals(d.spis().size(), 2);
    assertEquals(Hex.of(d.spis().get(1)), "22222222");
    assertEquals(Hex.of(IsakmpCodec.encode(m)), Hex.of(Hex.parse(hex)));
  }

  @Test
  public void deleteWhoseCountDisagreesWithItsLength() {
    // # of SPIs (message offset 38: D at 28, DOI 32, protocol 36, SPI size 37) says 3, only 8 bytes follow
    String hex = COOKIES + " 0c 10 05 00 00000007 00000030 00 00 0014 00000001 03 04 0003 11111111 22222222";
    DecodeError e = IsakmpCodec.decode(Hex.parse(hex)).error();
    assertEquals(e.layer(), "isakmp");
    assertEquals(e.offset(), 38);
    assertTrue(e.message().contains("delete declares 3 SPIs of 4 bytes (12 bytes) but 8 bytes follow"),
        e.message());
  }

  @Test
  public void natOaAndUnknownPayloadsKeepTheirBytes() {
    // RFC 3947 5.2 NAT-OA (21): ID_IPV4_ADDR, 3 reserved, 192.168.0.1; then type 14 (mode-config attrs)
    String hex = COOKIES + " 15 10 20 00 00000009 00000030 0e 00 000c 01 000000 c0a80001 00 00 0008 00010002";
    IsakmpMessage m = IsakmpCodec.decode(Hex.parse(hex)).value();
    NatOaPayload oa = m.first(NatOaPayload.class);
    assertEquals(oa.type(), PayloadType.NAT_OA_RFC);
    assertEquals(oa.idType(), IdPayload.ID_IPV4_ADDR);
    assertEquals(Ipv4Address.fromBytes(oa.address()), Ipv4Address.parse("192.168.0.1"));
    UnknownPayload u = m.first(UnknownPayload.class);
    assertEquals(u.type().name(), "unknown-14");
    assertEquals(Hex.of(u.body()), "00010002");
    assertEquals(Hex.of(IsakmpCodec.encode(m)), Hex.of(Hex.parse(hex)));
    assertEquals(Hex.of(IsakmpCodec.encode(IsakmpMessage.plain(m.header(),
        List.of(NatOaPayload.ipv4(Ipv4Address.parse("192.168.0.1")), u)))), Hex.of(Hex.parse(hex)));
  }

  @Test
  public void encryptedMessageKeepsNextPayloadAndRecomputesLength() {
    IsakmpHeader h = new IsakmpHeader(ICKY, RCKY, PayloadType.HASH, IsakmpHeader.VERSION_1_0,
        ExchangeType.QUICK_MODE, IsakmpHeader.FLAG_ENCRYPTED, 0x0f2b7862, 0);
    byte[] wire = IsakmpCodec.encode(IsakmpMessage.encrypted(h, Hex.parse("0102030405060708")));
    assertEquals(Hex.of(wire), COOKIES.replace(" ", "") + "08102001" + "0f2b7862" + "00000024" + "0102030405060708");
    expectThrows(IllegalArgumentException.class,
        () -> IsakmpMessage.plain(h, List.of(new HashPayload(new byte[16]))));
  }

  @Test
  public void idPayloadIpv4Helper() {
    // protocol-notes 3.2: main-mode ID is ID_IPV4_ADDR, protocol 17, port 500
    IdPayload id = IdPayload.ipv4(Ipv4Address.parse("172.16.0.1"), 17, 500);
    assertTrue(id.isIpv4());
    assertEquals(id.ipv4Address().toString(), "172.16.0.1");
    IsakmpMessage m = IsakmpMessage.plain(IsakmpHeader.of(ICKY, RCKY, ExchangeType.MAIN_MODE, 0, 0), List.of(id));
    assertEquals(Hex.of(IsakmpCodec.encode(m)),
        COOKIES.replace(" ", "") + "05100200" + "00000000" + "00000028" + "0000000c" + "011101f4" + "ac100001");
    expectThrows(IllegalStateException.class, () -> new IdPayload(2, 0, 0, new byte[4]).ipv4Address());
  }
}
