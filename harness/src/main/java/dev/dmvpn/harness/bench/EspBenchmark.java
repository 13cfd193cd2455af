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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  public void run(int payloadBytes, double secondsPerPass, List<Suite> suites) {
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
    List<Runnable> ops = new ArrayList<>();
    ops.add(() -> sink += processor.protect(outSa, 47, payload).length);
    ops.add(openOp(processor, outParams, payload));
    if (suite.encryption.isAead()) {
      ops.add(jdkSeal(encKey, payloadBytes));
      ops.add(jdkOpen(encKey, payloadBytes));
    }
    double[] rates = rates(ops, secondsPerPass);
    out.printf("esp %-16s %5d-byte payload  protect pkts/s %9.0f  open pkts/s %9.0f%n",
        suite, payloadBytes, rates[0], rates[1]);
    if (suite.encryption.isAead()) {
      out.printf("jdk AES-GCM (raw Cipher)  %5d-byte payload  encrypt pkts/s %9.0f  decrypt pkts/s %9.0f"
          + "  (ours: protect %.0f %%, open %.0f %%)%n", payloadBytes, rates[2], rates[3], 100 * rates[0] / rates[2],
          100 * rates[1] / rates[3]);
    }
  }

  /** open: a batch protected once, opened again and again by fresh inbound SAs (a fresh replay window each time). */
  private Runnable openOp(EspProcessor processor, EspSaParameters outParams, byte[] payload) {
    EspSa sender = new EspSa(outParams, Clock.system());
    byte[][] batch = new byte[BATCH][];
    for (int i = 0; i < BATCH; i++) {
      batch[i] = processor.protect(sender, 47, payload);
    }
    EspSa[] inSa = {new EspSa(outParams.reversed(), Clock.system())};
    int[] next = {0};
    return () -> {
      if (next[0] == BATCH) {
        next[0] = 0;
        inSa[0] = new EspSa(outParams.reversed(), Clock.system());
      }
      EspOpenResult res = processor.open(inSa[0], batch[next[0]++]);
      if (!res.isDelivered()) {
        throw new IllegalStateException("benchmark packet not delivered: " + res);
      }
      sink += res.payloadLength();
    };
  }

  /**
   * The JDK's own AES-GCM on the same sizes, as ESP calls it (init with a fresh 12-byte nonce, 8-byte AAD, the
   * padded payload plus trailer), without anything ESP adds: the ceiling protect can reach with the JDK.
   */
  private Runnable jdkSeal(byte[] keyMaterial, int payloadBytes) {
    SecretKeySpec key = gcmKey(keyMaterial);
    int plainLen = paddedGcm(payloadBytes);
    byte[] plain = new byte[plainLen];
    byte[] aad = new byte[8];
    byte[] sealed = new byte[plainLen + 16];
    Cipher seal = gcm();
    long[] counter = {0};
    return () -> {
      try {
        seal.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(++counter[0])));
        seal.updateAAD(aad);
        sink += seal.doFinal(plain, 0, plainLen, sealed, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** The JDK's AES-GCM decryption of a batch of such packets into a fresh array each (as open does). */
  private Runnable jdkOpen(byte[] keyMaterial, int payloadBytes) {
    SecretKeySpec key = gcmKey(keyMaterial);
    int plainLen = paddedGcm(payloadBytes);
    byte[] aad = new byte[8];
    Cipher seal = gcm();
    byte[][] batch = new byte[BATCH][];
    try {
      for (int i = 0; i < BATCH; i++) {
        seal.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce(i + 1_000_000)));
        seal.updateAAD(aad);
        batch[i] = seal.doFinal(new byte[plainLen]);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    Cipher open = gcm();
    int[] next = {0};
    return () -> {
      try {
        int i = next[0]++ % BATCH;
        open.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce(i + 1_000_000)));
        open.updateAAD(aad);
        byte[] plainOut = new byte[plainLen];
        sink += open.doFinal(batch[i], 0, batch[i].length, plainOut, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static SecretKeySpec gcmKey(byte[] keyMaterial) {
    return new SecretKeySpec(keyMaterial, 0, keyMaterial.length - EspEncryption.GCM_SALT_LENGTH, "AES");
  }

  /** Payload + pad length + next header, padded to GCM's 4-byte ESP alignment. */
  private static int paddedGcm(int payloadBytes) {
    return (payloadBytes + 2 + 3) / 4 * 4;
  }

  private static Cipher gcm() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
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

  /**
   * Packets per second of each op, the median of {@code passes} timed passes. Every op is warmed up first (C2 must
   * have compiled the AES intrinsics), then the passes interleave the ops, so load from other processes on the
   * machine spreads over all of them and their ratios stay meaningful.
   */
  private double[] rates(List<Runnable> ops, double seconds) {
    for (Runnable op : ops) {
      long warm = System.nanoTime() + (long) (3 * seconds * 1e9);
      while (System.nanoTime() < warm) {
        op.run();
      }
    }
    double[][] rates = new double[ops.size()][passes];
    for (int p = 0; p < passes; p++) {
      for (int k = 0; k < ops.size(); k++) {
        rates[k][p] = pass(ops.get(k), seconds);
      }
    }
    double[] medians = new double[ops.size()];
    for (int k = 0; k < ops.size(); k++) {
      Arrays.sort(rates[k]);
      medians[k] = rates[k][passes / 2];
    }
    return medians;
  }

  private static double pass(Runnable op, double seconds) {
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
    return n / ((now - start) / 1e9);
  }
}
