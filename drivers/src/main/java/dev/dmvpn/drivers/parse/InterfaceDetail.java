package dev.dmvpn.drivers.parse;

/**
 * The parts of one {@code show interfaces} block a DMVPN test looks at; absent lines give null.
 *
 * @param name the interface
 * @param status {@code up}, {@code down}, {@code administratively down}
 * @param protocol the line protocol, {@code up} or {@code down}
 * @param hardware the {@code Hardware is} text up to its first comma ({@code Tunnel}, {@code CN Gigabit Ethernet})
 * @param description the {@code Description:} text
 * @param address the {@code Internet address is} prefix ({@code 192.168.151.3/24})
 * @param mtu {@code MTU N bytes}
 * @param bandwidthKbit {@code BW N Kbit/sec}
 * @param delayUsec {@code DLY N usec}
 * @param encapsulation {@code Encapsulation X}
 * @param tunnelSource the {@code Tunnel source} address
 * @param tunnelDestination the {@code destination} on that line, or null (mGRE has none)
 * @param tunnelProtocol the {@code Tunnel protocol/transport} value ({@code GRE/IP}, {@code multi-GRE/IP})
 * @param packetsInput {@code N packets input}
 * @param packetsOutput {@code N packets output}
 * @param inputErrors {@code N input errors}
 * @param outputErrors {@code N output errors}
 */
public record InterfaceDetail(String name, String status, String protocol, String hardware, String description,
    String address, Integer mtu, Long bandwidthKbit, Long delayUsec, String encapsulation, String tunnelSource,
    String tunnelDestination, String tunnelProtocol, Long packetsInput, Long packetsOutput, Long inputErrors,
    Long outputErrors) {}
