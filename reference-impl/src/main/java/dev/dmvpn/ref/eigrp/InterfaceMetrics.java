package dev.dmvpn.ref.eigrp;

/**
 * The bandwidth, delay and MTU EIGRP reads from an interface, with IOS 12.3's defaults per interface type when
 * {@code bandwidth} / {@code delay} are not configured ({@code show interfaces}: "BW 100000 Kbit, DLY 100 usec"
 * on FastEthernet; "BW 9 Kbit, DLY 500000 usec" on a GRE tunnel; "BW 8000000 Kbit, DLY 5000 usec" on a
 * loopback; "BW 10000 Kbit, DLY 1000 usec" on Ethernet; "BW 1544 Kbit, DLY 20000 usec" on a serial line).
 *
 * @param bandwidthKbps {@code bandwidth} in kbit/s
 * @param delayTensOfMicroseconds {@code delay} in tens of microseconds (as the command takes it)
 * @param mtu the IP MTU carried in the vector metric
 */
public record InterfaceMetrics(long bandwidthKbps, long delayTensOfMicroseconds, int mtu) {
  public static final InterfaceMetrics FAST_ETHERNET = new InterfaceMetrics(100_000, 10, 1500);
  public static final InterfaceMetrics ETHERNET = new InterfaceMetrics(10_000, 100, 1500);
  public static final InterfaceMetrics GIGABIT_ETHERNET = new InterfaceMetrics(1_000_000, 1, 1500);
  public static final InterfaceMetrics TUNNEL = new InterfaceMetrics(9, 50_000, 1476);
  public static final InterfaceMetrics LOOPBACK = new InterfaceMetrics(8_000_000, 500, 1514);
  public static final InterfaceMetrics SERIAL = new InterfaceMetrics(1544, 2000, 1500);

  public InterfaceMetrics {
    if (bandwidthKbps < 1 || bandwidthKbps > 10_000_000 || delayTensOfMicroseconds < 0
        || delayTensOfMicroseconds > 16_777_215 || mtu < 1) {
      throw new IllegalArgumentException("bandwidth 1..10000000 kbit/s, delay 0..16777215, mtu > 0: " + this);
    }
  }

  /** IOS 12.3's defaults for an interface named {@code name} (canonical IOS name, e.g. {@code Tunnel0}). */
  public static InterfaceMetrics defaultsFor(String name) {
    String base = name.toLowerCase(java.util.Locale.ROOT);
    if (base.startsWith("tunnel")) {
      return TUNNEL;
    } else if (base.startsWith("fastethernet")) {
      return FAST_ETHERNET;
    } else if (base.startsWith("gigabitethernet")) {
      return GIGABIT_ETHERNET;
    } else if (base.startsWith("loopback")) {
      return LOOPBACK;
    } else if (base.startsWith("serial")) {
      return SERIAL;
    }
    return ETHERNET;
  }

  /** This interface's defaults overridden by {@code bandwidth} / {@code delay} / {@code ip mtu} when given. */
  public InterfaceMetrics with(Integer bandwidth, Integer delay, Integer ipMtu) {
    return new InterfaceMetrics(bandwidth != null ? bandwidth : bandwidthKbps,
        delay != null ? delay : delayTensOfMicroseconds, ipMtu != null ? ipMtu : mtu);
  }

  /** The vector metric of a network directly connected here. */
  public VectorMetric connected() {
    return VectorMetric.connected(bandwidthKbps, delayTensOfMicroseconds, mtu);
  }
}
