package dev.dmvpn.harness.sequence;

/**
 * Short descriptions of frames for the report and the diagram: which frames are relevant to a DMVPN check (NHRP,
 * ISAKMP, ESP, ICMP) and a one-line label of the protocol fields that tell them apart.
 */
public final class FrameLabels {
  private FrameLabels() {}

  /** NHRP, ISAKMP, ESP (or ESP-in-UDP) or ICMP, with an IPv4 header to draw it between two hosts. */
  static boolean relevant(FrameView f) {
    return f.source() != null && f.destination() != null
        && (f.has("nhrp.op") || f.has("isakmp.exchange") || f.has("esp.spi") || f.has("icmp.type"));
  }

  /** E.g. {@code NHRP resolution-request hop 254 id 6}, {@code ISAKMP MM3}, {@code ESP 0x1a2b3c4d #12}. */
  static String label(FrameView f) {
    StringBuilder b = new StringBuilder();
    if (f.has("esp.spi")) {
      b.append("ESP ").append(f.get("esp.spi")).append(" #").append(Values.text(f.get("esp.seq")));
      if (f.has("nhrp.op") || f.has("icmp.type")) {
        b.append(": ");
      }
    }
    if (f.has("nhrp.op")) {
      b.append("NHRP ").append(f.get("nhrp.op")).append(" hop ").append(Values.text(f.get("nhrp.hopCount")));
      if (f.has("nhrp.requestId")) {
        b.append(" id ").append(Values.text(f.get("nhrp.requestId")));
      }
    } else if (f.has("isakmp.exchange")) {
      b.append("ISAKMP ").append(isakmp(f));
      if (Boolean.TRUE.equals(f.get("isakmp.retransmission"))) {
        b.append(" (again)");
      }
    } else if (f.has("icmp.type")) {
      b.append("ICMP ").append(f.get("icmp.type"));
      if (f.has("inner.ip.src")) {
        b.append(' ').append(f.get("inner.ip.src")).append(" > ").append(f.get("inner.ip.dst"));
      }
    }
    return b.toString();
  }

  private static String isakmp(FrameView f) {
    if (f.has("isakmp.mmMessage")) {
      return "MM" + Values.text(f.get("isakmp.mmMessage"));
    }
    if (f.has("isakmp.qmMessage")) {
      return "QM" + Values.text(f.get("isakmp.qmMessage"));
    }
    return f.get("isakmp.exchange") + " " + Values.text(f.get("isakmp.message"));
  }

  /** The label with the addresses: {@code 172.16.25.2 -> 172.16.15.2 NHRP ...}. */
  public static String line(FrameView f) {
    String l = relevant(f) ? label(f) : "ip.proto " + Values.text(f.get("ip.proto"));
    return f.source() == null ? "(no IPv4)" : f.source() + " -> " + f.destination() + "  " + l;
  }
}
