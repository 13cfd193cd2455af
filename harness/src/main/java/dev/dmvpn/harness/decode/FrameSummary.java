package dev.dmvpn.harness.decode;

import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.esp.EspPacket;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.nhrp.NhrpAddresses;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpMandatoryPart;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import java.util.StringJoiner;

/** One human-readable line per decoded frame, for the demo and for people reading a capture in a terminal. */
public final class FrameSummary {
  private FrameSummary() {}

  public static String describe(DecodedFrame f) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%4d  ", f.number()));
    if (f.ipv4() != null) {
      b.append(String.format("%-15s -> %-15s  ", f.ipv4().source(), f.ipv4().destination()));
    }
    if (f.nhrp() != null) {
      b.append(nhrp(f.nhrp()));
    } else if (f.isakmp() != null) {
      b.append(isakmp(f.isakmp(), f.natT()));
    } else if (f.esp() != null) {
      b.append(esp(f.esp()));
    } else if (f.ipv4() != null) {
      b.append("IPv4 protocol ").append(f.ipv4().protocol());
    } else if (f.arp() != null) {
      b.append("ARP");
    } else {
      b.append("non-IPv4 frame");
    }
    if (f.error() != null) {
      b.append("  DECODE ERROR ").append(f.error());
    }
    return b.toString();
  }

  private static String nhrp(NhrpPacket p) {
    StringBuilder b = new StringBuilder("NHRP ").append(p.type().name());
    b.append(" hop ").append(p.header().hopCount());
    if (p.body() instanceof NhrpMandatoryPart m) {
      NhrpAddresses a = m.addresses();
      b.append(" id ").append(m.requestId());
      b.append(" ").append(NhrpJson.addressText(a.srcProto())).append(" -> ").append(NhrpJson.addressText(a.dstProto()));
      NhrpCie c = m.cies().isEmpty() ? null : m.cies().get(0);
      if (c != null && c.clientProto().length > 0) {
        b.append(" answer ").append(NhrpJson.addressText(c.clientProto())).append('/').append(c.prefixLength());
        b.append(" at ").append(NhrpJson.addressText(c.clientNbma()));
      }
      if (c != null) {
        b.append(" hold ").append(c.holdTime());
      }
    }
    NhrpExtension.ForwardTransit fwd = p.extension(NhrpExtension.ForwardTransit.class);
    if (fwd != null && !fwd.cies().isEmpty()) {
      b.append(" via ").append(fwd.cies().size()).append(" NHS");
    }
    NhrpExtension.Authentication auth = p.extension(NhrpExtension.Authentication.class);
    if (auth != null) {
      b.append(" auth");
    }
    return b.toString();
  }

  private static String isakmp(IsakmpMessage m, boolean natT) {
    StringJoiner payloads = new StringJoiner(",", "[", "]");
    for (IsakmpPayload p : m.payloads()) {
      payloads.add(p.type().name());
    }
    return "ISAKMP " + m.header().exchangeType().name() + (natT ? " (NAT-T 4500)" : "")
        + " i-cookie " + m.header().initiatorCookieHex()
        + (m.encrypted() ? " encrypted" : " " + payloads);
  }

  private static String esp(EspPacket e) {
    return String.format("ESP spi 0x%08x seq %d", e.spi(), e.sequenceNumber());
  }
}
