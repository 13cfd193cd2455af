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
}
