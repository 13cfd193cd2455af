package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;

import java.util.List;
import org.testng.annotations.Test;

/** What a console adds around and inside a command's output is removed; line numbers stay the input's. */
public class OutputLinesTest {

  private static List<String> texts(String command, String text) {
    return OutputLines.of(command, text).stream().map(OutputLine::text).toList();
  }

  @Test
  public void echoInItsFormsAndTheTrailingPrompt() {
    assertEquals(texts("show ip nhrp", "sv9-4#show ip nhrp\r\nA\r\nsv9-4#"), List.of("A"));
    assertEquals(texts("show ip nhrp", "sv9-4#sh ip nhrp\nA\n"), List.of("A", ""));
    assertEquals(texts("show ip eigrp neighbors", "Device# show ip eigrp neighbors\nA"), List.of("A"));
    assertEquals(texts("show version", "\ngenie#\nshow version\nA\n"), List.of("", "A", ""));
    assertEquals(texts("ping", "ping 2.2.2.2\nA"), List.of("A"));
    // output whose first line does not abbreviate the command's verb stays
    assertEquals(texts("show version", "Cisco IOS Software\nsv9-4#"), List.of("Cisco IOS Software"));
  }

  @Test
  public void syslogLinesGoExecErrorsStay() {
    List<OutputLine> lines = OutputLines.of("show ip route", String.join("\n",
        "A",
        "*Mar  1 02:25:37.159: %LINK-3-UPDOWN: Interface Tunnel0, changed state to up",
        "05:50:48: %SYS-5-CONFIG_I: Configured from console by vty0",
        "1d02h: %LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down",
        "%CRYPTO-6-ISAKMP_ON_OFF: ISAKMP is ON",
        "000123: *Mar  1 02:25:37: %DUAL-5-NBRCHANGE: IP-EIGRP(0) 90: Neighbor 192.168.1.2 (Tunnel0) is up",
        "% Invalid input detected at '^' marker.",
        "B"));
    assertEquals(lines, List.of(new OutputLine(1, "A"), new OutputLine(7, "% Invalid input detected at '^' marker."),
        new OutputLine(8, "B")));
  }

  @Test
  public void pagerRemnantsAreErased() {
    // the erase sequence IOS prints after a --More-- is answered (unicon IOS mock, ../shared/fixtures/ios-outputs/
    // _dialog_transcripts): blanks between backspaces
    assertEquals(texts("show run", "A\n --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bB"), List.of("A", "B"));
  }
}
