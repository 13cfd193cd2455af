package dev.dmvpn.drivers.parse;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import org.testng.annotations.Test;

/** IOS {@code ping}: the seed document's pings, real outputs, and failures. */
public class PingParserTest {

  @Test
  public void readsTheSeedDocumentsPing() {
    // seed lines 520-526: "sv9-4#ping 2.2.2.2" ... "Success rate is 100 percent (5/5), round-trip min/avg/max =
    // 4/4/4 ms" then "sv9-4#". The document prints four '!' for 5/5 (line 524); the parser reports both as printed.
    PingResult p = PingParser.parse(SharedOutputs.seedLines(520, 526));
    assertEquals(p, new PingResult("2.2.2.2", 5, 100, 2, null, "!!!!", 100, 5, 5, 4, 4, 4));
  }

  @Test
  public void readsASourcedPing() {
    // ../shared/fixtures/ios-outputs/ping/genieparser-ios_1.txt lines 2-5
    PingResult p = PingParser.parse(SharedOutputs.output("ping/genieparser-ios_1.txt"));
    assertEquals(p, new PingResult("10.229.1.1", 10, 100, 2, "10.229.1.2", "!!!!!!!!!!", 100, 10, 10, 1, 1, 1));
  }

  @Test
  public void readsAPartialIpv6Ping() {
    // genieparser-iosxe_3.txt: "B!!!!" (line 4), 80 percent (4/5) (line 5), source with a VRF suffix (line 3)
    PingResult p = PingParser.parse(SharedOutputs.output("ping/genieparser-iosxe_3.txt"));
    assertEquals(p, new PingResult("6800::6", 5, 1379, 1, "1700::1%vpn-101", "B!!!!", 80, 4, 5, 1, 1, 1));
  }

  /** The first ping over a new IPsec tunnel loses its first echo; a dead target has no round-trip part. */
  @Test
  public void readsTimeoutsAndNoReply() {
    PingResult first = PingParser.parse("Type escape sequence to abort.\n"
        + "Sending 5, 100-byte ICMP Echos to 2.2.2.2, timeout is 2 seconds:\n.!!!!\n"
        + "Success rate is 80 percent (4/5), round-trip min/avg/max = 1/2/4 ms\n");
    assertEquals(first.marks(), ".!!!!");
    assertEquals(first.received(), 4);
    PingResult dead = PingParser.parse("Sending 5, 100-byte ICMP Echos to 10.9.9.9, timeout is 2 seconds:\n.....\n"
        + "Success rate is 0 percent (0/5)\n");
    assertEquals(dead.successPercent(), 0);
    assertEquals(dead.minMs(), null);
  }

  @Test
  public void truncatedGarbageAndAnotherCommandAreRefused() {
    ParseException e = expectThrows(ParseException.class, () -> PingParser.parse(
        "Sending 5, 100-byte ICMP Echos to 2.2.2.2, timeout is 2 seconds:\n!!"));
    assertEquals(e.command(), "ping");
    e = expectThrows(ParseException.class, () -> PingParser.parse(
        SharedOutputs.output("show_version/genieparser-ios_3.txt")));
    // line 2 is that output's echo, "show version", which is no ping echo
    assertEquals(e.lineNumber(), 2);
  }
}
