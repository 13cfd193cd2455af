package dev.dmvpn.virtualrack.node;

/**
 * What a {@code ping} sends: {@code ping 2.2.2.2 source 3.3.3.3 repeat 10 size 200 timeout 1}, or the answers of
 * the extended dialog. {@code source} is an address or an interface name as typed ({@code null}: the address of
 * the interface the target is routed out of).
 */
public record PingRequest(String target, int repeat, int size, int timeoutSeconds, String source) {
  /** IOS's defaults: 5 echoes of 100 bytes, 2 s timeout (the document's ping, seed line 521). */
  public static PingRequest defaults(String target) {
    return new PingRequest(target, 5, 100, 2, null);
  }

  public PingRequest withRepeat(int n) {
    return new PingRequest(target, n, size, timeoutSeconds, source);
  }

  public PingRequest withSize(int n) {
    return new PingRequest(target, repeat, n, timeoutSeconds, source);
  }

  public PingRequest withTimeout(int n) {
    return new PingRequest(target, repeat, size, n, source);
  }

  public PingRequest withSource(String s) {
    return new PingRequest(target, repeat, size, timeoutSeconds, s);
  }
}
