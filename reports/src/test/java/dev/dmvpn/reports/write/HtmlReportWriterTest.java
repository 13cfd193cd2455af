package dev.dmvpn.reports.write;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.dmvpn.reports.RunRecorder;
import dev.dmvpn.reports.TestReport;
import dev.dmvpn.reports.model.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/** What the page does with hostile or awkward content (Chromium tests the well-formed case). */
public class HtmlReportWriterTest {
  private static String page(String mediaType, String content) {
    RunRecorder r = RunRecorder.builder(Path.of("unused")).writers(List.of()).start();
    TestReport t = r.startTest("S <b>", "t", Map.of());
    t.attach("a", mediaType, content.getBytes(StandardCharsets.UTF_8));
    t.finish(null);
    return HtmlReportWriter.render(r.snapshot());
  }

  @Test
  public void textIsEscapedAndControlCharactersReplaced() {
    String html = page(MediaTypes.TEXT, "sv9-3#</pre><script>alert(1)</script>\u0007\u0000");
    assertTrue(html.contains("sv9-3#&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;\uFFFD\uFFFD"), html);
    assertTrue(html.contains("Suite: S &lt;b&gt;"));
  }

  @Test
  public void svgWithScriptIsNotInlined() {
    String html = page(MediaTypes.SVG, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>");
    assertFalse(html.contains("<svg"), "an active SVG stays a download only");
    assertTrue(html.contains("download=\"a.svg\""));
  }

  @Test
  public void plainSvgIsInlinedWithoutItsProlog() {
    String html = page(MediaTypes.SVG, "<?xml version=\"1.0\"?>\n<!-- drawn by us -->\n<!DOCTYPE svg>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\"><line x1=\"0\" y1=\"0\" x2=\"5\" y2=\"5\"/></svg>");
    assertTrue(html.contains("<div class=\"svg\"><svg xmlns="), html);
    assertFalse(html.contains("<?xml version=\"1.0\"?>"));
  }

  @Test
  public void aLargeAttachmentIsLinkedInTheAllureResultsBesideThePageAndItsTextShownInPart() throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("html-large");
    RunRecorder r = RunRecorder.builder(dir).start();
    TestReport t = r.startTest("S", "t", Map.of());
    StringBuilder transcript = new StringBuilder();
    for (int i = 0; transcript.length() <= HtmlReportWriter.EMBED_LIMIT; i++) {
      transcript.append("sv9-4# show crypto ipsec sa ").append(i).append('\n');
    }
    t.attach("transcript", MediaTypes.TEXT, transcript.toString().getBytes(StandardCharsets.UTF_8));
    t.attach("small", MediaTypes.TEXT, "sv9-4#".getBytes(StandardCharsets.UTF_8));
    t.finish(null);
    r.finish();
    String html = java.nio.file.Files.readString(dir.resolve("report.html"));
    java.util.regex.Matcher link = java.util.regex.Pattern
        .compile("download=\"transcript.txt\" href=\"allure-results/([^\"]+)\"").matcher(html);
    assertTrue(link.find(), html.substring(0, Math.min(html.length(), 2000)));
    assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(dir.resolve("allure-results")
        .resolve(link.group(1))), transcript.toString().getBytes(StandardCharsets.UTF_8)), "the link's file is it");
    assertTrue(html.contains("sv9-4# show crypto ipsec sa 0\n"), "its start is shown");
    assertFalse(html.contains("show crypto ipsec sa " + (transcript.length() / 30) + "\n"), "not its end");
    assertTrue(html.length() < HtmlReportWriter.EMBED_LIMIT, "the page stays small: " + html.length());
    assertTrue(html.contains("download=\"small.txt\" href=\"data:text/plain"), "a small one stays embedded");
  }

  @Test
  public void aLargeSvgIsNotInlined() {
    StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\">");
    while (svg.length() <= HtmlReportWriter.EMBED_LIMIT) {
      svg.append("<line x1=\"0\" y1=\"0\" x2=\"5\" y2=\"5\"/>");
    }
    String html = page(MediaTypes.SVG, svg.append("</svg>").toString());
    assertFalse(html.contains("<div class=\"svg\">"), "too large to draw in the page");
    assertTrue(html.contains("href=\"allure-results/"), "linked instead");
  }
}
