package dev.dmvpn.virtualrack.config;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

/** MD5-crypt against OpenSSL ({@code openssl passwd -1 -salt SALT PASSWORD}, OpenSSL 3 on the build machine). */
public class Md5CryptTest {

  @Test
  public void knownAnswersFromOpenssl() {
    assertEquals(Md5Crypt.crypt("cisco", "abcd"), "$1$abcd$2hDGYdE0UrwK2pqoiF6BB1");
    assertEquals(Md5Crypt.crypt("cisco123", "mERr"), "$1$mERr$5.a6P4JqbNiMX01usIfka/");
    assertEquals(Md5Crypt.crypt("sekrit", "Zx9."), "$1$Zx9.$b/7PsJ5wkrMPlmnioDpPE0");
  }

  @Test
  public void hashWithRandomSaltVerifies() {
    String h = Md5Crypt.hash("cisco");
    assertTrue(h.matches("\\$1\\$[./0-9A-Za-z]{4}\\$[./0-9A-Za-z]{22}"), h);
    assertTrue(Md5Crypt.matches("cisco", h));
    assertFalse(Md5Crypt.matches("cisc0", h));
    assertFalse(Md5Crypt.matches("cisco", "not-a-hash"));
  }
}
