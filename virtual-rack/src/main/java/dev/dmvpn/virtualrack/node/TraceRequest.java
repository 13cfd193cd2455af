package dev.dmvpn.virtualrack.node;

/**
 * What a {@code traceroute} sends: target, source ({@code null}: the outgoing interface's address), probe timeout,
 * probes per TTL, TTL range. IOS's defaults: 3 s, 3 probes, TTL 1 to 30.
 */
public record TraceRequest(String target, String source, int timeoutSeconds, int probes, int minTtl, int maxTtl) {
  public static TraceRequest defaults(String target) {
    return new TraceRequest(target, null, 3, 3, 1, 30);
  }
}
