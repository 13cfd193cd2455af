package dev.dmvpn.drivers.ios;

/**
 * What to ping: the target, and optionally the source (address or interface), the repeat count, the datagram size
 * and the per-echo timeout. Only the target given: {@code ping TARGET}; otherwise the extended dialog.
 */
public record PingRequest(String target, String source, Integer repeat, Integer size, Integer timeoutSeconds) {
  public PingRequest {
    if (target == null || target.isBlank() || target.contains(" ")) {
      throw new IllegalArgumentException("ping target must be one word, got '" + target + "'");
    }
  }

  public static PingRequest to(String target) {
    return new PingRequest(target, null, null, null, null);
  }

  public PingRequest source(String s) {
    return new PingRequest(target, s, repeat, size, timeoutSeconds);
  }

  public PingRequest repeat(int n) {
    return new PingRequest(target, source, n, size, timeoutSeconds);
  }

  public PingRequest size(int bytes) {
    return new PingRequest(target, source, repeat, bytes, timeoutSeconds);
  }

  public PingRequest timeout(int seconds) {
    return new PingRequest(target, source, repeat, size, seconds);
  }

  public boolean extended() {
    return source != null || repeat != null || size != null || timeoutSeconds != null;
  }
}
