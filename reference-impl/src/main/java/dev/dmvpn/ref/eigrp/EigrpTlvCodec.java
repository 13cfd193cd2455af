package dev.dmvpn.ref.eigrp;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;

/** One TLV at a time for {@link EigrpCodec}. Each read consumes exactly the TLV's Length (at least 4 bytes). */
final class EigrpTlvCodec {
  private EigrpTlvCodec() {}

  static EigrpTlv read(ByteReader r) {
    int start = r.offset();
    EigrpTlvType type = EigrpTlvType.valueOf(r.u16("TLV type"));
    int length = r.u16("TLV length");
    if (length < 4) {
      throw r.failAt(start + 2, "TLV " + type + " length " + length + " is shorter than its own header");
    }
    ByteReader v = r.slice(length - 4, "value of TLV " + type + " (length " + length + ")");
    return switch (type.value()) {
      case 0x0001 -> parameters(v, type, length);
      case 0x0003 -> sequence(v);
      case 0x0004 -> softwareVersion(v, type, length);
      case 0x0005 -> nextMulticast(v, type, length);
      case 0x0102 -> internal(v);
      case 0x0103 -> external(v);
      default -> new UnknownTlv(type, v.rest());
    };
  }

  private static void exact(ByteReader v, EigrpTlvType type, int length, int expected) {
    if (length != expected) {
      throw v.fail("TLV " + type + " has length " + length + ", expected " + expected);
    }
  }

  private static ParameterTlv parameters(ByteReader v, EigrpTlvType type, int length) {
    exact(v, type, length, ParameterTlv.LENGTH);
    KValues k = new KValues(v.u8("K1"), v.u8("K2"), v.u8("K3"), v.u8("K4"), v.u8("K5"));
    return new ParameterTlv(k, v.u8("K6"), v.u16("hold time"));
  }

  private static SoftwareVersionTlv softwareVersion(ByteReader v, EigrpTlvType type, int length) {
    exact(v, type, length, SoftwareVersionTlv.LENGTH);
    return new SoftwareVersionTlv(v.u8("OS major"), v.u8("OS minor"), v.u8("TLV major"), v.u8("TLV minor"));
  }

  private static NextMulticastSequenceTlv nextMulticast(ByteReader v, EigrpTlvType type, int length) {
    exact(v, type, length, NextMulticastSequenceTlv.LENGTH);
    return new NextMulticastSequenceTlv(v.u32("next multicast sequence"));
  }

  private static SequenceTlv sequence(ByteReader v) {
    List<Ipv4Address> out = new ArrayList<>();
    while (v.hasRemaining()) {
      int at = v.offset();
      int len = v.u8("sequence TLV address length");
      byte[] a = v.bytes(len, "sequence TLV address");
      if (len != 4) {
        throw v.failAt(at, "sequence TLV address length " + len + " is not 4 (IPv4)");
      }
      out.add(Ipv4Address.fromBytes(a));
    }
    return new SequenceTlv(out);
  }

  private static VectorMetric metric(ByteReader v) {
    long delay = v.u32("delay");
    long bandwidth = v.u32("bandwidth");
    int mtu = v.u24("MTU");
    int hops = v.u8("hop count");
    return new VectorMetric(delay, bandwidth, mtu, hops, v.u8("reliability"), v.u8("load"));
  }

  private static Ipv4Prefix destination(ByteReader v) {
    int at = v.offset();
    int length = v.u8("prefix length");
    if (length > 32) {
      throw v.failAt(at, "prefix length " + length + " is more than 32");
    }
    byte[] b = v.bytes(RouteTlv.destinationBytes(length), "destination (" + length + " bits)");
    int bits = 0;
    for (int i = 0; i < 4; i++) {
      bits = bits << 8 | (i < b.length ? b[i] & 0xFF : 0);
    }
    // bytes after the destination (IOS packs none; tolerated as padding) are skipped with the TLV
    return new Ipv4Prefix(new Ipv4Address(bits), length);
  }

  private static InternalRouteTlv internal(ByteReader v) {
    Ipv4Address nextHop = Ipv4Address.fromBytes(v.bytes(4, "next hop"));
    VectorMetric m = metric(v);
    int tag = v.u8("internal tag");
    int flags = v.u8("flags");
    return new InternalRouteTlv(nextHop, m, tag, flags, destination(v));
  }

  private static ExternalRouteTlv external(ByteReader v) {
    Ipv4Address nextHop = Ipv4Address.fromBytes(v.bytes(4, "next hop"));
    Ipv4Address origin = Ipv4Address.fromBytes(v.bytes(4, "originating router"));
    long as = v.u32("originating AS");
    long tag = v.u32("arbitrary tag");
    long extMetric = v.u32("external protocol metric");
    v.u16("reserved");
    int protocol = v.u8("external protocol");
    int flags = v.u8("flags");
    VectorMetric m = metric(v);
    int reserved = v.u16("reserved after metric");
    return new ExternalRouteTlv(nextHop, origin, as, tag, extMetric, protocol, flags, m, reserved, destination(v));
  }

  static void write(EigrpTlv t, ByteWriter w) {
    w.u16(t.type().value());
    if (t instanceof ParameterTlv p) {
      KValues k = p.kValues();
      w.u16(ParameterTlv.LENGTH).u8(k.k1()).u8(k.k2()).u8(k.k3()).u8(k.k4()).u8(k.k5()).u8(p.k6())
          .u16(p.holdTimeSeconds());
    } else if (t instanceof SoftwareVersionTlv s) {
      w.u16(SoftwareVersionTlv.LENGTH).u8(s.osMajor()).u8(s.osMinor()).u8(s.tlvMajor()).u8(s.tlvMinor());
    } else if (t instanceof NextMulticastSequenceTlv n) {
      w.u16(NextMulticastSequenceTlv.LENGTH).u32(n.sequence());
    } else if (t instanceof SequenceTlv s) {
      w.u16(s.length());
      s.addresses().forEach(a -> w.u8(4).bytes(a.toBytes()));
    } else if (t instanceof InternalRouteTlv i) {
      w.u16(i.length()).bytes(i.nextHop().toBytes());
      metric(i.metric(), w);
      w.u8(i.tag()).u8(i.flags());
      destination(i.destination(), w);
    } else if (t instanceof ExternalRouteTlv e) {
      external(e, w);
    } else {
      byte[] value = ((UnknownTlv) t).value();
      w.u16(4 + value.length).bytes(value);
    }
  }

  private static void external(ExternalRouteTlv e, ByteWriter w) {
    w.u16(e.length()).bytes(e.nextHop().toBytes()).bytes(e.originatingRouter().toBytes())
        .u32(e.originatingAs()).u32(e.arbitraryTag()).u32(e.externalMetric()).u16(0).u8(e.externalProtocol())
        .u8(e.flags());
    metric(e.metric(), w);
    w.u16(e.reserved());
    destination(e.destination(), w);
  }

  private static void metric(VectorMetric m, ByteWriter w) {
    w.u32(m.delay()).u32(m.bandwidth()).u24(m.mtu()).u8(m.hopCount()).u8(m.reliability()).u8(m.load());
  }

  private static void destination(Ipv4Prefix p, ByteWriter w) {
    w.u8(p.length()).bytes(p.network().toBytes(), 0, RouteTlv.destinationBytes(p.length()));
  }
}
