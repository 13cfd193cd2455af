package dev.dmvpn.reports;

import static org.testng.Assert.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

public class SecretMaskTest {
  @Test
  public void longerSecretsFirstAndBlanksIgnored() {
    SecretMask m = SecretMask.of(Arrays.asList("cisco", "cisco123", "", null, " "));
    assertEquals(m.apply("key cisco123 and cisco"), "key ***** and *****");
    assertEquals(m.apply("a b"), "a b");
  }

  @Test
  public void everyOccurrence() {
    assertEquals(SecretMask.of(List.of("k")).apply("kkk"), "***************");
  }
}
