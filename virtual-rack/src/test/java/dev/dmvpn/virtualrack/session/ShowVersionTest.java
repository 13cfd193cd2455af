package dev.dmvpn.virtualrack.session;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.virtualrack.router.Chassis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/**
 * sv9-4's {@code show version} against the document's (seed lines 57-96). The extraction wrapped three lines
 * ({@code Version 12.3(3),} / {@code RELEASE SOFTWARE (fc2)}, the processor line, the CPU line), read the ROM's
 * {@code (fc1)} as {@code (fcl)} and unwrapped the export paragraph; this test rejoins those, then every other
 * line of the document's output must be printed in the same order.
 */
public class ShowVersionTest {

  @Test
  public void sv94MatchesTheDocument() throws IOException {
    SimulatedScheduler clock = new SimulatedScheduler();
    RouterCli cli = RouterCli.boot(Chassis.sv94(), clock, "hostname sv9-4\nend\n");
    clock.advance(Duration.ofMinutes(99));
    CapturingTerminal t = new CapturingTerminal();
    cli.console().attach(t);
    cli.console().input("\rterminal length 0\rshow version\r");
    List<String> shown = List.of(t.take().split("\r\n"));

    List<String> seed = Files.readAllLines(Path.of(System.getProperty("project.root", ".."), "..", "shared",
        "seed", "000_6291f1acd3ce46b9.txt"), StandardCharsets.UTF_8);
    List<String> doc = new ArrayList<>();
    for (String line : seed.subList(57, 96)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("```") || l.startsWith("This product") || l.startsWith("A summary")
          || l.startsWith("<http") || l.startsWith("If you require")) {
        continue;
      }
      doc.add(l);
    }
    String joined = String.join("\n", doc)
        .replace("Version 12.3(3),\nRELEASE SOFTWARE (fc2)", "Version 12.3(3), RELEASE SOFTWARE (fc2)")
        .replace("Version 12.2(8r)T2,\nRELEASE SOFTWARE (fcl)", "Version 12.2(8r)T2, RELEASE SOFTWARE (fc1)")
        .replace("(revision 0.1)\nwith", "(revision 0.1) with")
        .replace("Implementation 39,\nRev", "Implementation 39, Rev");
    int at = 0;
    for (String expected : joined.split("\n")) {
      int found = -1;
      for (int i = at; i < shown.size(); i++) {
        if (shown.get(i).strip().equals(expected)) {
          found = i;
          break;
        }
      }
      assertTrue(found >= 0, "'" + expected + "' not shown after line " + at + ":\n" + String.join("\n", shown));
      at = found + 1;
    }
    assertEquals(shown.get(shown.size() - 2), "Configuration register is 0x2102");
  }
}
