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
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

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
    run(payloadBytes, secondsPerPass, Arrays.asList(Suite.values()));
  }

  /** Measures only {@code suites} (in their order). */
  public void run(int payloadBytes, double secondsPerPass, java.util.List<Suite> suites) {
    for (Suite s : suites) {
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
    if (suite.encryption.isAead()) {
      jdkGcm(encKey, payloadBytes, secondsPerPass);
    }
  }

  /**
   * The JDK's own AES-GCM on the same sizes, as ESP would call it (init with a fresh 12-byte nonce, 8-byte AAD,
   * the padded payload), without anything ESP adds: the ceiling our protect/open can reach with the JDK.
   */
  private void jdkGcm(byte[] keyMaterial, int payloadBytes, double secondsPerPass) {
    try {
      SecretKeySpec key = new SecretKeySpec(keyMaterial, 0, keyMaterial.length - EspEncryption.GCM_SALT_LENGTH,
          "AES");
      int plainLen = (payloadBytes + 2 + 3) / 4 * 4;
      byte[] plain = new byte[plainLen];
      byte[] aad = new byte[8];
      byte[] sealedOut = new byte[plainLen + 16];
      Cipher seal = Cipher.getInstance("AES/GCM/NoPadding");
      long[] counter = {0};
      double sealRate = rate(() -> {
        try {
          seal.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(++counter[0])));
          seal.updateAAD(aad);
          sink += seal.doFinal(plain, 0, plainLen, sealedOut, 0);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
      }, secondsPerPass);
      byte[][] batch = new byte[BATCH][];
      for (int i = 0; i < BATCH; i++) {
        seal.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(i + 1_000_000)));
        seal.updateAAD(aad);
        batch[i] = seal.doFinal(plain);
      }
      Cipher open = Cipher.getInstance("AES/GCM/NoPadding");
      byte[] plainOut = new byte[plainLen];
      int[] next = {0};
      double openRate = rate(() -> {
        try {
          int i = next[0]++ % BATCH;
          open.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce(i + 1_000_000)));
          open.updateAAD(aad);
          sink += open.doFinal(batch[i], 0, batch[i].length, plainOut, 0);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
      }, secondsPerPass);
      out.printf("jdk AES-GCM (raw Cipher)  %5d-byte payload  encrypt pkts/s %9.0f  decrypt pkts/s %9.0f%n",
          payloadBytes, sealRate, openRate);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  private static byte[] nonce(long n) {
    byte[] b = new byte[12];
    for (int i = 0; i < 8; i++) {
      b[11 - i] = (byte) (n >>> (8 * i));
    }
    return b;
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
