package dev.dmvpn.harness.sequence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sequence diagram of what was seen, as SVG written by hand (no library): one lane per host, labelled with its
 * alias from the file (or its address), one arrow per relevant frame (NHRP, ISAKMP, ESP, ICMP) with its frame
 * number, time and a short label. Frames a matcher took carry the matcher's name in green; the closest frame of a
 * failed matcher and the frames that violate an absent matcher are red, and every failure is listed in red below
 * the arrows. The output depends only on the result, so tests can compare it.
 *
 * <p>Elements a test can find: {@code g class="lane"} per host, {@code g class="arrow ..."} per frame with
 * {@code data-frame}, class {@code matched}, {@code mismatch} or {@code violation} added when one applies.
 */
public final class SequenceDiagram {
  private static final int LEFT = 150;
  private static final int LANE_GAP = 220;
  private static final int TOP = 70;
  private static final int ROW = 26;

  private SequenceDiagram() {}

  public static String svg(SequenceResult r) {
    List<FrameView> shown = r.frames().stream().filter(FrameLabels::relevant).toList();
    Map<String, Integer> lanes = lanes(r, shown);
    Map<Long, String> marks = new HashMap<>();
    Map<Long, String> kinds = new HashMap<>();
    marks(r, marks, kinds);
    List<String> failures = failures(r);
    int width = LEFT + Math.max(1, lanes.size()) * LANE_GAP;
    int bottom = TOP + shown.size() * ROW + 20;
    int height = bottom + 20 + failures.size() * 18 + 20;
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" font-family=\"monospace\" font-size=\"11\">\n");
    b.append("<title>").append(esc(r.file() + ": " + (r.matched() ? "match" : "mismatch"))).append("</title>\n");
    defs(b);
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    lanes.forEach((address, i) -> lane(b, r, address, x(i), bottom));
    for (int row = 0; row < shown.size(); row++) {
      FrameView f = shown.get(row);
      arrow(b, r, f, lanes, TOP + 20 + row * ROW, marks.get(f.number()), kinds.get(f.number()));
    }
    int y = bottom + 24;
    for (String line : failures) {
      b.append("<text class=\"failure\" x=\"10\" y=\"").append(y).append("\" fill=\"#c00000\">").append(esc(line))
          .append("</text>\n");
      y += 18;
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static void defs(StringBuilder b) {
    b.append("<defs>\n");
    for (String[] m : new String[][] {{"head", "#000000"}, {"head-red", "#c00000"}}) {
      b.append("<marker id=\"").append(m[0]).append("\" markerWidth=\"8\" markerHeight=\"8\" refX=\"8\" refY=\"4\"")
          .append(" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
          .append("<path d=\"M0,0 L8,4 L0,8 z\" fill=\"").append(m[1]).append("\"/></marker>\n");
    }
    b.append("</defs>\n");
  }

  /** File hosts first (in file order), then other addresses in order of first appearance. */
  private static Map<String, Integer> lanes(SequenceResult r, List<FrameView> shown) {
    Map<String, Integer> lanes = new LinkedHashMap<>();
    for (String address : r.hostLabels().keySet()) {
      lanes.putIfAbsent(address, lanes.size());
    }
    for (FrameView f : shown) {
      lanes.putIfAbsent(f.source(), lanes.size());
      lanes.putIfAbsent(f.destination(), lanes.size());
    }
    return lanes;
  }

  private static void marks(SequenceResult r, Map<Long, String> marks, Map<Long, String> kinds) {
    for (GroupResult g : r.groups()) {
      for (StepResult s : g.steps()) {
        if (g.kind() == GroupKind.ABSENT) {
          for (long n : s.frames()) {
            marks.merge(n, "not expected: " + s.matcher(), (a, c) -> a + ", " + c);
            kinds.put(n, "violation");
          }
        } else if (s.ok()) {
          for (long n : s.frames()) {
            marks.merge(n, s.matcher(), (a, c) -> a + ", " + c);
            kinds.putIfAbsent(n, "matched");
          }
        } else if (s.evidence() != null) {
          marks.merge(s.evidence().frame(), "closest to " + s.matcher(), (a, c) -> a + ", " + c);
          kinds.put(s.evidence().frame(), "mismatch");
        }
      }
    }
  }

  private static List<String> failures(SequenceResult r) {
    List<String> out = new ArrayList<>();
    for (GroupResult g : r.groups()) {
      if (!g.note().isEmpty()) {
        out.add("FAIL group '" + g.name() + "': " + g.note());
      }
      for (StepResult s : g.steps()) {
        if (!s.ok()) {
          out.add("FAIL " + s.matcher() + " (line " + s.line() + "): " + s.reason());
        }
      }
    }
    return out;
  }

  private static void lane(StringBuilder b, SequenceResult r, String address, int x, int bottom) {
    String label = r.hostLabels().getOrDefault(address, address);
    b.append("<g class=\"lane\" data-address=\"").append(esc(address)).append("\">");
    b.append("<text x=\"").append(x).append("\" y=\"24\" text-anchor=\"middle\" font-weight=\"bold\">")
        .append(esc(label)).append("</text>");
    b.append("<text x=\"").append(x).append("\" y=\"40\" text-anchor=\"middle\">").append(esc(address))
        .append("</text>");
    b.append("<line x1=\"").append(x).append("\" y1=\"48\" x2=\"").append(x).append("\" y2=\"").append(bottom)
        .append("\" stroke=\"#888888\" stroke-dasharray=\"4,3\"/></g>\n");
  }

  private static void arrow(StringBuilder b, SequenceResult r, FrameView f, Map<String, Integer> lanes, int y,
      String mark, String kind) {
    int x1 = x(lanes.get(f.source()));
    int x2 = x(lanes.get(f.destination()));
    boolean red = "mismatch".equals(kind) || "violation".equals(kind);
    String colour = red ? "#c00000" : "#000000";
    b.append("<g class=\"arrow").append(kind == null ? "" : " " + kind).append("\" data-frame=\"")
        .append(f.number()).append("\">");
    b.append("<text x=\"10\" y=\"").append(y + 4).append("\" fill=\"").append(colour).append("\">#")
        .append(f.number()).append(' ').append(MismatchReport.seconds(r, f.timeNanos())).append("</text>");
    if (x1 == x2) {
      x2 = x1 + 40; // a frame to itself: a short stub to the right
    }
    b.append("<line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(x2)
        .append("\" y2=\"").append(y).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
        .append(red ? "2" : "1").append("\" marker-end=\"url(#").append(red ? "head-red" : "head").append(")\"/>");
    String text = FrameLabels.label(f) + (mark == null ? "" : "  [" + mark + "]");
    String textColour = "matched".equals(kind) ? "#006400" : colour; // matched frames: labels in green
    b.append("<text x=\"").append((x1 + x2) / 2).append("\" y=\"").append(y - 4)
        .append("\" text-anchor=\"middle\" fill=\"").append(textColour).append("\">").append(esc(text))
        .append("</text></g>\n");
  }

  private static int x(int lane) {
    return LEFT + lane * LANE_GAP;
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
