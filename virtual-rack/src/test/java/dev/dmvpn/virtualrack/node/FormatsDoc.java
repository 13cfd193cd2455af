package dev.dmvpn.virtualrack.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The example blocks of ../shared/docs/ios-12.3-formats.md: the first fenced block after a {@code ## } heading. */
public final class FormatsDoc {
  private FormatsDoc() {}

  public static String block(String heading) throws IOException {
    Path doc = Path.of(System.getProperty("project.root", ".."), "..", "shared", "docs", "ios-12.3-formats.md");
    if (!Files.exists(doc)) {
      doc = Path.of(System.getProperty("project.root", ".."), "shared", "docs", "ios-12.3-formats.md");
    }
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    int h = lines.indexOf("## " + heading);
    if (h < 0) {
      throw new AssertionError("no heading '" + heading + "' in " + doc);
    }
    int start = h;
    while (!lines.get(start).startsWith("```")) {
      start++;
    }
    int end = start + 1;
    while (!lines.get(end).startsWith("```")) {
      end++;
    }
    return String.join("\n", lines.subList(start + 1, end)) + "\n";
  }
}
