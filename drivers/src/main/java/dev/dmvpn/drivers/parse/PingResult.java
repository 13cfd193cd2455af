package dev.dmvpn.drivers.parse;

/**
 * What IOS {@code ping} printed.
 *
 * @param target the destination
 * @param count echoes sent ({@code Sending 5, ...})
 * @param sizeBytes datagram size
 * @param timeoutSeconds per-echo timeout
 * @param source the address of {@code Packet sent with a source address of}, or null
 * @param marks the result characters in order, lines joined ({@code !} reply, {@code .} timeout, {@code U}
 *     unreachable, ...)
 * @param successPercent from {@code Success rate is N percent}
 * @param received replies ({@code (4/5)}: 4)
 * @param sent echoes counted in the success line ({@code (4/5)}: 5)
 * @param minMs round-trip minimum, or null when no reply came
 * @param avgMs round-trip average, or null
 * @param maxMs round-trip maximum, or null
 */
public record PingResult(String target, int count, int sizeBytes, int timeoutSeconds, String source, String marks,
    int successPercent, int received, int sent, Integer minMs, Integer avgMs, Integer maxMs) {}
