package dev.dmvpn.ref.ike;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.HashPayload;
import dev.dmvpn.ref.isakmp.IsakmpCodec;
import dev.dmvpn.ref.isakmp.IsakmpHeader;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.KePayload;
import dev.dmvpn.ref.isakmp.NoncePayload;
import dev.dmvpn.ref.isakmp.NotifyType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

/**
 * The shared Phase 1 steps on their own, between an initiator (sv9-3) and a responder (sv9-4) helper: sizes of
 * what they send (group 1: 96-byte KE, RFC 2409 6.1; 20-byte nonces as IOS), refusals of malformed KE/nonce, and
 * authentication that holds with the same pre-shared key and fails with another. The bytes themselves are proved
 * against tshark by {@link IkeTsharkTest}.
 */
public class Phase1Test {
  static final Ipv4Address SV93 = Ipv4Address.parse("209.168.202.131");
  static final Ipv4Address SV94 = Ipv4Address.parse("209.168.202.130");

  private static IkeSa sa(boolean initiator, Ipv4Address local, Ipv4Address peer) {
    IkeSa sa = new IkeSa(initiator, 0x0102030405060708L, 0x1112131415161718L, local, peer, IkeConfig.IKE_PORT);
    sa.policy(IkePolicy.document());
    return sa;
  }

  private static IkeConfig config(Ipv4Address local, Ipv4Address peer, String psk) {
    return IkeConfig.document(local).withKeys(new PskStore().addPeer(psk, peer));
  }

  /** A plain message carrying {@code payloads}, as the manager hands one to a task. */
  private static InboundMessage inbound(List<IsakmpPayload> payloads) {
    byte[] bytes = IsakmpCodec.encode(IsakmpMessage.plain(
        IsakmpHeader.of(0x0102030405060708L, 0x1112131415161718L, ExchangeType.MAIN_MODE, 0, 0), payloads));
    IsakmpMessage m = IsakmpCodec.decode(bytes).value();
    return new InboundMessage(m.header(), m.payloads(), Arrays.copyOfRange(bytes, 28, bytes.length));
  }

  private static Phase1[] pair(String initiatorKey, String responderKey) {
    Phase1 i = new Phase1(sa(true, SV93, SV94), config(SV93, SV94, initiatorKey),
        RandomSource.of(new SplittableRandom(3)));
    Phase1 r = new Phase1(sa(false, SV94, SV93), config(SV94, SV93, responderKey),
        RandomSource.of(new SplittableRandom(4)));
    byte[] saiB = {0, 0, 0, 1, 0, 0, 0, 1};
    i.initiatorSaBody(saiB);
    r.initiatorSaBody(saiB);
    i.makeOwnKeyExchange();
    assertNull(r.takePeerKeyExchange(inbound(i.ownKeyExchange()), "MM3"));
    r.makeOwnKeyExchange();
    r.deriveKeys();
    assertNull(i.takePeerKeyExchange(inbound(r.ownKeyExchange()), "MM4"));
    i.deriveKeys();
    return new Phase1[] {i, r};
  }

  @Test
  public void keyExchangeSizesAreGroupOnesAndIos() {
    Phase1 i = pair("cisco123", "cisco123")[0];
    List<IsakmpPayload> ke = i.ownKeyExchange();
    assertEquals(((KePayload) ke.get(0)).data().length, 96, "768-bit MODP group 1");
    assertEquals(((NoncePayload) ke.get(1)).data().length, 20);
  }

  @Test
  public void bothSidesAuthenticateEachOtherWithTheSameKey() {
    Phase1[] p = pair("cisco123", "cisco123");
    List<IsakmpPayload> mm5 = p[0].ownAuthentication();
    assertTrue(p[1].peerAuthenticated(inbound(mm5)), "HASH_I checks at the responder");
    assertTrue(p[0].peerAuthenticated(inbound(p[1].ownAuthentication())), "HASH_R checks at the initiator");
  }

  @Test
  public void anotherKeyFailsAuthentication() {
    Phase1[] p = pair("cisco123", "cisco124");
    assertFalse(p[1].peerAuthenticated(inbound(p[0].ownAuthentication())));
  }

  @Test
  public void aMissingHashIsNotAuthentic() {
    Phase1[] p = pair("cisco123", "cisco123");
    List<IsakmpPayload> idOnly = new ArrayList<>(p[0].ownAuthentication());
    idOnly.removeIf(x -> x instanceof HashPayload);
    assertFalse(p[1].peerAuthenticated(inbound(idOnly)));
  }

  @Test
  public void malformedKeyExchangeIsRefusedWithItsNotification() {
    Phase1 r = new Phase1(sa(false, SV94, SV93), config(SV94, SV93, "cisco123"),
        RandomSource.of(new SplittableRandom(5)));
    Task.Failure shortKe = r.takePeerKeyExchange(inbound(List.of(new KePayload(new byte[95]),
        new NoncePayload(new byte[20]))), "MM3");
    assertEquals(shortKe.reason(), "KE of 95 bytes does not fit group 1");
    assertEquals(shortKe.notification(), NotifyType.valueOf(17), "INVALID-KEY-INFORMATION");
    Task.Failure shortNonce = r.takePeerKeyExchange(inbound(List.of(new KePayload(new byte[96]),
        new NoncePayload(new byte[7]))), "MM3");
    assertEquals(shortNonce.reason(), "nonce of 7 bytes (RFC 2409: 8..256)");
    Task.Failure none = r.takePeerKeyExchange(inbound(List.of(new NoncePayload(new byte[20]))), "MM3");
    assertEquals(none.reason(), "MM3 lacks KE or NONCE payload");
    assertEquals(none.notification(), NotifyType.PAYLOAD_MALFORMED);
  }
}
