package dev.dmvpn.harness.decode;

import dev.dmvpn.harness.json.JsonBytes;
import dev.dmvpn.harness.json.JsonName;
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
  private static final JsonName NHRP_OP = JsonName.of("nhrp.op");
  private static final JsonName NHRP_HOP_COUNT = JsonName.of("nhrp.hopCount");
  private static final JsonName NHRP_FLAGS = JsonName.of("nhrp.flags");
  private static final JsonName NHRP_REQUEST_ID = JsonName.of("nhrp.requestId");
  private static final JsonName NHRP_CIES = JsonName.of("nhrp.cies");
  private static final JsonName NHRP_ERROR_CODE = JsonName.of("nhrp.errorCode");
  private static final JsonName NHRP_ERROR_OFFSET = JsonName.of("nhrp.errorOffset");
  private static final JsonName NHRP_TRAFFIC_CODE = JsonName.of("nhrp.trafficCode");
  private static final JsonName NHRP_CHECKSUM_VALID = JsonName.of("nhrp.checksumValid");
  private static final JsonName NHRP_SRC_NBMA = JsonName.of("nhrp.srcNbma");
  private static final JsonName NHRP_SRC_PROTO = JsonName.of("nhrp.srcProto");
  private static final JsonName NHRP_DST_PROTO = JsonName.of("nhrp.dstProto");
  private static final JsonName CODE = JsonName.of("code");
  private static final JsonName PREFIX_LENGTH = JsonName.of("prefixLength");
  private static final JsonName MTU = JsonName.of("mtu");
  private static final JsonName HOLD_TIME = JsonName.of("holdTime");
  private static final JsonName CLIENT_NBMA = JsonName.of("clientNbma");
  private static final JsonName CLIENT_PROTO = JsonName.of("clientProto");
  private static final JsonName NHRP_EXTENSIONS = JsonName.of("nhrp.extensions");
  private static final JsonName TYPE = JsonName.of("type");
  private static final JsonName NAME = JsonName.of("name");
  private static final JsonName COMPULSORY = JsonName.of("compulsory");
  private static final JsonName LENGTH = JsonName.of("length");
  private static final JsonName CIES = JsonName.of("cies");
  private static final JsonName NHRP_AUTH_PASSWORD = JsonName.of("nhrp.authPassword");

  private NhrpJson() {}

  static void write(JsonBytes w, NhrpPacket p) {
    w.field(NHRP_OP, p.type().name());
    w.field(NHRP_HOP_COUNT, p.header().hopCount());
    NhrpBody body = p.body();
    if (body instanceof NhrpMandatoryPart m) {
      w.name(NHRP_FLAGS).hex("0x", m.flags(), 4);
      w.field(NHRP_REQUEST_ID, m.requestId());
      addresses(w, m.addresses());
      w.name(NHRP_CIES);
      cies(w, m.cies());
    } else if (body instanceof NhrpErrorIndication e) {
      w.field(NHRP_ERROR_CODE, e.errorCode().value());
      w.field(NHRP_ERROR_OFFSET, e.errorOffset());
      addresses(w, e.addresses());
    } else if (body instanceof NhrpTrafficIndication t) {
      w.field(NHRP_TRAFFIC_CODE, t.trafficCode());
      addresses(w, t.addresses());
    }
    extensions(w, p.extensions());
    w.field(NHRP_CHECKSUM_VALID, p.checksumValid());
  }

  private static void addresses(JsonBytes w, NhrpAddresses a) {
    address(w.name(NHRP_SRC_NBMA), a.srcNbma());
    address(w.name(NHRP_SRC_PROTO), a.srcProto());
    address(w.name(NHRP_DST_PROTO), a.dstProto());
  }

  static void cies(JsonBytes w, List<NhrpCie> cies) {
    w.beginArray();
    for (NhrpCie c : cies) {
      w.beginObject();
      w.field(CODE, c.code().value());
      w.field(PREFIX_LENGTH, c.prefixLength());
      w.field(MTU, c.mtu());
      w.field(HOLD_TIME, c.holdTime());
      address(w.name(CLIENT_NBMA), c.clientNbma());
      address(w.name(CLIENT_PROTO), c.clientProto());
      w.endObject();
    }
    w.endArray();
  }

  private static void extensions(JsonBytes w, List<NhrpExtension> extensions) {
    w.name(NHRP_EXTENSIONS).beginArray();
    String password = null;
    for (NhrpExtension e : extensions) {
      w.name(extensionPrefix(typeValue(e), e.type().name(), e.compulsory()));
      w.value(e.valueLength());
      List<NhrpCie> cies = extensionCies(e);
      if (cies != null) {
        w.name(CIES);
        cies(w, cies);
      }
      w.endObject();
      if (e instanceof NhrpExtension.Authentication a && password == null) {
        password = a.password();
      }
    }
    w.endArray();
    if (password != null) {
      w.field(NHRP_AUTH_PASSWORD, password);
    }
  }

  /** Prefixes by type value and compulsory bit for the common types; each checked against the name it holds. */
  private static final ExtensionPrefix[] PREFIXES = new ExtensionPrefix[2 * 16];

  /** {@code {"type":T,"name":"N","compulsory":C,"length":} written once per kind of extension, then copied. */
  private record ExtensionPrefix(int type, String name, boolean compulsory, JsonName bytes) {}

  private static JsonName extensionPrefix(int type, String name, boolean compulsory) {
    int slot = type >= 0 && type < 16 ? 2 * type + (compulsory ? 1 : 0) : -1;
    ExtensionPrefix p = slot < 0 ? null : PREFIXES[slot];
    if (p != null && p.name().equals(name)) {
      return p.bytes();
    }
    JsonBytes b = new JsonBytes(64);
    b.beginObject().field(TYPE, type).field(NAME, name).field(COMPULSORY, compulsory).name(LENGTH);
    JsonName bytes = b.toPrefix();
    if (slot >= 0) {
      PREFIXES[slot] = new ExtensionPrefix(type, name, compulsory, bytes); // a benign race: records are immutable
    }
    return bytes;
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
