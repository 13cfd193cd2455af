package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.util.List;
import java.util.Optional;
import org.testng.annotations.Test;

/** A typed command line finds its parser: the longest known command, arguments ignored. */
public class ParsersTest {

  @Test
  public void theLongestKnownCommandWins() {
    // ../shared/fixtures/ios-outputs/show_ip_nhrp_nhs/genieparser-iosxe_1.txt: NHS rows, not NHRP entries
    Optional<Object> nhs = Parsers.parse("show ip nhrp nhs tunnel 100",
        SharedOutputs.output("show_ip_nhrp_nhs/genieparser-iosxe_1.txt"));
    assertTrue(((List<?>) nhs.orElseThrow()).get(0) instanceof NhsEntry);
    Optional<Object> nhrp = Parsers.parse("  show ip  nhrp detail ",
        SharedOutputs.output("show_ip_nhrp_detail/genieparser-iosxe_1.txt"));
    assertTrue(((List<?>) nhrp.orElseThrow()).get(0) instanceof NhrpEntry);
  }

  @Test
  public void unknownCommandsHaveNoParserAndDebugsNameThemselves() {
    assertEquals(Parsers.parse("show tech-support", "x"), Optional.empty());
    assertEquals(Parsers.parse("show ip nhrpx", "x"), Optional.empty());
    ParseException e = expectThrows(ParseException.class, () -> Parsers.parse("debug nhrp", "no stamp here"));
    assertEquals(e.command(), "debug nhrp");
  }
}
