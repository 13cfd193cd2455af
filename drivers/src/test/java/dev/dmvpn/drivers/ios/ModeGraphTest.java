package dev.dmvpn.drivers.ios;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;
import org.testng.annotations.Test;

/** Shortest command paths between modes, and prompts read into modes. */
public class ModeGraphTest {

  private static List<String> commands(IosMode from, IosMode to) {
    return ModeGraph.IOS.path(from, to).orElseThrow().stream().map(ModeGraph.Edge::command).toList();
  }

  @Test
  public void shortestPaths() {
    assertEquals(commands(IosMode.USER_EXEC, IosMode.CONFIG), List.of("enable", "configure terminal"));
    assertEquals(commands(IosMode.CONFIG_SUB, IosMode.USER_EXEC), List.of("end", "disable"));
    assertEquals(commands(IosMode.CONFIG_SUB, IosMode.PRIVILEGED_EXEC), List.of("end"));
    assertEquals(commands(IosMode.CONFIG, IosMode.CONFIG), List.of());
    assertTrue(ModeGraph.IOS.path(IosMode.CONFIG, IosMode.CONFIG_SUB).isEmpty(), "a sub-mode needs its own command");
  }

  @Test
  public void promptsGiveHostAndMode() {
    assertEquals(Prompt.parse("sv9-4>").orElseThrow(), new Prompt("sv9-4", IosMode.USER_EXEC, null));
    assertEquals(Prompt.parse("sv9-4#").orElseThrow().mode(), IosMode.PRIVILEGED_EXEC);
    assertEquals(Prompt.parse("sv9-4(config)#").orElseThrow().mode(), IosMode.CONFIG);
    Prompt sub = Prompt.parse("sv9-4(cfg-crypto-trans)#").orElseThrow();
    assertEquals(sub.mode(), IosMode.CONFIG_SUB);
    assertEquals(sub.subMode(), "cfg-crypto-trans");
    assertTrue(Prompt.parse("% Bad secrets").isEmpty());
  }
}
