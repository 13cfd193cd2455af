package dev.dmvpn.ref.crypto;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.ref.bytes.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** HMAC known answers: RFC 2202 (MD5, SHA-1) and RFC 4231 (SHA-256). */
public class PrfTest {
  private static final byte[] KEY25 = Hex.parse("0102030405060708090a0b0c0d0e0f10111213141516171819");

  @DataProvider
  public Object[][] vectors() {
    return new Object[][] {
        // RFC 2202 section 2, HMAC-MD5 test cases 1-7
        {HashAlgorithm.MD5, fill(0x0b, 16), ascii("Hi There"), "9294727a3638bb1c13f48ef8158bfc9d"},
        {HashAlgorithm.MD5, ascii("Jefe"), ascii("what do ya want for nothing?"), "750c783e6ab0b503eaa86e310a5db738"},
        {HashAlgorithm.MD5, fill(0xaa, 16), fill(0xdd, 50), "56be34521d144c88dbb8c733f0e8b3f6"},
        {HashAlgorithm.MD5, KEY25, fill(0xcd, 50), "697eaf0aca3a3aea3a75164746ffaa79"},
        {HashAlgorithm.MD5, fill(0x0c, 16), ascii("Test With Truncation"), "56461ef2342edc00f9bab995690efd4c"},
        {HashAlgorithm.MD5, fill(0xaa, 80), ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
            "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"},
        {HashAlgorithm.MD5, fill(0xaa, 80),
            ascii("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
            "6f630fad67cda0ee1fb1f562db3aa53e"},
        // RFC 2202 section 3, HMAC-SHA-1 test cases 1-7
        {HashAlgorithm.SHA1, fill(0x0b, 20), ascii("Hi There"), "b617318655057264e28bc0b6fb378c8ef146be00"},
        {HashAlgorithm.SHA1, ascii("Jefe"), ascii("what do ya want for nothing?"),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
        {HashAlgorithm.SHA1, fill(0xaa, 20), fill(0xdd, 50), "125d7342b9ac11cd91a39af48aa17b4f63f175d3"},
        {HashAlgorithm.SHA1, KEY25, fill(0xcd, 50), "4c9007f4026250c6bc8414f9bf50c86c2d7235da"},
        {HashAlgorithm.SHA1, fill(0x0c, 20), ascii("Test With Truncation"), "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"},
        {HashAlgorithm.SHA1, fill(0xaa, 80), ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
            "aa4ae5e15272d00e95705637ce8a3b55ed402112"},
        {HashAlgorithm.SHA1, fill(0xaa, 80),
            ascii("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
            "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"},
        // RFC 4231 section 4, HMAC-SHA-256 test cases 1-4, 6, 7 (case 5 is a truncation case)
        {HashAlgorithm.SHA256, fill(0x0b, 20), ascii("Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
        {HashAlgorithm.SHA256, ascii("Jefe"), ascii("what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
        {HashAlgorithm.SHA256, fill(0xaa, 20), fill(0xdd, 50),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
        {HashAlgorithm.SHA256, KEY25, fill(0xcd, 50),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
        {HashAlgorithm.SHA256, fill(0xaa, 131), ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
        {HashAlgorithm.SHA256, fill(0xaa, 131), ascii("This is a test using a larger than block-size key and a "
            + "larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
    };
  }

  @Test(dataProvider = "vectors")
  public void knownAnswer(HashAlgorithm h, byte[] key, byte[] data, String expected) {
    Prf prf = new Prf(h, key);
    assertEquals(Hex.of(prf.compute(data)), expected);
    // the Mac is reused: a second computation, split into parts, gives the same answer
    int half = data.length / 2;
    assertEquals(Hex.of(prf.compute(Arrays.copyOf(data, half), Arrays.copyOfRange(data, half, data.length))),
        expected);
    assertEquals(prf.outputLength(), expected.length() / 2);
  }

  @Test
  public void plainHashIsNotHmac() {
    // MD5("abc") from RFC 1321 appendix A.5
    assertEquals(Hex.of(Prf.hash(HashAlgorithm.MD5, ascii("a"), ascii("bc"))), "900150983cd24fb0d6963f7d28e17f72");
  }

  @Test
  public void emptyKeyIsAccepted() {
    assertEquals(new Prf(HashAlgorithm.SHA1, new byte[0]).compute(new byte[0]).length, 20);
  }

  static byte[] fill(int value, int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
