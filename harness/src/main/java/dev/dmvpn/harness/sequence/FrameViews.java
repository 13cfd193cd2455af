package dev.dmvpn.harness.sequence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dmvpn.harness.decode.FrameJson;
import dev.dmvpn.ref.capture.DecodedFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoded frames to {@link FrameView}s. The decode command's own writer ({@link FrameJson}) produces each frame's
 * fields, so a matcher uses exactly the names and value forms {@code decode} prints; they are flattened here and
 * these derived fields are added:
 *
 * <ul>
 *   <li>{@code nhrp.forwardTransit[i].*}, {@code nhrp.reverseTransit[i].*}, {@code nhrp.responderAddress[i].*},
 *       {@code nhrp.ciscoNat[i].*}: the CIEs of that extension ({@code nhrp.extensions[k].cies[i].*} of the first
 *       extension with that name), so a matcher need not know the extension order;
 *   <li>{@code isakmp.message} (number in its exchange), {@code isakmp.mmMessage} (Main Mode 1..6),
 *       {@code isakmp.qmMessage} (Quick Mode 1..3), {@code isakmp.retransmission}: see {@link IsakmpMessageNumbers};
 *   <li>{@code icmp.type} (name, e.g. {@code echo-request}) and {@code icmp.code}: the outer ICMP message, or the
 *       one inside GRE.
 * </ul>
 */
public final class FrameViews {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Map<String, String> EXTENSION_LISTS = Map.of(
      "forward-transit-nhs-record", "nhrp.forwardTransit",
      "reverse-transit-nhs-record", "nhrp.reverseTransit",
      "responder-address", "nhrp.responderAddress",
      "cisco-nat-address", "nhrp.ciscoNat");

  private FrameViews() {}

  /** The views of a capture's frames, in capture order (ISAKMP numbering depends on the order). */
  public static List<FrameView> of(List<DecodedFrame> frames) {
    IsakmpMessageNumbers numbers = new IsakmpMessageNumbers();
    List<FrameView> out = new ArrayList<>(frames.size());
    for (DecodedFrame f : frames) {
      out.add(of(f, numbers));
    }
    return out;
  }

  private static FrameView of(DecodedFrame f, IsakmpMessageNumbers numbers) {
    StringBuilder json = new StringBuilder(512);
    FrameJson.write(f, json);
    Map<String, Object> fields = flatten(json.toString());
    extensionLists(fields);
    if (f.icmp() != null) {
      fields.put("icmp.type", f.icmp().type().name());
      fields.put("icmp.code", (long) f.icmp().code());
    }
    if (f.isakmp() != null && f.udp() != null) {
      String exchange = (String) fields.get("isakmp.exchange");
      IsakmpMessageNumbers.Numbered n = numbers.next((String) fields.get("isakmp.initiatorCookie"),
          (String) fields.get("isakmp.messageId"), String.valueOf(fields.get("ip.src")), f.udp().payload());
      fields.put("isakmp.message", (long) n.number());
      if ("main-mode".equals(exchange)) {
        fields.put("isakmp.mmMessage", (long) n.number());
      } else if ("quick-mode".equals(exchange)) {
        fields.put("isakmp.qmMessage", (long) n.number());
      }
      fields.put("isakmp.retransmission", n.retransmission());
    }
    return new FrameView(f.number(), f.frame().timestampNanos(), fields);
  }

  private static void extensionLists(Map<String, Object> fields) {
    Object count = fields.get("nhrp.extensions.length");
    int n = count instanceof Long l ? l.intValue() : 0;
    for (int i = 0; i < n; i++) {
      String list = EXTENSION_LISTS.get(String.valueOf(fields.get("nhrp.extensions[" + i + "].name")));
      if (list == null || fields.containsKey(list + ".length")) {
        continue;
      }
      String prefix = "nhrp.extensions[" + i + "].cies";
      Map<String, Object> copies = new LinkedHashMap<>();
      fields.forEach((k, v) -> {
        if (k.startsWith(prefix + "[") || k.equals(prefix + ".length")) {
          copies.put(list + k.substring(prefix.length()), v);
        }
      });
      fields.putAll(copies);
    }
  }

  /** One JSON object to dotted/indexed names; lists also give {@code name.length}. */
  static Map<String, Object> flatten(String json) {
    Map<String, Object> out = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_OBJECT) {
        object(p, "", out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the decode writer produced invalid JSON", e);
    }
    return out;
  }

  private static void object(JsonParser p, String prefix, Map<String, Object> out) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = prefix.isEmpty() ? p.currentName() : prefix + "." + p.currentName();
      value(p, p.nextToken(), name, out);
    }
  }

  private static void value(JsonParser p, JsonToken t, String name, Map<String, Object> out) throws IOException {
    switch (t) {
      case START_OBJECT -> object(p, name, out);
      case START_ARRAY -> {
        long i = 0;
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
          value(p, item, name + "[" + i++ + "]", out);
        }
        out.put(name + ".length", i);
      }
      case VALUE_STRING -> out.put(name, p.getText());
      case VALUE_NUMBER_INT -> out.put(name, p.getLongValue());
      case VALUE_NUMBER_FLOAT -> out.put(name, p.getDecimalValue());
      case VALUE_TRUE -> out.put(name, Boolean.TRUE);
      case VALUE_FALSE -> out.put(name, Boolean.FALSE);
      default -> out.put(name, null);
    }
  }
}
