package dev.dmvpn.ref.l2l3;

import dev.dmvpn.ref.bytes.ByteReader;
import dev.dmvpn.ref.bytes.ByteWriter;
import dev.dmvpn.ref.bytes.DecodeResult;
import java.util.ArrayList;
import java.util.List;

/** Decodes and encodes {@link EthernetFrame}s (layer name "ethernet"). */
public final class EthernetCodec {
  public static final String LAYER = "ethernet";

  private EthernetCodec() {}

  /** Decodes the MAC header, any VLAN tags, and takes every remaining byte as payload. Never throws. */
  public static DecodeResult<EthernetFrame> decode(ByteReader r) {
    return DecodeResult.guard(LAYER, r, () -> read(r));
  }

  public static DecodeResult<EthernetFrame> decode(byte[] frame) {
    return decode(ByteReader.of(frame));
  }

  public static void encode(EthernetFrame f, ByteWriter w) {
    f.destination().write(w);
    f.source().write(w);
    for (VlanTag tag : f.vlanTags()) {
      w.u16(tag.tpid().value()).u16(tag.tci());
    }
    w.u16(f.etherType().value()).bytes(f.payloadSlice());
  }

  public static byte[] encode(EthernetFrame f) {
    ByteWriter w = new ByteWriter(f.headerLength() + f.payloadSlice().length());
    encode(f, w);
    return w.toByteArray();
  }

  private static EthernetFrame read(ByteReader r) {
    MacAddress dst = MacAddress.read(r, "destination address");
    MacAddress src = MacAddress.read(r, "source address");
    int type = r.u16("ethertype");
    List<VlanTag> tags = null;
    // each tag consumes 4 bytes, so a frame of nothing but tags ends in a truncation error, never a hang
    while (EtherType.isVlanTpid(type)) {
      int tci = r.u16("802.1Q tag control information");
      if (tags == null) {
        tags = new ArrayList<>(2);
      }
      tags.add(new VlanTag(EtherType.valueOf(type), tci));
      type = r.u16("ethertype after 802.1Q tag");
    }
    return new EthernetFrame(dst, src, tags == null ? List.of() : tags, EtherType.valueOf(type), r.restView());
  }
}
