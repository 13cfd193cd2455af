package dev.dmvpn.harness.sequence;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/** The expectation file format: what it reads, and every mistake named as FILE:LINE: field: message. */
public class SequenceLoaderTest {

  private static List<String> problems(String text) {
    SequenceFileException e = expectThrows(SequenceFileException.class, () -> SequenceLoader.parse("x.yaml", text));
    return e.problems().stream().map(SequenceProblem::toString).toList();
  }

  @Test
  public void everyShippedExpectationLoads() throws Exception {
    for (String name : SequenceLoader.SHIPPED) {
      ExpectedSequence s = SequenceLoader.shipped(name);
      assertEquals(s.file(), "expect/" + name);
      assertTrue(!s.groups().isEmpty() && !s.description().isEmpty(), name);
    }
  }

  @Test
  public void readsGroupsMatchersConditionsAndBounds() throws Exception {
    ExpectedSequence s = SequenceLoader.parse("x.yaml", """
        description: d
        variables: {hub: 10.0.0.1}
        hosts:
          hub: ${hub}
        groups:
          - name: g
            within: 1.5s
            ordered:
              - name: a
                from: hub
                count: 2
                within: 500ms
                match:
                  nhrp.hopCount: {le: 254, gt: 1}
                  nhrp.op: [resolution-request, resolution-reply]
                  nhrp.authPassword: {present: false}
                capture: {id: nhrp.requestId}
          - absent:
              - name: b
                match: {esp.spi: {matches: "0x[0-9a-f]{8}"}}
            after: a
        """);
    assertEquals(s.defaults(), Map.of("hub", "10.0.0.1"));
    assertEquals(s.hosts(), Map.of("hub", "${hub}"));
    ExpectedGroup g = s.groups().get(0);
    assertEquals(g.kind(), GroupKind.ORDERED);
    assertEquals(g.within(), Duration.ofMillis(1500));
    assertEquals(g.line(), 6);
    FrameMatcher a = g.matchers().get(0);
    assertEquals(a.count(), 2);
    assertEquals(a.within(), Duration.ofMillis(500));
    assertEquals(a.captures(), Map.of("id", "nhrp.requestId"));
    assertEquals(a.conditions(), List.of(
        new FieldCondition("nhrp.hopCount", Operator.LE, List.of("254"), 14),
        new FieldCondition("nhrp.hopCount", Operator.GT, List.of("1"), 14),
        new FieldCondition("nhrp.op", Operator.IN, List.of("resolution-request", "resolution-reply"), 15),
        new FieldCondition("nhrp.authPassword", Operator.MISSING, List.of(), 16)));
    ExpectedGroup absent = s.groups().get(1);
    assertEquals(absent.name(), "group 2");
    assertEquals(absent.kind(), GroupKind.ABSENT);
    assertEquals(absent.after(), "a");
  }

  @Test
  public void unknownFieldNamesItsLineAndSuggestsTheDecodeName() {
    List<String> p = problems("""
        groups:
          - ordered:
              - name: a
                match:
                  nhrp.hop_count: 254
        """);
    assertEquals(p, List.of("x.yaml:5: groups[0].ordered[0].match.nhrp.hop_count: unknown field 'nhrp.hop_count';"
        + " did you mean nhrp.hopCount?"));
  }

  @Test
  public void badValuesAreEachReportedWithTheirLine() {
    List<String> p = problems("""
        groups:
          - name: g
            after: nowhere
            ordered:
              - name: a
                within: soon
                count: 0
                colour: red
                match:
                  nhrp.op: {approximately: x}
              - name: a
        """);
    assertEquals(p, List.of(
        "x.yaml:8: groups[0].ordered[0].colour: unknown key; expected one of [capture, count, from, match, name,"
            + " to, within]",
        "x.yaml:10: groups[0].ordered[0].match.nhrp.op.approximately: unknown test; use eq, ne, lt, le, gt, ge,"
            + " in, present, matches",
        "x.yaml:7: groups[0].ordered[0].count: expected a whole number from 1 to 10000, found '0'",
        "x.yaml:6: groups[0].ordered[0].within: expected a duration such as 500ms, 2s or 1m, found 'soon'",
        "x.yaml:11: groups[0].ordered[1].name: 'a' is used twice; names are unique",
        "x.yaml:2: groups[0].after: 'nowhere' is not a matcher of an earlier group"));
  }

  @Test
  public void structuralMistakes() {
    assertEquals(problems("description: nothing\n"),
        List.of("x.yaml:1: groups: missing: a file needs at least one group (ordered, unordered or absent)"));
    assertEquals(problems("groups:\n  - name: g\n    ordered: []\n    absent: []\n"), List.of(
        "x.yaml:4: groups[0].absent: a group is one of ordered, unordered, absent; this one is ordered already",
        "x.yaml:3: groups[0].ordered: expected a non-empty list of matchers, found a list"));
    assertEquals(problems(""), List.of("x.yaml:0: (file): the file is empty"));
    assertTrue(problems("groups: [\n  - a\n").get(0).startsWith("x.yaml:2: (file): not valid YAML"),
        problems("groups: [\n  - a\n").toString());
    assertEquals(problems("groups:\n  - absent:\n      - name: a\n        count: 2\n"),
        List.of("x.yaml:3: groups[0].absent[0]: an absent matcher takes neither capture: nor count:"));
  }

  @Test
  public void variableWithoutValueIsAFileErrorAtCheckTime() throws Exception {
    ExpectedSequence s = SequenceLoader.parse("x.yaml", """
        hosts: {hub: "${hub}"}
        groups:
          - ordered:
              - name: a
                from: hub
                match:
                  nhrp.requestId: ${rid}
        """);
    SequenceFileException e = expectThrows(SequenceFileException.class,
        () -> SequenceChecker.checkViews(List.of(), s, Map.of()));
    assertEquals(e.getMessage(), String.join("\n",
        "x.yaml:1: hosts.hub: ${hub} has no value: give it (--var hub=VALUE) or add it under variables:",
        "x.yaml:7: matcher 'a' nhrp.requestId: ${rid} has no value: give it (--var rid=VALUE) or add it under"
            + " variables:"));
    // given by the caller, the same file checks
    SequenceResult r = SequenceChecker.checkViews(List.of(), s, Map.of("hub", "10.0.0.1", "rid", "1"));
    assertEquals(r.matched(), false);
  }

  @Test
  public void fileOnDiskIsNamedAsGiven() throws Exception {
    Path dir = Files.createTempDirectory("seq");
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "groups:\n  - ordered:\n      - name: a\n        match: {nhrp.op: x, ip.source: y}\n");
    SequenceFileException e = expectThrows(SequenceFileException.class, () -> SequenceLoader.load(f));
    assertEquals(e.getMessage(), f + ":4: groups[0].ordered[0].match.ip.source: unknown field 'ip.source';"
        + " see the decode output's names");
    SequenceFileException missing = expectThrows(SequenceFileException.class,
        () -> SequenceLoader.load(dir.resolve("none.yaml")));
    assertTrue(missing.getMessage().startsWith(dir.resolve("none.yaml") + ":0: (file): cannot read the file"),
        missing.getMessage());
    Files.delete(f);
    Files.delete(dir);
  }

  /** The example in ARCHITECTURE.md ("Expected sequences") is a valid file. */
  @Test
  public void architectureExampleLoads() throws Exception {
    String doc = Files.readString(dev.dmvpn.ref.testing.SharedFiles.projectRoot().resolve("ARCHITECTURE.md"));
    int section = doc.indexOf("## Expected sequences");
    int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
    String yaml = doc.substring(start, doc.indexOf("```", start));
    ExpectedSequence s = SequenceLoader.parse("ARCHITECTURE.md", yaml);
    assertEquals(s.groups().size(), 2);
    assertEquals(s.groups().get(1).kind(), GroupKind.ABSENT);
  }
}
