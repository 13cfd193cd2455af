package dev.dmvpn.harness.sequence;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.testng.annotations.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG sequence diagram: well-formed, one lane per host with its alias, one arrow per relevant frame. */
public class SequenceDiagramTest {

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> groups(Document d, String classPrefix) {
    List<Element> out = new ArrayList<>();
    NodeList g = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int i = 0; i < g.getLength(); i++) {
      Element e = (Element) g.item(i);
      if ((e.getAttribute("class") + " ").startsWith(classPrefix + " ")) {
        out.add(e);
      }
    }
    return out;
  }

  private static SequenceResult wrongHop() throws Exception {
    String wrong = SequenceCaptures.shippedText("resolution-via-hub.yaml")
        .replace("nhrp.hopCount: 254", "nhrp.hopCount: 255");
    return SequenceChecker.check(SequenceCaptures.phase2(), SequenceLoader.parse("wrong.yaml", wrong),
        SequenceCaptures.PHASE2);
  }

  @Test
  public void phase2DiagramHasAnArrowPerFrameAndLabelledLanes() throws Exception {
    SequenceResult r = SequenceChecker.check(SequenceCaptures.phase2(),
        SequenceLoader.shipped("resolution-via-hub.yaml"), SequenceCaptures.PHASE2);
    Document d = parse(SequenceDiagram.svg(r));
    assertEquals(d.getDocumentElement().getLocalName(), "svg");
    // tshark: all 24 frames are ICMP (20) or NHRP (4) in GRE between three NBMA addresses
    List<Element> arrows = groups(d, "arrow");
    assertEquals(arrows.size(), 24);
    for (int i = 0; i < 24; i++) {
      assertEquals(arrows.get(i).getAttribute("data-frame"), String.valueOf(i + 1));
    }
    List<Element> lanes = groups(d, "lane");
    assertEquals(lanes.stream().map(e -> e.getAttribute("data-address")).toList(),
        List.of("172.16.15.2", "172.16.45.2", "172.16.25.2"));
    assertEquals(lanes.stream().map(e -> e.getElementsByTagNameNS("*", "text").item(0).getTextContent()).toList(),
        List.of("hub", "requester", "responder"));
    assertEquals(arrows.get(4).getAttribute("class"), "arrow matched");
    assertTrue(arrows.get(4).getTextContent().contains("NHRP resolution-request hop 254 id 6  [forwarded-request]"),
        arrows.get(4).getTextContent());
  }

  @Test
  public void mismatchIsRedAndListed() throws Exception {
    String svg = SequenceDiagram.svg(wrongHop());
    Document d = parse(svg);
    Element frame5 = groups(d, "arrow").get(4);
    assertEquals(frame5.getAttribute("class"), "arrow mismatch");
    Element line = (Element) frame5.getElementsByTagNameNS("*", "line").item(0);
    assertEquals(line.getAttribute("stroke"), "#c00000");
    assertTrue(svg.contains("FAIL forwarded-request (line 23): no frame matched; closest is frame 5, which differs"
        + " in nhrp.hopCount = 255"), svg);
  }

  @Test
  public void absentViolationsAreRed() throws Exception {
    SequenceResult r = SequenceChecker.check(SequenceCaptures.ike(), SequenceLoader.shipped("wrong-psk.yaml"),
        SequenceCaptures.IKE);
    List<Element> arrows = groups(parse(SequenceDiagram.svg(r)), "arrow");
    assertEquals(arrows.size(), 9);
    assertEquals(arrows.stream().map(e -> e.getAttribute("class")).toList(), List.of("arrow matched",
        "arrow matched", "arrow matched", "arrow matched", "arrow matched", "arrow", "arrow violation",
        "arrow violation", "arrow violation"));
    assertTrue(arrows.get(6).getTextContent().contains("ISAKMP QM1  [not expected: quick-mode-from-initiator]"));
  }

  @Test
  public void sameResultSameSvg() throws Exception {
    assertEquals(SequenceDiagram.svg(wrongHop()), SequenceDiagram.svg(wrongHop()));
  }
}
