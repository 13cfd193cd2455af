package dev.dmvpn.harness.decode;

import static dev.dmvpn.harness.decode.TsharkFields.all;
import static dev.dmvpn.harness.decode.TsharkFields.first;
import static dev.dmvpn.harness.decode.TsharkFields.number;
import static dev.dmvpn.harness.decode.TsharkFields.numbers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares one frame of our decode output with tshark's fields and collects every mismatch as text. Layers at or
 * after the one our decoder rejected are compared only in one direction: tshark must then also call the frame
 * malformed, or not decode that layer at all.
 */
final class FrameComparison {
  private static final String[] NHRP_OPS = {"", "resolution-request", "resolution-reply",
      "registration-request", "registration-reply", "purge-request", "purge-reply", "error-indication",
      "traffic-indication"};
  /** tshark 4.0 decodes the draft NAT-D payload type 15 as "SA KEK" and stops (protocol-notes.md, gotcha 5). */
  private static final long NAT_D_DRAFT = 15;

  private final String where;
  private final JsonNode ours;
  private final Map<String, String> theirs;
  private final List<String> mismatches = new ArrayList<>();

  FrameComparison(String where, JsonNode ours, Map<String, String> theirs) {
    this.where = where;
    this.ours = ours;
    this.theirs = theirs;
  }

  List<String> compare() {
    String failedLayer = ours.has("error") ? ours.get("error").get("layer").asText() : null;
    compareIp();
    if (ours.has("udp.srcPort")) {
      same("udp.srcPort", ours.get("udp.srcPort").asLong(), number(first(theirs, "udp.srcport")));
      same("udp.dstPort", ours.get("udp.dstPort").asLong(), number(first(theirs, "udp.dstport")));
    }
    compareGre();
    if (failedLayer != null) {
      checkTsharkAlsoRejects(failedLayer);
    }
    if (ours.has("nhrp.op")) {
      compareNhrp();
    }
    if (ours.has("isakmp.exchange")) {
      compareIsakmp();
    }
    if (ours.has("esp.spi")) {
      same("esp.spi", ours.get("esp.spi").asText(), first(theirs, "esp.spi"));
      same("esp.seq", ours.get("esp.seq").asLong(), number(first(theirs, "esp.sequence")));
    }
    return mismatches;
  }

  private void compareIp() {
    if (!ours.has("ip.src")) {
      same("ip present", null, first(theirs, "ip.src") == null ? null : "ip");
      return;
    }
    same("ip.src", ours.get("ip.src").asText(), first(theirs, "ip.src"));
    same("ip.dst", ours.get("ip.dst").asText(), first(theirs, "ip.dst"));
    same("ip.proto", ours.get("ip.proto").asLong(), number(first(theirs, "ip.proto")));
    same("ip.ttl", ours.get("ip.ttl").asLong(), number(first(theirs, "ip.ttl")));
    same("ip.tos", ours.get("ip.tos").asLong(), number(first(theirs, "ip.dsfield")));
  }

  private void compareGre() {
    if (!ours.has("gre.protocolType")) {
      return;
    }
    JsonNode key = ours.get("gre.key");
    String theirKey = first(theirs, "gre.key");
    same("gre.key", key.isNull() ? null : key.asLong(), theirKey == null ? null : number(theirKey));
    same("gre.protocolType", ours.get("gre.protocolType").asText(), first(theirs, "gre.proto"));
  }

  private void checkTsharkAlsoRejects(String layer) {
    boolean malformed = !all(theirs, "_ws.malformed").isEmpty() || theirs.get("_ws.malformed") != null
        && !theirs.get("_ws.malformed").isEmpty();
    boolean layerAbsent = switch (layer) {
      case "nhrp" -> first(theirs, "nhrp.hdr.op.type") == null;
      case "isakmp" -> first(theirs, "isakmp.ispi") == null;
      case "esp" -> first(theirs, "esp.spi") == null;
      default -> false;
    };
    if (!malformed && !layerAbsent) {
      mismatches.add(where + ": we reject layer " + layer + " (" + ours.get("error") + ") but tshark decodes it"
          + " without a malformed mark");
    }
  }

  private void compareNhrp() {
    int op = (int) number(first(theirs, "nhrp.hdr.op.type"));
    same("nhrp.op", ours.get("nhrp.op").asText(), op >= 1 && op <= 8 ? NHRP_OPS[op] : "unknown-" + op);
    same("nhrp.hopCount", ours.get("nhrp.hopCount").asLong(), number(first(theirs, "nhrp.hdr.hopcnt")));
    if (ours.has("nhrp.flags")) {
      same("nhrp.flags", ours.get("nhrp.flags").asText(), first(theirs, "nhrp.flags"));
      same("nhrp.requestId", ours.get("nhrp.requestId").asLong(), number(first(theirs, "nhrp.reqid")));
    }
    same("nhrp.srcNbma", text(ours, "nhrp.srcNbma"), first(theirs, "nhrp.src.nbma.addr"));
    same("nhrp.srcProto", text(ours, "nhrp.srcProto"), first(theirs, "nhrp.src.prot.addr"));
    same("nhrp.dstProto", text(ours, "nhrp.dstProto"), first(theirs, "nhrp.dst.prot.addr"));
    compareCies();
    List<Long> types = new ArrayList<>();
    List<Long> lengths = new ArrayList<>();
    List<Long> compulsory = new ArrayList<>();
    for (JsonNode e : ours.get("nhrp.extensions")) {
      types.add(e.get("type").asLong());
      lengths.add(e.get("length").asLong());
      compulsory.add(e.get("compulsory").asBoolean() ? 1L : 0L);
    }
    same("nhrp.extensions.type", types, numbers(theirs, "nhrp.ext.type"));
    same("nhrp.extensions.length", lengths, numbers(theirs, "nhrp.ext.len"));
    same("nhrp.extensions.compulsory", compulsory, numbers(theirs, "nhrp.ext.c"));
    String password = text(ours, "nhrp.authPassword");
    same("nhrp.authPassword", password == null ? null : hexAscii(password), first(theirs, "nhrp.auth_ext.data"));
    same("nhrp.checksumValid", ours.get("nhrp.checksumValid").asBoolean(),
        "1".equals(first(theirs, "nhrp.hdr.chksum.status")));
  }

  /** tshark lists the CIE fields of the mandatory part and of every extension in one flat list, in wire order. */
  private void compareCies() {
    List<JsonNode> cies = new ArrayList<>();
    ours.path("nhrp.cies").forEach(cies::add);
    for (JsonNode e : ours.get("nhrp.extensions")) {
      e.path("cies").forEach(cies::add);
    }
    same("cie.code", cies.stream().map(c -> c.get("code").asLong()).toList(), numbers(theirs, "nhrp.code"));
    same("cie.prefixLength", cies.stream().map(c -> c.get("prefixLength").asLong()).toList(),
        numbers(theirs, "nhrp.prefix"));
    same("cie.mtu", cies.stream().map(c -> c.get("mtu").asLong()).toList(), numbers(theirs, "nhrp.mtu"));
    same("cie.holdTime", cies.stream().map(c -> c.get("holdTime").asLong()).toList(),
        numbers(theirs, "nhrp.htime"));
    same("cie.clientNbma", present(cies, "clientNbma"), all(theirs, "nhrp.client.nbma.addr"));
    same("cie.clientProto", present(cies, "clientProto"), all(theirs, "nhrp.client.prot.addr"));
  }

  private void compareIsakmp() {
    same("isakmp.initiatorCookie", ours.get("isakmp.initiatorCookie").asText(), first(theirs, "isakmp.ispi"));
    same("isakmp.responderCookie", ours.get("isakmp.responderCookie").asText(), first(theirs, "isakmp.rspi"));
    long exch = number(first(theirs, "isakmp.exchangetype"));
    same("isakmp.exchange", ours.get("isakmp.exchange").asText(), exchangeName(exch));
    same("isakmp.messageId", "0x" + ours.get("isakmp.messageId").asText(), first(theirs, "isakmp.messageid"));
    same("isakmp.encrypted", ours.get("isakmp.encrypted").asBoolean(),
        (number(first(theirs, "isakmp.flags")) & 1) == 1);
    List<Long> theirTypes = new ArrayList<>(numbers(theirs, "isakmp.typepayload"));
    List<Long> ourTypes = new ArrayList<>(flattenedPayloadTypes());
    int cut = ourTypes.indexOf(NAT_D_DRAFT);
    if (cut >= 0) {
      ourTypes = ourTypes.subList(0, cut + 1);
      theirTypes = theirTypes.subList(0, Math.min(theirTypes.size(), cut + 1));
    }
    same("isakmp.payloads (tshark typepayload, nested SA/P/T flattened)", ourTypes, theirTypes);
    List<String> vids = new ArrayList<>();
    ours.get("isakmp.vendorIds").forEach(v -> vids.add(v.asText()));
    same("isakmp.vendorIds", vids, all(theirs, "isakmp.vid_bytes"));
  }

  /** Our payload names back to type numbers, with proposals and transforms inside SA as tshark lists them. */
  private List<Long> flattenedPayloadTypes() {
    List<Long> out = new ArrayList<>();
    JsonNode nested = ours.path("isakmp.payloadTypes");
    nested.forEach(n -> out.add(n.asLong()));
    return out;
  }

  private static String exchangeName(long v) {
    return switch ((int) v) {
      case 2 -> "main-mode";
      case 4 -> "aggressive";
      case 5 -> "informational";
      case 6 -> "transaction";
      case 32 -> "quick-mode";
      default -> "unknown-" + v;
    };
  }

  private static List<String> present(List<JsonNode> cies, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : cies) {
      if (c.hasNonNull(field)) {
        out.add(c.get(field).asText());
      }
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static String hexAscii(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(String.format("%02x", (int) c));
    }
    return b.toString();
  }

  private void same(String field, Object ourValue, Object theirValue) {
    if (!Objects.equals(ourValue, theirValue)) {
      mismatches.add(where + " " + field + ": ours=" + ourValue + " tshark=" + theirValue);
    }
  }
}
