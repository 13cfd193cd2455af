package dev.dmvpn.harness.bench;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.DiffieHellman;
import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IkeListener;
import dev.dmvpn.ref.ike.IkeManager;
import dev.dmvpn.ref.ike.IkePolicy;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.time.SimulatedScheduler;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Complete IKEv1 Main Mode + Quick Mode set-ups per second between two in-process peers (9 messages, PSK, the
 * document's DES/MD5 phase 1 and 3DES/MD5 phase 2 except for the group), next to the floor: the four modular
 * exponentiations a set-up needs (two key pairs, two shared secrets) timed alone with the same exponent size.
 */
public final class IkeSetupBenchmark {
  private static final Ipv4Address A = Ipv4Address.parse("209.168.202.131");
  private static final Ipv4Address B = Ipv4Address.parse("209.168.202.130");

  private final PrintWriter out;
  private final SplittableRandom seeds = new SplittableRandom(3);

  public IkeSetupBenchmark(PrintWriter out) {
    this.out = out;
  }

  public void run(int setups) {
    for (OakleyGroup g : List.of(OakleyGroup.MODP_768, OakleyGroup.MODP_1024, OakleyGroup.MODP_2048)) {
      int n = g == OakleyGroup.MODP_2048 ? Math.max(10, setups / 10) : setups;
      setupMillis(g, Math.max(5, n / 5)); // warm-up
      double setup = setupMillis(g, n);
      double floor = fourModPowMillis(g, Math.max(20, n));
      out.printf("ike group %-2d setups/s %7.1f  (%.3f ms each; floor 4 x modPow %.3f ms; ratio %.2fx)%n",
          g.id(), 1000 / setup, setup, floor, setup / floor);
      out.flush();
    }
  }

  /** Median milliseconds per complete set-up over {@code n} set-ups (fresh managers each time). */
  private double setupMillis(OakleyGroup group, int n) {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      setupOnce(group);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms[n / 2];
  }

  private void setupOnce(OakleyGroup group) {
    SimulatedScheduler clock = new SimulatedScheduler();
    IkePolicy policy = new IkePolicy(10, Ikev1Encryption.DES_CBC, HashAlgorithm.MD5, group, 86_400);
    Done done = new Done();
    IkeManager[] m = new IkeManager[2];
    m[0] = new IkeManager(IkeConfig.document(A).withPolicies(List.of(policy)),
        (peer, port, bytes) -> clock.schedule(Duration.ZERO, () -> m[1].receive(A, port, bytes)), clock,
        RandomSource.of(seeds.split()), done);
    m[1] = new IkeManager(IkeConfig.document(B).withPolicies(List.of(policy)),
        (peer, port, bytes) -> clock.schedule(Duration.ZERO, () -> m[0].receive(B, port, bytes)), clock,
        RandomSource.of(seeds.split()), new Done());
    m[0].connect(B);
    clock.runUntilIdle(Duration.ofSeconds(1));
    if (!done.up) {
      throw new IllegalStateException("set-up did not complete for group " + group.id() + ": " + done.failure);
    }
  }

  private double fourModPowMillis(OakleyGroup group, int n) {
    RandomSource random = RandomSource.of(seeds.split());
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      DiffieHellman a = DiffieHellman.generate(group, random);
      DiffieHellman b = DiffieHellman.generate(group, random);
      a.sharedSecret(b.publicValue());
      b.sharedSecret(a.publicValue());
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms[n / 2];
  }

  /** Records whether phase 2 came up on the initiator. */
  private static final class Done implements IkeListener {
    boolean up;
    String failure;

    @Override
    public void phase1Up(IkeSa sa) {}

    @Override
    public void phase1Failed(Ipv4Address peer, String reason) {
      failure = reason;
    }

    @Override
    public void phase2Up(IkeSa sa, ChildSa child) {
      up = true;
    }

    @Override
    public void phase2Failed(IkeSa sa, String reason) {
      failure = reason;
    }

    @Override
    public void childSaDeleted(IkeSa sa, ChildSa child, String reason) {}

    @Override
    public void ikeSaDeleted(IkeSa sa, String reason) {}
  }
}
