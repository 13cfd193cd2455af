package dev.dmvpn.ref.crypto;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import org.testng.annotations.Test;

public class OakleyGroupTest {

  /** Groups 1 and 2 equal ../shared/vectors/oakley_groups.txt (strongSwan key_exchange.c values). */
  @Test
  public void primesEqualSharedVectorsFile() throws IOException {
    int checked = 0;
    for (String line : Files.readAllLines(SharedFiles.shared("vectors/oakley_groups.txt"))) {
      if (line.startsWith("#") || !line.contains("=")) {
        continue;
      }
      String[] kv = line.split("=", 2);
      OakleyGroup g = OakleyGroup.valueOf(kv[0].replace("_BIT", ""));
      assertEquals(g.prime(), new BigInteger(kv[1].strip(), 16), kv[0]);
      checked++;
    }
    assertEquals(checked, 2);
  }

  /**
   * Every prime satisfies RFC 2409 section 6 / RFC 3526: p = 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) pi) + c),
   * with pi computed here by Machin's formula (independent of the hex literals).
   */
  @Test
  public void primesFollowThePiFormula() {
    int bits = 2200;
    BigInteger pi = machinPi(bits); // floor(pi * 2^bits)
    int[][] table = {{768, 149686}, {1024, 129093}, {1536, 741804}, {2048, 124476}};
    OakleyGroup[] groups = OakleyGroup.values();
    for (int i = 0; i < table.length; i++) {
      int n = table[i][0];
      BigInteger expected = BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE.shiftLeft(n - 64))
          .subtract(BigInteger.ONE)
          .add(pi.shiftRight(bits - (n - 130)).add(BigInteger.valueOf(table[i][1])).shiftLeft(64));
      assertEquals(groups[i].prime(), expected, groups[i].name());
      assertEquals(groups[i].primeLength(), n / 8);
      assertEquals(groups[i].generator(), BigInteger.TWO);
    }
  }

  @Test
  public void idsMatchIkeGroupDescription() {
    assertEquals(OakleyGroup.byId(1), OakleyGroup.MODP_768);
    assertEquals(OakleyGroup.byId(2), OakleyGroup.MODP_1024);
    assertEquals(OakleyGroup.byId(5), OakleyGroup.MODP_1536);
    assertEquals(OakleyGroup.byId(14), OakleyGroup.MODP_2048);
    assertNull(OakleyGroup.byId(3));
  }

  /** pi * 2^bits = 16 atan(1/5) - 4 atan(1/239), in fixed point with 32 guard bits. */
  private static BigInteger machinPi(int bits) {
    BigInteger one = BigInteger.ONE.shiftLeft(bits + 32);
    BigInteger pi = arctanInverse(5, one).shiftLeft(4).subtract(arctanInverse(239, one).shiftLeft(2));
    return pi.shiftRight(32);
  }

  private static BigInteger arctanInverse(int x, BigInteger one) {
    BigInteger xSq = BigInteger.valueOf((long) x * x);
    BigInteger term = one.divide(BigInteger.valueOf(x));
    BigInteger sum = term;
    for (int k = 1; term.signum() != 0; k++) {
      term = term.divide(xSq);
      BigInteger t = term.divide(BigInteger.valueOf(2L * k + 1));
      sum = (k % 2 == 1) ? sum.subtract(t) : sum.add(t);
    }
    return sum;
  }
}
