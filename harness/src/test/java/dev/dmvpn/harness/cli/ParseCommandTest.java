package dev.dmvpn.harness.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.testng.annotations.Test;

/** {@code parse --command C FILE}: JSON of the typed records, and its exit statuses. */
public class ParseCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int status, String out, String err) {}

  private static Run parse(String command, Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), "parse", "--command", command, file.toString());
    return new Run(status, out.toString(), err.toString());
  }

  private static Path output(String relative) {
    return SharedFiles.root().resolve("fixtures/ios-outputs").resolve(relative);
  }

  @Test
  public void printsNhrpEntriesAsJson() throws Exception {
    Run r = parse("show ip nhrp detail", output("show_ip_nhrp_detail/genieparser-iosxe_1.txt"));
    assertEquals(r.status(), 0, r.err());
    JsonNode entries = JSON.readTree(r.out());
    assertEquals(entries.size(), 5);
    // the file's lines 2-6: "100.0.0.2/32 via 100.0.0.2", "Tunnel100 created 00:00:42, expire 00:02:17", ...
    JsonNode first = entries.get(0);
    assertEquals(first.get("network").asText(), "100.0.0.2");
    assertEquals(first.get("prefixLength").asInt(), 32);
    assertEquals(first.get("tunnel").asText(), "Tunnel100");
    assertEquals(first.get("expire").asText(), "00:02:17");
    assertEquals(first.get("nbma").asText(), "103.1.1.1");
    assertEquals(first.get("flags").get(1).asText(), "nhop");
    // lines 7-11: never expire is a JSON null
    assertTrue(entries.get(1).get("expire").isNull());
  }

  @Test
  public void printsPingAsJson() throws Exception {
    Run r = parse("ping 10.229.1.1 source 10.229.1.2", output("ping/genieparser-ios_1.txt"));
    assertEquals(r.status(), 0, r.err());
    JsonNode p = JSON.readTree(r.out());
    assertEquals(p.get("successPercent").asInt(), 100);
    assertEquals(p.get("marks").asText(), "!!!!!!!!!!");
  }

  @Test
  public void anOutputOfAnotherCommandExitsOneNamingCommandAndLine() {
    Run r = parse("show crypto isakmp sa", output("show_ip_nhrp_detail/genieparser-iosxe_1.txt"));
    assertEquals(r.status(), ParseCommand.EXIT_NOT_RECOGNISED);
    assertTrue(r.err().contains("'show crypto isakmp sa'") && r.err().contains("line 2"), r.err());
  }

  @Test
  public void anUnknownCommandOrMissingFileExitsTwo() {
    Run r = parse("show tech-support", output("show_ip_nhrp_detail/genieparser-iosxe_1.txt"));
    assertEquals(r.status(), ParseCommand.EXIT_UNUSABLE);
    assertTrue(r.err().contains("no parser for 'show tech-support'"), r.err());
    assertEquals(parse("show ip nhrp", output("no-such-file.txt")).status(), ParseCommand.EXIT_UNUSABLE);
  }
}
