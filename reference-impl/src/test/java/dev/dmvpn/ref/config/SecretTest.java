package dev.dmvpn.ref.config;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/** The document's key (and NHRP password) "cisco123" never shows in a model object, line or problem. */
public class SecretTest {
  private static final String KEY = "cisco123";

  @Test
  public void secretComparesByValueButPrintsMasked() {
    assertEquals(Secret.of(KEY), Secret.of(KEY));
    assertNotEquals(Secret.of(KEY), Secret.of("other"));
    assertEquals(Secret.of(KEY).toString(), "*****");
    assertEquals(Secret.of(KEY).reveal(), KEY);
  }

  @Test
  public void keyNeverInAnyToStringOfTheDocumentsConfigurations() {
    for (String name : List.of("sv9-2.ios", "sv9-3.ios", "sv9-4.ios", "sv9-3.as-extracted.ios",
        "sv9-2.as-extracted.ios")) {
      IosParseResult r = ConfigFixtures.parse(name);
      List<Object> printed = new ArrayList<>();
      printed.add(r);
      printed.add(r.config());
      printed.addAll(r.config().interfaces());
      printed.addAll(r.config().isakmpKeys());
      printed.addAll(r.config().rawLines());
      printed.addAll(r.problems());
      printed.addAll(r.ignored());
      printed.addAll(IosConfigValidator.validate(r.config()));
      for (Object o : printed) {
        assertFalse(o.toString().contains(KEY), name + ": " + o);
      }
      for (ConfigProblem p : r.ignored()) {
        assertFalse(p.message().contains("cisco") && p.line().startsWith("password"), p.message());
      }
    }
  }

  @Test
  public void badKeyLinesDoNotLeakTheKeyInProblems() {
    IosParseResult r = IosConfigParser.parse("crypto isakmp key " + KEY + " address 1.2.3\n"
        + "crypto isakmp key " + KEY + " address 1.2.3.4 255.0.255.0\n"
        + "interface Tunnel0\nip nhrp authentication " + KEY + " extra\n");
    assertEquals(r.errors().size(), 3, r.problems().toString());
    for (ConfigProblem p : r.errors()) {
      assertFalse(p.toString().contains(KEY), p.toString());
      assertFalse(p.message().contains(KEY), p.message());
    }
  }

  @Test
  public void maskerCoversTheSecretCommands() {
    assertEquals(SecretMasker.mask("crypto isakmp key cisco123 address 0.0.0.0 0.0.0.0"),
        "crypto isakmp key ***** address 0.0.0.0 0.0.0.0");
    assertEquals(SecretMasker.mask("crypto isakmp key 6 abc address 1.1.1.1"),
        "crypto isakmp key 6 ***** address 1.1.1.1");
    assertEquals(SecretMasker.mask(" ip nhrp authentication cisco123"), " ip nhrp authentication *****");
    assertEquals(SecretMasker.mask("password 7 0822455D0A16"), "password 7 *****");
    assertEquals(SecretMasker.mask("enable secret 5 $1$abc"), "enable secret 5 *****");
    assertEquals(SecretMasker.mask("username admin privilege 15 password pw"),
        "username admin privilege 15 password *****");
    assertEquals(SecretMasker.mask("ip nhrp network-id 1"), "ip nhrp network-id 1");
  }
}
