package dev.dmvpn.ref.ike;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.expectThrows;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.testng.annotations.Test;

/** The ISAKMP SA table on its own: keys, removal by instance, the SA connect reuses, fresh cookies. */
public class IkeSaTableTest {
  static final Ipv4Address LOCAL = Ipv4Address.parse("209.168.202.131");
  static final Ipv4Address SV94 = Ipv4Address.parse("209.168.202.130");
  static final Ipv4Address HUB = Ipv4Address.parse("209.168.202.225");

  /** Hands out the given 64-bit values, one per 8-byte request. */
  static RandomSource scripted(long... values) {
    Deque<Long> q = new ArrayDeque<>();
    for (long v : values) {
      q.add(v);
    }
    return out -> {
      long v = q.removeFirst();
      for (int i = out.length - 1; i >= 0; i--) {
        out[i] = (byte) v;
        v >>>= 8;
      }
    };
  }

  private static IkeSa sa(boolean initiator, long cookie, Ipv4Address peer) {
    return new IkeSa(initiator, cookie, initiator ? 0 : 7, LOCAL, peer, IkeConfig.IKE_PORT);
  }

  @Test
  public void newCookiesAreNeverZeroNorInUse() {
    IkeSaTable t = new IkeSaTable(scripted(0L, 0x1111L, 0x1111L, 0L, 0x2222L));
    long first = t.newCookie();
    assertEquals(first, 0x1111L, "0 is skipped");
    t.add(sa(true, first, SV94));
    assertEquals(t.newCookie(), 0x2222L, "a cookie in use and 0 are skipped");
  }

  @Test
  public void removeTakesOnlyThatInstance() {
    IkeSaTable t = new IkeSaTable(scripted());
    IkeSa a = sa(true, 0xA, SV94);
    t.add(a);
    t.remove(sa(true, 0xA, SV94)); // another SA object with the same cookie
    assertSame(t.get(0xA), a);
    t.remove(a);
    assertNull(t.get(0xA));
    assertEquals(t.all(), List.of());
  }

  @Test
  public void aSecondSaWithTheSameCookieIsRefused() {
    IkeSaTable t = new IkeSaTable(scripted());
    t.add(sa(true, 0xA, SV94));
    IllegalStateException e = expectThrows(IllegalStateException.class, () -> t.add(sa(false, 0xA, HUB)));
    assertEquals(e.getMessage(), "initiator cookie a is already in use by the SA with 209.168.202.130");
  }

  @Test
  public void connectReusesAnEstablishedOrOwnSaButNotAResponderStillConnecting() {
    IkeSaTable t = new IkeSaTable(scripted());
    IkeSa responding = sa(false, 0xB, SV94);
    t.add(responding);
    assertNull(t.usableFor(SV94), "the peer's Main Mode is still running: we start our own");
    responding.state(IkeSa.State.ESTABLISHED);
    assertSame(t.usableFor(SV94), responding, "once up, either side's SA carries our Quick Mode");
    IkeSa initiating = sa(true, 0xC, HUB);
    t.add(initiating);
    assertSame(t.usableFor(HUB), initiating, "our own Main Mode in progress");
    assertNull(t.usableFor(Ipv4Address.parse("192.0.2.1")));
  }
}
