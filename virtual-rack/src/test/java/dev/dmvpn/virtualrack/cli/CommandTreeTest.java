package dev.dmvpn.virtualrack.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/** IOS matching rules on a small tree: unique prefixes, keywords before parameters, caret columns. */
public class CommandTreeTest {
  private final List<String> ran = new ArrayList<>();
  private final CommandTree<Void> tree = new CommandTree<>();

  {
    tree.define("show version", (c, inv) -> ran.add(inv.canonical()));
    tree.define("show running-config", (c, inv) -> ran.add(inv.canonical()));
    tree.define("show running-config interface $name:iface", (c, inv) -> ran.add(inv.canonical()));
    tree.define("ip route $prefix:ipv4 $mask:ipv4 $hop:ipv4", (c, inv) -> ran.add(inv.canonical()));
    tree.define("ip ssh break-string", (c, inv) -> ran.add(inv.canonical()));
    tree.define("description $text:line", (c, inv) -> ran.add(inv.arg("text")));
    tree.define("crypto ipsec profile $name:word", (c, inv) -> ran.add(inv.arg("name")));
    tree.define("crypto ipsec transform-set $name:word", (c, inv) -> ran.add(inv.arg("name")));
    tree.define("configure terminal", (c, inv) -> ran.add(inv.canonical()));
    tree.define("copy running-config startup-config", (c, inv) -> ran.add(inv.canonical()));
  }

  private String run(String line) {
    MatchResult<Void> r = tree.match(line);
    assertTrue(r instanceof MatchResult.Matched, line + " -> " + r);
    MatchResult.Matched<Void> m = (MatchResult.Matched<Void>) r;
    m.node().handler().run(null, m.invocation());
    return ran.get(ran.size() - 1);
  }

  @Test
  public void uniquePrefixesExpandToCanonicalForm() {
    assertEquals(run("sh ver"), "show version");
    assertEquals(run("SH RUN int fa0/1"), "show running-config interface FastEthernet0/1");
    assertEquals(run("ip rou 0.0.0.0 0.0.0.0 209.168.202.158"), "ip route 0.0.0.0 0.0.0.0 209.168.202.158");
    assertEquals(run("conf t"), "configure terminal");
  }

  @Test
  public void lineParameterTakesTheRestAsTyped() {
    assertEquals(run("description  uplink to   the WAN  "), "uplink to   the WAN");
  }

  @Test
  public void keywordWinsOverWordParameter() {
    assertEquals(run("crypto ipsec profile cisco"), "cisco");
    assertEquals(run("crypto ipsec transform-set strong"), "strong");
  }

  @Test
  public void ambiguousIncompleteInvalid() {
    assertEquals(tree.match("c"), new MatchResult.Ambiguous<Void>(0));
    assertEquals(tree.match("show"), new MatchResult.Incomplete<Void>());
    // "show vex": 'v','e' match "version", 'x' does not
    assertEquals(tree.match("show vex"), new MatchResult.Invalid<Void>(7));
    // a parameter that does not parse: caret at the start of the word
    assertEquals(tree.match("ip route 1.2.3.256 0.0.0.0 1.1.1.1"), new MatchResult.Invalid<Void>(9));
    // too many words
    assertEquals(tree.match("show version now"), new MatchResult.Invalid<Void>(13));
    assertEquals(tree.match("   "), new MatchResult.Empty<Void>());
  }

  @Test
  public void helpListsParametersThenKeywordsAndCr() {
    assertEquals(HelpFormatter.help(tree, "show running-config "), "  interface\n  <cr>");
    assertEquals(HelpFormatter.help(tree, "show r"), "running-config  ");
    assertEquals(HelpFormatter.help(tree, "ip route "), "  A.B.C.D");
    assertEquals(HelpFormatter.help(tree, "bogus "), "% Unrecognized command");
  }
}
