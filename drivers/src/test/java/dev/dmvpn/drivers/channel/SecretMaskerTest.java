package dev.dmvpn.drivers.channel;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Every secret-bearing IOS line keeps its keywords and loses its secret. */
public class SecretMaskerTest {

  @DataProvider
  public Object[][] lines() {
    return new Object[][] {
        {"enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", "enable secret 5 *****"},
        {"enable password cisco", "enable password *****"},
        {"username admin secret 5 $1$abc$def", "username admin secret 5 *****"},
        {"username admin privilege 15 password 0 lab", "username admin privilege 15 password 0 *****"},
        {" password 7 0822455D0A16", " password 7 *****"},
        // the document's spoke configuration (seed lines 367-488)
        {"crypto isakmp key cisco123 address 0.0.0.0 0.0.0.0", "crypto isakmp key ***** address 0.0.0.0 0.0.0.0"},
        {" ip nhrp authentication cisco123", " ip nhrp authentication *****"},
        {"snmp-server community public RO", "snmp-server community ***** RO"},
        {"interface Tunnel0", "interface Tunnel0"},
        {"% Bad secrets", "% Bad secrets"},
        {"Password: ", "Password: "},
    };
  }

  @Test(dataProvider = "lines")
  public void masks(String line, String expected) {
    assertEquals(SecretMasker.mask(line), expected);
  }

  @Test
  public void transcriptMasksASecretSplitAcrossReads() {
    StringBuilder sink = new StringBuilder();
    Transcript t = new Transcript(sink);
    t.received("crypto isakmp key cis");
    t.received("co123 address 0.0.0.0\n");
    t.sent("vty-password\r", true);
    assertEquals(sink.toString(), "crypto isakmp key ***** address 0.0.0.0\n>> *****\n");
  }
}
