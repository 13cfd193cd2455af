package dev.dmvpn.ref.wire.pcap4j;

/**
 * How a {@link Pcap4jNicPort} opens its interface.
 *
 * @param snaplen bytes captured per frame
 * @param promiscuous receive frames for other MAC addresses too
 * @param bpfFilter tcpdump filter expression (e.g. {@code "ether proto 0x88b5"}), or null for everything
 * @param readTimeoutMillis libpcap's packet buffer timeout (with immediate mode on, mostly irrelevant; Linux
 *     reads may block past it while no frame arrives)
 * @param inboundOnly capture only frames arriving on the interface, not those it sends
 * @param queueCapacity frames kept for {@code receive()} when no listener is installed
 */
public record Pcap4jOptions(
    int snaplen,
    boolean promiscuous,
    String bpfFilter,
    int readTimeoutMillis,
    boolean inboundOnly,
    int queueCapacity) {

  public Pcap4jOptions {
    if (snaplen <= 0 || readTimeoutMillis <= 0 || queueCapacity <= 0) {
      throw new IllegalArgumentException("snaplen, read timeout and queue capacity must be positive");
    }
  }

  /** Snaplen 65535, promiscuous, no filter, 100 ms reads, both directions, 10000 queued frames. */
  public static Pcap4jOptions defaults() {
    return new Pcap4jOptions(65535, true, null, 100, false, 10_000);
  }

  public Pcap4jOptions withFilter(String filter) {
    return new Pcap4jOptions(snaplen, promiscuous, filter, readTimeoutMillis, inboundOnly, queueCapacity);
  }

  public Pcap4jOptions withInboundOnly(boolean inbound) {
    return new Pcap4jOptions(snaplen, promiscuous, bpfFilter, readTimeoutMillis, inbound, queueCapacity);
  }

  public Pcap4jOptions withPromiscuous(boolean promisc) {
    return new Pcap4jOptions(snaplen, promisc, bpfFilter, readTimeoutMillis, inboundOnly, queueCapacity);
  }
}
