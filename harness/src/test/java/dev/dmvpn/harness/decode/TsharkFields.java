package dev.dmvpn.harness.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tshark fields the cross-check compares, and small parsers for tshark's text forms. */
final class TsharkFields {
  static final List<String> OPTIONS = List.of("nhrp.auth_ext_has_addr:FALSE");
  static final List<String> FIELDS = List.of(
      "frame.number", "_ws.malformed", "ip.src", "ip.dst", "ip.proto", "ip.ttl", "ip.dsfield",
      "udp.srcport", "udp.dstport", "gre.key", "gre.proto",
      "nhrp.hdr.op.type", "nhrp.hdr.hopcnt", "nhrp.flags", "nhrp.reqid", "nhrp.src.nbma.addr",
      "nhrp.src.prot.addr", "nhrp.dst.prot.addr", "nhrp.code", "nhrp.prefix", "nhrp.mtu", "nhrp.htime",
      "nhrp.client.nbma.addr", "nhrp.client.prot.addr", "nhrp.ext.type", "nhrp.ext.len", "nhrp.ext.c",
      "nhrp.auth_ext.data", "nhrp.hdr.chksum.status",
      "isakmp.ispi", "isakmp.rspi", "isakmp.exchangetype", "isakmp.flags", "isakmp.messageid",
      "isakmp.typepayload", "isakmp.vid_bytes", "esp.spi", "esp.sequence");

  private TsharkFields() {}

  static List<String> all(Map<String, String> row, String field) {
    String v = row.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isEmpty()) {
      return out;
    }
    for (String s : v.split(",")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  static String first(Map<String, String> row, String field) {
    List<String> a = all(row, field);
    return a.isEmpty() ? null : a.get(0);
  }

  /** tshark prints numbers as decimal or 0x-hex depending on the field. */
  static long number(String s) {
    return s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
  }

  static List<Long> numbers(Map<String, String> row, String field) {
    return all(row, field).stream().map(TsharkFields::number).toList();
  }
}
