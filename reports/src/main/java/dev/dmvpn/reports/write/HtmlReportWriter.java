package dev.dmvpn.reports.write;

import dev.dmvpn.reports.model.AttachmentRecord;
import dev.dmvpn.reports.model.Counts;
import dev.dmvpn.reports.model.MediaTypes;
import dev.dmvpn.reports.model.RunRecord;
import dev.dmvpn.reports.model.StepRecord;
import dev.dmvpn.reports.model.TestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The run as one self-contained HTML file: no script, no external resource, opens from {@code file://}. Suites, then
 * their entries with verdict colours (details open unless PASSED), nested steps with timings, attachments embedded
 * (text in {@code <pre>}, SVG inline, binary files such as captures as {@code data:} download links under their file
 * names). A test still running carries the class {@code v-running} and the page names it at the top ({@code
 * id="running"}), so the file a killed run leaves says what was running. Rewritten whole at each change. Only
 * attachments larger than {@link #EMBED_LIMIT} are not in the page: it links them in the Allure results directory
 * beside it ({@code RunRecorder.defaultWriters}).
 */
public final class HtmlReportWriter implements ReportWriter {
  private static final Pattern SVG_PROLOG =
      Pattern.compile("\\A\\s*(<\\?xml[^>]*\\?>\\s*)?(<!--.*?-->\\s*)*(<!DOCTYPE[^>]*>\\s*)?", Pattern.DOTALL);
  private static final Pattern ACTIVE_SVG =
      Pattern.compile("<script|<foreignObject|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

  private static final String CSS = String.join("\n",
      "body{font-family:sans-serif;margin:1.5em;color:#222}",
      "h1{margin:0 0 .3em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em}",
      ".counts{font-weight:bold;font-size:1.1em}",
      "table.labels{border-collapse:collapse;margin:.4em 0}table.labels th,table.labels td{text-align:left;"
          + "padding:.1em .8em .1em 0}",
      "details.entry{border-left:6px solid #999;margin:.4em 0;padding:.2em .6em;background:#fafafa}",
      "details.entry>summary{cursor:pointer;font-size:1.05em}",
      ".verdict{display:inline-block;min-width:5.5em;font-weight:bold;font-family:monospace}",
      ".time{color:#666;font-size:.9em}",
      verdictCss("passed", "#2e7d32"), verdictCss("failed", "#c62828"), verdictCss("errored", "#ef6c00"),
      verdictCss("blocked", "#8d6e63"), verdictCss("skipped", "#757575"), verdictCss("running", "#1565c0"),
      "p.running{background:#e3f2fd;border:1px solid #1565c0;padding:.4em}",
      "ol.steps{list-style:none;padding-left:1.2em;margin:.3em 0}",
      "pre{background:#f0f0f0;padding:.5em;overflow:auto;max-height:40em;font-size:.85em}",
      ".attachment{margin:.4em 0}.attachment h4{margin:.2em 0;font-size:.95em}",
      ".message{white-space:pre-wrap;font-family:monospace}");

  /**
   * Attachments up to this size are embedded (a {@code data:} download, text shown whole, SVG inline); a larger one
   * (a long run's transcript, the capture of a rekey) is linked to its file under {@code allure-results/} and its
   * text shown only in part: a page holding every byte of a nightly run reached 160 MB and no browser opened it.
   */
  static final int EMBED_LIMIT = 512 * 1024;
  /** Characters of a large text attachment shown in the page. */
  static final int SHOWN_HEAD = 64 * 1024;

  private final Path file;

  /** Colour of a verdict: the entry's left border, its verdict word, a step's verdict word. */
  private static String verdictCss(String verdict, String colour) {
    return "details.entry.v-" + verdict + "{border-left-color:" + colour + "}.v-" + verdict + ">summary>.verdict,"
        + "li.v-" + verdict + ">.verdict{color:" + colour + "}";
  }

  public HtmlReportWriter(Path file) {
    this.file = file;
  }

  /** Finished entries never change: their HTML (attachments base64 included) is rendered once, by entry id. */
  private final Map<String, String> finished = new HashMap<>();

  @Override
  public void runChanged(RunRecord run) throws IOException {
    AtomicFiles.write(file, render(run, finished).getBytes(StandardCharsets.UTF_8));
  }

  /** The page for a run snapshot. */
  public static String render(RunRecord run) {
    return render(run, new HashMap<>());
  }

  private static String render(RunRecord run, Map<String, String> cache) {
    StringBuilder h = new StringBuilder(64 * 1024);
    String title = Markup.escape(run.title());
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
        .append("</title>\n<style>\n").append(CSS).append("\n</style></head>\n<body>\n<header>\n<h1>").append(title)
        .append("</h1>\n");
    header(h, run);
    h.append("</header>\n");
    int n = 0;
    for (Map.Entry<String, List<TestRecord>> suite : run.bySuite().entrySet()) {
      suite(h, ++n, suite.getKey(), suite.getValue(), cache);
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, RunRecord run) {
    h.append("<p class=\"run-state\" id=\"run-state\">");
    if (run.finished()) {
      h.append("Run finished ").append(Markup.utc(run.stopMillis())).append(" (started ")
          .append(Markup.utc(run.startMillis())).append(", ")
          .append(Markup.duration(run.stopMillis() - run.startMillis())).append(")");
    } else {
      h.append("Run in progress, started ").append(Markup.utc(run.startMillis()))
          .append(" (if no run is going on any more, it was stopped or killed here)");
    }
    h.append("</p>\n");
    if (!run.labels().isEmpty()) {
      h.append("<table class=\"labels\">");
      run.labels().forEach((k, v) -> h.append("<tr><th>").append(Markup.escape(k)).append("</th><td>")
          .append(Markup.escape(v)).append("</td></tr>"));
      h.append("</table>\n");
    }
    boolean first = true;
    for (TestRecord t : run.running()) {
      h.append("<p class=\"running\"").append(first ? " id=\"running\"" : "").append(">RUNNING: ").append(Markup.escape(t.suite())).append(" / ")
          .append(Markup.escape(t.displayName())).append(" (started ").append(Markup.utc(t.startMillis()))
          .append(")</p>\n");
      first = false;
    }
    h.append("<p class=\"counts\" id=\"counts\">").append(Markup.escape(run.counts().line())).append("</p>\n");
  }

  private static void suite(StringBuilder h, int n, String name, List<TestRecord> entries,
      Map<String, String> cache) {
    h.append("<section class=\"suite\" id=\"suite-").append(n).append("\">\n<h2>Suite: ")
        .append(Markup.escape(name)).append(" <span class=\"time\">")
        .append(Markup.escape(Counts.of(entries).line())).append("</span></h2>\n");
    for (TestRecord t : entries) {
      if (t.running()) {
        entry(h, t);
      } else {
        h.append(cache.computeIfAbsent(t.id(), id -> {
          StringBuilder one = new StringBuilder();
          entry(one, t);
          return one.toString();
        }));
      }
    }
    h.append("</section>\n");
  }

  private static void entry(StringBuilder h, TestRecord t) {
    String v = t.running() ? "running" : t.verdict().word();
    boolean open = t.running() || !"passed".equals(v);
    h.append("<details class=\"entry v-").append(v).append("\" id=\"t-").append(t.id()).append('"')
        .append(open ? " open" : "").append(">\n<summary><span class=\"verdict\">")
        .append(v.toUpperCase(Locale.ROOT)).append("</span> <span class=\"name\">")
        .append(Markup.escape(t.displayName())).append("</span> <span class=\"time\">")
        .append(t.running() ? "started " + Markup.utc(t.startMillis()) : Markup.duration(t.durationMillis()))
        .append("</span></summary>\n");
    if (!t.message().isEmpty()) {
      h.append("<p class=\"message\">").append(Markup.escape(t.message())).append("</p>\n");
    }
    if (!t.detail().isEmpty()) {
      h.append("<details><summary>stack trace</summary><pre>").append(Markup.escape(t.detail()))
          .append("</pre></details>\n");
    }
    if (!t.labels().isEmpty()) {
      h.append("<details><summary>labels</summary><table class=\"labels\">");
      t.labels().forEach((k, val) -> h.append("<tr><th>").append(Markup.escape(k)).append("</th><td>")
          .append(Markup.escape(val)).append("</td></tr>"));
      h.append("</table></details>\n");
    }
    steps(h, t.steps());
    attachments(h, t.attachments());
    h.append("</details>\n");
  }

  private static void steps(StringBuilder h, List<StepRecord> steps) {
    if (steps.isEmpty()) {
      return;
    }
    h.append("<ol class=\"steps\">\n");
    for (StepRecord s : steps) {
      String v = s.running() ? "running" : s.verdict().word();
      h.append("<li class=\"step v-").append(v).append("\"><span class=\"verdict\">")
          .append(v.toUpperCase(Locale.ROOT)).append("</span> ").append(Markup.escape(s.name()))
          .append(" <span class=\"time\">").append(s.running() ? "" : Markup.duration(s.durationMillis()))
          .append("</span>");
      if (!s.message().isEmpty()) {
        h.append("<div class=\"message\">").append(Markup.escape(s.message())).append("</div>");
      }
      attachments(h, s.attachments());
      steps(h, s.steps());
      h.append("</li>\n");
    }
    h.append("</ol>\n");
  }

  private static void attachments(StringBuilder h, List<AttachmentRecord> list) {
    for (AttachmentRecord a : list) {
      h.append("<div class=\"attachment\"><h4>").append(Markup.escape(a.name())).append(" <span class=\"time\">")
          .append(Markup.escape(a.fileName())).append(", ").append(Markup.escape(a.mediaType())).append(", ")
          .append(a.content().length).append(" bytes</span></h4>");
      boolean large = a.content().length > EMBED_LIMIT;
      String text = a.isText() ? new String(a.content(), StandardCharsets.UTF_8) : null;
      if (MediaTypes.SVG.equals(a.mediaType()) && !large && inlineable(text)) {
        h.append("<div class=\"svg\">").append(stripProlog(text)).append("</div>");
      } else if (text != null && !MediaTypes.SVG.equals(a.mediaType())) {
        String shown = large ? head(text) : text;
        h.append("<pre>").append(Markup.escape(shown)).append("</pre>");
        if (large) {
          h.append("<p class=\"cut\">first ").append(shown.length()).append(" of ").append(text.length())
              .append(" characters shown; the whole file is the link below</p>");
        }
      }
      // every attachment can also be downloaded under its file name (captures, keys files, text alike): small ones
      // from the page itself, large ones from the Allure results next to it, which the page only links to
      h.append("<a class=\"download\" download=\"").append(Markup.escape(a.fileName())).append("\" href=\"");
      if (large) {
        h.append(Markup.escape(AllureResultsDirectory.NAME + "/" + a.source()));
      } else {
        h.append("data:").append(Markup.escape(a.mediaType())).append(";base64,")
            .append(Base64.getEncoder().encodeToString(a.content()));
      }
      h.append("\">download ").append(Markup.escape(a.fileName())).append("</a></div>\n");
    }
  }

  /** The start of a large text attachment, cut at a line end. */
  private static String head(String text) {
    int end = text.lastIndexOf('\n', SHOWN_HEAD);
    return text.substring(0, end > 0 ? end + 1 : Math.min(text.length(), SHOWN_HEAD));
  }

  /** An SVG is put inline only when it is a plain drawing (no script, no event handler, no foreign HTML). */
  static boolean inlineable(String svg) {
    return svg != null && stripProlog(svg).startsWith("<svg") && !ACTIVE_SVG.matcher(svg).find();
  }

  private static String stripProlog(String svg) {
    return SVG_PROLOG.matcher(svg).replaceFirst("").strip();
  }
}
