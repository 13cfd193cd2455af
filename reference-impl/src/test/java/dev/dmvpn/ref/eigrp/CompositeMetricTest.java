package dev.dmvpn.ref.eigrp;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

/**
 * The composite metric against values worked out by hand from the classic formula with IOS 12.3's defaults
 * (K1 = K3 = 1, others 0): metric = 256 x (floor(10^7 / min bandwidth kbit/s) + sum of delays in tens of us).
 * Interface defaults (show interfaces on 12.3): FastEthernet BW 100000 Kbit DLY 100 usec (10 tens); Tunnel BW 9
 * Kbit DLY 500000 usec (50000 tens); Loopback BW 8000000 Kbit DLY 5000 usec (500 tens).
 */
public class CompositeMetricTest {
  static long metric(VectorMetric m) {
    return CompositeMetric.of(m, KValues.DEFAULT);
  }

  @Test
  public void fastEthernetConnected() {
    // 10^7 / 100000 = 100; delay 10; 256 x 110 = 28,160
    assertEquals(metric(InterfaceMetrics.FAST_ETHERNET.connected()), 28_160L);
  }

  @Test
  public void spokeLanSeenByTheHubOverTheTunnel() {
    // sv9-3 advertises 2.2.2.0/24 on Fa0/1 (BW 100000, DLY 10); the hub adds its Tunnel0 (BW 9, DLY 50000):
    // min BW 9 -> 10^7 / 9 = 1,111,111 (integer); delays 10 + 50,000 = 50,010;
    // 256 x (1,111,111 + 50,010) = 256 x 1,161,121 = 297,246,976
    VectorMetric atHub = InterfaceMetrics.FAST_ETHERNET.connected().through(InterfaceMetrics.TUNNEL.connected());
    assertEquals(metric(atHub), 297_246_976L);
    assertEquals(atHub.hopCount(), 1);
  }

  @Test
  public void otherSpokesLanSeenThroughTheHub() {
    // sv9-4 learns 2.2.2.0/24 from the hub, whose Tunnel0 delay is added again by sv9-4's own Tunnel0:
    // delays 10 + 50,000 + 50,000 = 100,010; 256 x (1,111,111 + 100,010) = 256 x 1,211,121 = 310,046,976
    VectorMetric atSpoke = InterfaceMetrics.FAST_ETHERNET.connected().through(InterfaceMetrics.TUNNEL.connected())
        .through(InterfaceMetrics.TUNNEL.connected());
    assertEquals(metric(atSpoke), 310_046_976L);
    assertEquals(atSpoke.hopCount(), 2);
  }

  @Test
  public void loopbackBehindTheTunnelIsTheCommonDmvpnLabFigure() {
    // delays 500 + 50,000 = 50,500; 256 x (1,111,111 + 50,500) = 256 x 1,161,611 = 297,372,416 (the metric many
    // published DMVPN lab outputs show for a spoke loopback via Tunnel0)
    assertEquals(metric(InterfaceMetrics.LOOPBACK.connected().through(InterfaceMetrics.TUNNEL.connected())),
        297_372_416L);
  }

  @Test
  public void wireValuesAreScaledBy256() {
    // tunnel: 256 x 1,111,111 = 284,444,416 bandwidth; 256 x 50,000 = 12,800,000 delay
    VectorMetric t = InterfaceMetrics.TUNNEL.connected();
    assertEquals(t.bandwidth(), 284_444_416L);
    assertEquals(t.delay(), 12_800_000L);
  }

  @Test
  public void kValuesOtherThanDefaultWeighLoadAndReliability() {
    // K1=1 K2=1 K3=1 K4=0 K5=1 on FastEthernet with load 1, reliability 255:
    // BW 25,600 + (25,600 / (256 - 1) = 100) + delay 2,560 = 28,260; x K5 / (rel + K4) = x 1/255 -> 110
    assertEquals(CompositeMetric.of(InterfaceMetrics.FAST_ETHERNET.connected(), new KValues(1, 1, 1, 0, 1)), 110L);
  }

  @Test
  public void unreachableIsInfinite() {
    assertEquals(metric(InterfaceMetrics.TUNNEL.connected().unreachable()), CompositeMetric.INFINITE);
    VectorMetric far = new VectorMetric(2560, 25600, 1500, 100, 255, 1);
    assertTrue(far.isUnreachable(), "hop count 100 is IOS's maximum");
  }

  @Test
  public void helloTimersFollowTheNbmaRule() {
    assertEquals(HelloTimers.defaultsFor(true, InterfaceMetrics.TUNNEL.bandwidthKbps()), HelloTimers.SLOW_NBMA);
    assertEquals(HelloTimers.defaultsFor(true, 1544), HelloTimers.SLOW_NBMA);
    assertEquals(HelloTimers.defaultsFor(true, 1545), HelloTimers.FAST);
    assertEquals(HelloTimers.defaultsFor(false, 9), HelloTimers.FAST);
    assertEquals(HelloTimers.SLOW_NBMA.hello().toSeconds(), 60);
    assertEquals(HelloTimers.SLOW_NBMA.hold().toSeconds(), 180);
  }
}
