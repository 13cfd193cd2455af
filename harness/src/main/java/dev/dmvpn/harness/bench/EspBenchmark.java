package dev.dmvpn.harness.bench;

import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ipsec.EspDirection;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.ipsec.EspOpenResult;
import dev.dmvpn.ref.ipsec.EspProcessor;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.ipsec.EspSaParameters;
import dev.dmvpn.ref.time.Clock;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Random;

/**
 * ESP packets per second on one thread for the suites of issue 3, at a given payload size: {@code protect}
 * (encrypt + ICV) and {@code open} (ICV check + replay window + decrypt) separately. Median of the timed passes
 * after warm-up. Keys are fixed test values.
 */
public final class EspBenchmark {
  /** The suites measured: the document's 3DES/MD5, AES-CBC/SHA-1, AES-GCM. */
  public enum Suite {
    TDES_MD5(EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96),
    AES128_CBC_SHA1(EspEncryption.AES_CBC_128, EspIntegrity.HMAC_SHA1_96),
    AES128_GCM16(EspEncryption.AES_GCM_16_128, EspIntegrity.NONE);

    final EspEncryption encryption;
    final EspIntegrity integrity;

    Suite(EspEncryption encryption, EspIntegrity integrity) {
      this.encryption = encryption;
      this.integrity = integrity;
    }
  }

  private static final int BATCH = 4096;

  private final PrintWriter out;
  private final int passes;
  private long sink;

  public EspBenchmark(PrintWriter out, int passes) {
    this.out = out;
    this.passes = passes;
  }

  public void run(int payloadBytes, double secondsPerPass) {
    for (Suite s : Suite.values()) {
      measure(s, payloadBytes, secondsPerPass);
    }
    out.printf("(sink %d)%n", sink & 0xF);
    out.flush();
  }

  private void measure(Suite suite, int payloadBytes, double secondsPerPass) {
    Random r = new Random(1);
    byte[] encKey = new byte[suite.encryption.keyMaterialLength()];
    byte[] intKey = new byte[suite.integrity.keyLength()];
    r.nextBytes(encKey);
    r.nextBytes(intKey);
    EspSaParameters outParams = EspSaParameters.of(0x1000, EspDirection.OUTBOUND, EspMode.TRANSPORT,
        suite.encryption, encKey, suite.integrity, intKey);
    EspProcessor processor = new EspProcessor(RandomSource.of(new java.util.SplittableRandom(2)));
    byte[] payload = new byte[payloadBytes];
    r.nextBytes(payload);
    EspSa outSa = new EspSa(outParams, Clock.system());
    double protect = rate(() -> sink += processor.protect(outSa, 47, payload).length, secondsPerPass);
    // open: a batch protected once, opened again and again by fresh inbound SAs (a fresh replay window each time)
    EspSa sender = new EspSa(outParams, Clock.system());
    byte[][] batch = new byte[BATCH][];
    for (int i = 0; i < BATCH; i++) {
      batch[i] = processor.protect(sender, 47, payload);
    }
    EspSa[] inSa = {new EspSa(outParams.reversed(), Clock.system())};
    int[] next = {0};
    double open = rate(() -> {
      if (next[0] == BATCH) {
        next[0] = 0;
        inSa[0] = new EspSa(outParams.reversed(), Clock.system());
      }
      EspOpenResult res = processor.open(inSa[0], batch[next[0]++]);
      if (!res.isDelivered()) {
        throw new IllegalStateException("benchmark packet not delivered: " + res);
      }
      sink += res.payloadLength();
    }, secondsPerPass);
    out.printf("esp %-16s %5d-byte payload  protect pkts/s %9.0f  open pkts/s %9.0f%n",
        suite, payloadBytes, protect, open);
  }

  private double rate(Runnable op, double seconds) {
    long warm = System.nanoTime() + (long) (3 * seconds * 1e9); // C2 must have compiled the GCM/CBC intrinsics
    while (System.nanoTime() < warm) {
      op.run();
    }
    double[] rates = new double[passes];
    for (int p = 0; p < passes; p++) {
      long n = 0;
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      long now;
      do {
        for (int i = 0; i < 64; i++) {
          op.run();
        }
        n += 64;
        now = System.nanoTime();
      } while (now < end);
      rates[p] = n / ((now - start) / 1e9);
    }
    Arrays.sort(rates);
    return rates[passes / 2];
  }
}
