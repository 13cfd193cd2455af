package dev.dmvpn.topology;

import java.util.Optional;

/**
 * Where the harness captures: an interface of a device (a SPAN port, a tap, or the Linux box's own NIC).
 *
 * @param name its key under {@code captures:}
 * @param filter an optional capture filter in pcap syntax
 */
public record CapturePoint(String name, String device, String interfaceName, Optional<String> filter) {}
