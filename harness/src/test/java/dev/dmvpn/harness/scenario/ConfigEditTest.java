package dev.dmvpn.harness.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.nio.file.Path;
import org.testng.annotations.Test;

public class ConfigEditTest {

  private static final String SPOKE = """
      crypto isakmp key s3cr3t address 0.0.0.0 0.0.0.0
      crypto ipsec transform-set strong esp-3des esp-md5-hmac
      interface Tunnel0
       tunnel key 100000
      """;

  @Test
  public void replacesAWholeLine() throws ScenarioException {
    String out = ConfigEdit.of("sv9-4", "^crypto isakmp key \\S+ ", "crypto isakmp key wrong ").apply(SPOKE);
    assertTrue(out.startsWith("crypto isakmp key wrong address 0.0.0.0 0.0.0.0\n"), out);
    assertFalse(out.contains("s3cr3t"));
  }

  @Test
  public void addsALineAfterTheMatch() throws ScenarioException {
    String out = ConfigEdit.of("sv9-4", "^crypto ipsec transform-set .*$", "$0\n mode transport").apply(SPOKE);
    assertEquals(out.lines().toList().subList(1, 3),
        java.util.List.of("crypto ipsec transform-set strong esp-3des esp-md5-hmac", " mode transport"));
  }

  @Test
  public void anEditThatMatchesNothingIsAnError() {
    ScenarioException e = expectThrows(ScenarioException.class,
        () -> ConfigEdit.of("sv9-4", "^ tunnel key 7$", " tunnel key 8").apply(SPOKE));
    assertTrue(e.getMessage().contains("sv9-4") && e.getMessage().contains("tunnel key 7"), e.getMessage());
  }

  @Test
  public void itsTextNeverShowsTheReplacement() {
    assertFalse(ConfigEdit.of("sv9-4", "key \\S+", "key hunter2").toString().contains("hunter2"));
  }

  @Test
  public void settingsKeepEditsInOrder() {
    ScenarioSettings s = ScenarioSettings.virtualDocumentRack(Path.of("/tmp/x"))
        .withConfigEdit(ConfigEdit.of("a", "x", "y")).withConfigEdit(ConfigEdit.of("b", "y", "z"));
    assertEquals(s.configEdits().stream().map(ConfigEdit::device).toList(), java.util.List.of("a", "b"));
  }
}
