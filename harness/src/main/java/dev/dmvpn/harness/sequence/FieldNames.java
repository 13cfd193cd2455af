package dev.dmvpn.harness.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The field names a matcher may test: those {@code dmvpn-harness decode} prints (ARCHITECTURE.md, "Decode
 * output"), flattened with {@code [i]} for list elements and {@code .length} for list sizes, plus the derived
 * fields of {@link FrameView}. Indices are written {@code [0]}, {@code [*]} or {@code [last]}; this table uses
 * {@code []}.
 */
final class FieldNames {
  private static final List<String> CIE = List.of("code", "prefixLength", "mtu", "holdTime", "clientNbma",
      "clientProto");
  private static final Set<String> KNOWN = build();

  private FieldNames() {}

  private static Set<String> build() {
    Set<String> s = new TreeSet<>(List.of(
        "frame", "time", "len",
        "ip.src", "ip.dst", "ip.proto", "ip.ttl", "ip.tos",
        "udp.srcPort", "udp.dstPort",
        "gre.key", "gre.protocolType",
        "inner.ip.src", "inner.ip.dst", "inner.ip.proto",
        "nhrp.op", "nhrp.hopCount", "nhrp.flags", "nhrp.requestId", "nhrp.srcNbma", "nhrp.srcProto",
        "nhrp.dstProto", "nhrp.errorCode", "nhrp.errorOffset", "nhrp.trafficCode", "nhrp.authPassword",
        "nhrp.checksumValid",
        "nhrp.extensions[].type", "nhrp.extensions[].name", "nhrp.extensions[].compulsory",
        "nhrp.extensions[].length", "nhrp.extensions.length",
        "isakmp.initiatorCookie", "isakmp.responderCookie", "isakmp.exchange", "isakmp.messageId",
        "isakmp.encrypted", "isakmp.decrypted", "isakmp.payloads[]", "isakmp.payloads.length",
        "isakmp.payloadTypes[]", "isakmp.payloadTypes.length", "isakmp.vendorIds[]", "isakmp.vendorIds.length",
        "isakmp.natT",
        "esp.spi", "esp.seq", "esp.decryption", "esp.nextHeader",
        "error.layer", "error.offset", "error.message",
        // derived (FrameView): not printed by decode
        "isakmp.message", "isakmp.mmMessage", "isakmp.qmMessage", "isakmp.retransmission",
        "icmp.type", "icmp.code"));
    for (String list : List.of("nhrp.cies", "nhrp.extensions[].cies", "nhrp.forwardTransit", "nhrp.reverseTransit",
        "nhrp.responderAddress", "nhrp.ciscoNat")) {
      s.add(list + ".length");
      for (String c : CIE) {
        s.add(list + "[]." + c);
      }
    }
    return s;
  }

  /** The name with every index ({@code [3]}, {@code [*]}, {@code [last]}) written {@code []}. */
  static String normalize(String field) {
    return field.replaceAll("\\[(\\d+|\\*|last)]", "[]");
  }

  static boolean known(String field) {
    return KNOWN.contains(normalize(field));
  }

  /** Known names that look like {@code field} (case and underscores ignored), for "did you mean" hints. */
  static List<String> suggestions(String field) {
    String want = squash(normalize(field));
    List<String> out = new ArrayList<>();
    for (String k : KNOWN) {
      if (squash(k).equals(want)) {
        out.add(k);
      }
    }
    if (out.isEmpty()) {
      String last = want.substring(want.lastIndexOf('.') + 1);
      for (String k : KNOWN) {
        if (squash(k).endsWith("." + last) && !last.isEmpty()) {
          out.add(k);
        }
      }
    }
    return out;
  }

  private static String squash(String s) {
    return s.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
