package dev.dmvpn.ref.ipsec;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.time.Duration;
import org.testng.annotations.Test;

/** The SA database: inbound by SPI, the newest unexpired outbound pair per peer, fallback on removal. */
public class IpsecSaDatabaseTest {
  private static final Ipv4Address PEER = Ipv4Address.parse("209.168.202.225");
  private static final Ipv4Address OTHER = Ipv4Address.parse("209.168.202.131");
  private final SimulatedScheduler clock = new SimulatedScheduler();

  private static EspSaParameters sa(int spi, EspDirection d, long seconds) {
    return new EspSaParameters(spi, d, EspMode.TUNNEL, EspEncryption.TDES_CBC, new byte[24],
        EspIntegrity.HMAC_MD5_96, new byte[16], seconds, 0);
  }

  @Test
  public void newestPairCarriesTrafficAndOlderInboundStays() {
    IpsecSaDatabase<String> sad = new IpsecSaDatabase<>(clock.clock());
    sad.install(PEER, "first", sa(0x100, EspDirection.INBOUND, 120), sa(0x200, EspDirection.OUTBOUND, 120), null);
    sad.install(PEER, "rekeyed", sa(0x101, EspDirection.INBOUND, 120), sa(0x201, EspDirection.OUTBOUND, 120),
        null);
    assertEquals(sad.outbound(PEER).pair(), "rekeyed");
    assertEquals(sad.outbound(PEER).outbound().spi(), 0x201);
    assertEquals(sad.inbound(0x100).pair(), "first", "the old inbound SA still opens packets in flight");
    assertEquals(sad.inbound(0x101).peer(), PEER);
    assertNull(sad.outbound(OTHER));
  }

  @Test
  public void removingTheNewestFallsBackToTheOlderPairWithItsCounters() {
    IpsecSaDatabase<String> sad = new IpsecSaDatabase<>(clock.clock());
    IpsecSaDatabase.Entry<String> first = sad.install(PEER, "first", sa(0x100, EspDirection.INBOUND, 120),
        sa(0x200, EspDirection.OUTBOUND, 120), null);
    new EspProcessor(out -> { }).protect(first.outbound(), 47, new byte[4]);
    sad.install(PEER, "rekeyed", sa(0x101, EspDirection.INBOUND, 120), sa(0x201, EspDirection.OUTBOUND, 120),
        null);
    assertTrue(sad.remove("rekeyed"));
    assertFalse(sad.remove("rekeyed"), "only once");
    assertSame(sad.outbound(PEER), first);
    assertEquals(first.outbound().lastSequenceNumber(), 1, "the same SA object: sequence numbers go on");
    assertNull(sad.inbound(0x101));
    assertTrue(sad.remove("first"));
    assertNull(sad.outbound(PEER));
    assertEquals(sad.size(), 0);
    assertTrue(sad.entries(PEER).isEmpty());
  }

  @Test
  public void expiredOutboundSaIsNotOffered() {
    IpsecSaDatabase<String> sad = new IpsecSaDatabase<>(clock.clock());
    sad.install(PEER, "long", sa(0x100, EspDirection.INBOUND, 600), sa(0x200, EspDirection.OUTBOUND, 600), null);
    sad.install(PEER, "short", sa(0x101, EspDirection.INBOUND, 60), sa(0x201, EspDirection.OUTBOUND, 60), null);
    assertEquals(sad.outbound(PEER).pair(), "short");
    clock.advance(Duration.ofSeconds(60));
    assertEquals(sad.outbound(PEER).pair(), "long", "the short pair's hard lifetime is over");
    clock.advance(Duration.ofSeconds(540));
    assertNull(sad.outbound(PEER));
  }

  @Test
  public void inboundHalfFirstThenBoth() {
    IpsecSaDatabase<String> sad = new IpsecSaDatabase<>(clock.clock());
    IpsecSaDatabase.Entry<String> e = sad.installInbound(PEER, "p", sa(0x100, EspDirection.INBOUND, 120));
    assertNull(sad.outbound(PEER), "responder after QM2: receive only");
    assertSame(sad.installInbound(PEER, "p", sa(0x100, EspDirection.INBOUND, 120)), e, "no-op the second time");
    IpsecSaDatabase.Entry<String> both = sad.install(PEER, "p", sa(0x100, EspDirection.INBOUND, 120),
        sa(0x200, EspDirection.OUTBOUND, 120), new UdpEncapsulation(4500, 4500));
    assertSame(both, e);
    assertSame(sad.outbound(PEER), e);
    assertEquals(e.udp(), new UdpEncapsulation(4500, 4500));
    assertEquals(e.mode(), EspMode.TUNNEL);
    assertEquals(sad.size(), 1);
  }
}
