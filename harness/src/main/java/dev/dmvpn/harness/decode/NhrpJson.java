package dev.dmvpn.harness.decode;

import dev.dmvpn.harness.json.JsonBytes;
import dev.dmvpn.ref.nhrp.NhrpAddresses;
import dev.dmvpn.ref.nhrp.NhrpBody;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpErrorIndication;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpMandatoryPart;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpTrafficIndication;
import java.util.List;

/** The {@code nhrp.*} fields of the decode output. */
final class NhrpJson {
  private NhrpJson() {}

  static void write(JsonBytes w, NhrpPacket p) {
    w.field("nhrp.op", p.type().name());
    w.field("nhrp.hopCount", p.header().hopCount());
    NhrpBody body = p.body();
    if (body instanceof NhrpMandatoryPart m) {
      w.name("nhrp.flags").hex("0x", m.flags(), 4);
      w.field("nhrp.requestId", m.requestId());
      addresses(w, m.addresses());
      w.name("nhrp.cies");
      cies(w, m.cies());
    } else if (body instanceof NhrpErrorIndication e) {
      w.field("nhrp.errorCode", e.errorCode().value());
      w.field("nhrp.errorOffset", e.errorOffset());
      addresses(w, e.addresses());
    } else if (body instanceof NhrpTrafficIndication t) {
      w.field("nhrp.trafficCode", t.trafficCode());
      addresses(w, t.addresses());
    }
    extensions(w, p.extensions());
    w.field("nhrp.checksumValid", p.checksumValid());
  }

  private static void addresses(JsonBytes w, NhrpAddresses a) {
    address(w.name("nhrp.srcNbma"), a.srcNbma());
    address(w.name("nhrp.srcProto"), a.srcProto());
    address(w.name("nhrp.dstProto"), a.dstProto());
  }

  static void cies(JsonBytes w, List<NhrpCie> cies) {
    w.beginArray();
    for (NhrpCie c : cies) {
      w.beginObject();
      w.field("code", c.code().value());
      w.field("prefixLength", c.prefixLength());
      w.field("mtu", c.mtu());
      w.field("holdTime", c.holdTime());
      address(w.name("clientNbma"), c.clientNbma());
      address(w.name("clientProto"), c.clientProto());
      w.endObject();
    }
    w.endArray();
  }

  private static void extensions(JsonBytes w, List<NhrpExtension> extensions) {
    w.name("nhrp.extensions").beginArray();
    String password = null;
    for (NhrpExtension e : extensions) {
      w.beginObject();
      w.field("type", typeValue(e));
      w.field("name", e.type().name());
      w.field("compulsory", e.compulsory());
      w.field("length", e.valueLength());
      List<NhrpCie> cies = extensionCies(e);
      if (cies != null) {
        w.name("cies");
        cies(w, cies);
      }
      w.endObject();
      if (e instanceof NhrpExtension.Authentication a && password == null) {
        password = a.password();
      }
    }
    w.endArray();
    if (password != null) {
      w.field("nhrp.authPassword", password);
    }
  }

  /** The CIEs an extension carries (Responder Address, transit records, Cisco NAT), or null. */
  private static List<NhrpCie> extensionCies(NhrpExtension e) {
    if (e instanceof NhrpExtension.ResponderAddress x) {
      return x.cies();
    } else if (e instanceof NhrpExtension.ForwardTransit x) {
      return x.cies();
    } else if (e instanceof NhrpExtension.ReverseTransit x) {
      return x.cies();
    } else if (e instanceof NhrpExtension.CiscoNat x) {
      return x.cies();
    }
    return null;
  }

  private static int typeValue(NhrpExtension e) {
    return e instanceof NhrpExtension.Unknown u ? u.typeValue() : e.type().value();
  }

  /** Dotted quad for 4-byte addresses, hex for other lengths, null when absent (length 0). */
  static String addressText(byte[] b) {
    if (b == null || b.length == 0) {
      return null;
    }
    return b.length == 4 ? dev.dmvpn.ref.bytes.Ipv4Address.fromBytes(b).toString() : dev.dmvpn.ref.bytes.Hex.of(b);
  }

  /** {@link #addressText} written straight into the JSON bytes. */
  static void address(JsonBytes w, byte[] b) {
    if (b == null || b.length == 0) {
      w.nullValue();
    } else if (b.length == 4) {
      w.ipv4(b, 0);
    } else {
      w.hex(b);
    }
  }
}
