package dev.dmvpn.drivers.ios;

/**
 * What to trace: the target and optionally the source, probes per hop, the TTL range, the probe timeout and
 * numeric display. Only the target given: {@code traceroute TARGET}; otherwise the extended dialog.
 */
public record TracerouteRequest(String target, String source, Integer probes, Integer minTtl, Integer maxTtl,
    Integer timeoutSeconds, boolean numeric) {
  public TracerouteRequest {
    if (target == null || target.isBlank() || target.contains(" ")) {
      throw new IllegalArgumentException("traceroute target must be one word, got '" + target + "'");
    }
  }

  public static TracerouteRequest to(String target) {
    return new TracerouteRequest(target, null, null, null, null, null, false);
  }

  public TracerouteRequest source(String s) {
    return new TracerouteRequest(target, s, probes, minTtl, maxTtl, timeoutSeconds, numeric);
  }

  public TracerouteRequest probes(int n) {
    return new TracerouteRequest(target, source, n, minTtl, maxTtl, timeoutSeconds, numeric);
  }

  public TracerouteRequest ttl(int min, int max) {
    return new TracerouteRequest(target, source, probes, min, max, timeoutSeconds, numeric);
  }

  public TracerouteRequest timeout(int seconds) {
    return new TracerouteRequest(target, source, probes, minTtl, maxTtl, seconds, numeric);
  }

  public TracerouteRequest numericDisplay() {
    return new TracerouteRequest(target, source, probes, minTtl, maxTtl, timeoutSeconds, true);
  }

  public boolean extended() {
    return source != null || probes != null || minTtl != null || maxTtl != null || timeoutSeconds != null || numeric;
  }
}
