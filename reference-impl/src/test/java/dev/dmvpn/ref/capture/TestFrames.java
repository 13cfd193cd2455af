package dev.dmvpn.ref.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic synthetic frames for write/read tests. */
final class TestFrames {
  /** 2023-11-14T22:13:20Z, a round second. */
  static final long BASE_NANOS = 1_700_000_000_000_000_000L;

  private TestFrames() {}

  /**
   * {@code n} frames of 14..1514 random bytes, 1 to 10^6 multiples of {@code granularityNanos} apart; every 7th
   * frame is marked snapped (original length 100 bytes more).
   */
  static List<CapturedFrame> frames(
      int n, int interfaceIndex, LinkType lt, long granularityNanos, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<CapturedFrame> out = new ArrayList<>(n);
    long ts = BASE_NANOS;
    for (int i = 0; i < n; i++) {
      byte[] data = new byte[14 + rnd.nextInt(1501)];
      rnd.nextBytes(data);
      int orig = i % 7 == 6 ? data.length + 100 : data.length;
      ts += granularityNanos * (1 + rnd.nextInt(1_000_000));
      out.add(new CapturedFrame(interfaceIndex, lt, ts, orig, data));
    }
    return out;
  }
}
