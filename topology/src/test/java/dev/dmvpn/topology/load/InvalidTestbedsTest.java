package dev.dmvpn.topology.load;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Every file under {@code topologies/invalid} lists the problems it must produce in {@code # expect:} comments
 * (line, field, a piece of the message). The loader and validator together must report exactly those, at once,
 * in line order, each printed as {@code FILE:LINE: field: message}.
 */
public class InvalidTestbedsTest {
  static final Path DIR = Path.of("src/test/resources/topologies/invalid");

  record Expected(int line, String field, String text) {}

  @DataProvider
  public Object[][] files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().map(p -> new Object[] {p})
          .toArray(Object[][]::new);
    }
  }

  @Test(dataProvider = "files")
  public void reportsExactlyTheExpectedProblems(Path file) throws IOException {
    List<Expected> expected = expectations(file);
    assertTrue(!expected.isEmpty(), file + " has no # expect: lines");

    LoadResult r = TestbedLoader.loadAndValidate(file);

    List<TestbedProblem> got = r.problems();
    assertEquals(got.size(), expected.size(), file + " reported:\n" + r.report());
    for (int i = 0; i < expected.size(); i++) {
      Expected e = expected.get(i);
      TestbedProblem p = got.get(i);
      String where = file + " problem " + i + ": " + p;
      assertEquals(p.line(), e.line(), where);
      assertEquals(p.field(), e.field(), where);
      assertTrue(p.message().contains(e.text()), where + "\n  expected text: " + e.text());
      assertEquals(p.toString(), file + ":" + e.line() + ": " + e.field() + ": " + p.message());
    }
  }

  static List<Expected> expectations(Path file) throws IOException {
    List<Expected> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("# expect: ")) {
        String rest = line.substring("# expect: ".length());
        int c1 = rest.indexOf(": ");
        int c2 = rest.indexOf(": ", c1 + 2);
        out.add(new Expected(Integer.parseInt(rest.substring(0, c1)), rest.substring(c1 + 2, c2),
            rest.substring(c2 + 2)));
      }
    }
    return out;
  }
}
