package dev.dmvpn.ref.crypto;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Where key material, nonces and IVs come from. Injected everywhere randomness is used so that tests can be
 * deterministic ({@link #of(RandomGenerator)} with a seeded generator); production code uses {@link #secure()}.
 */
@FunctionalInterface
public interface RandomSource {
  /** Fills {@code out} completely with random bytes. */
  void nextBytes(byte[] out);

  /** A fresh {@link SecureRandom} (thread-safe). */
  static RandomSource secure() {
    SecureRandom random = new SecureRandom();
    return random::nextBytes;
  }

  /** Adapts any generator, e.g. {@code new SplittableRandom(42)} in tests. Not cryptographically secure. */
  static RandomSource of(RandomGenerator generator) {
    return generator::nextBytes;
  }

  /** Convenience: {@code length} fresh random bytes. */
  default byte[] bytes(int length) {
    byte[] b = new byte[length];
    nextBytes(b);
    return b;
  }
}
