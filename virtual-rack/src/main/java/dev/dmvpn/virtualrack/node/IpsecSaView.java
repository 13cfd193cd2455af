package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.ipsec.EspSa;
import dev.dmvpn.ref.ipsec.EspSaParameters;
import dev.dmvpn.ref.ipsec.IpsecSaDatabase;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.virtualrack.debug.IosTransformNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code show crypto ipsec sa} in the 12.3 layout of {@code ../shared/docs/ios-12.3-formats.md} ("show crypto
 * ipsec sa"): per protected tunnel {@code interface: Tunnel0} and {@code Crypto map tag: Tunnel0-head-0, local
 * addr. X}, then per peer the proxy identities (the GRE host pair, protocol 47, as the seed's debug shows them),
 * counters from the data plane (encaps/encrypt/digest = packets protected on the peer's outbound SAs,
 * decaps/decrypt/verify = packets opened on its inbound SAs), endpoints, the current outbound SPI, and the SAs with
 * the SPIs that are on the wire. Read on the node's scheduler.
 */
public final class IpsecSaView {
  private IpsecSaView() {}

  public static String render(DmvpnNode node, CryptoIds ids) {
    StringBuilder sb = new StringBuilder();
    for (TunnelInterface t : node.tunnels()) {
      if (t.protection() == null) {
        continue;
      }
      String tag = t.name() + "-head-0";
      Ipv4Address local = t.sourceAddress();
      sb.append("interface: ").append(t.name()).append('\n');
      sb.append("    Crypto map tag: ").append(tag).append(", local addr. ").append(local).append("\n\n");
      IpsecSaDatabase<ChildSa> sad = t.protection().dataPlane().sad();
      List<Ipv4Address> peers = new ArrayList<>(sad.peers());
      peers.sort(Comparator.comparingLong(a -> Integer.toUnsignedLong(a.bits())));
      for (Ipv4Address peer : peers) {
        peer(sb, tag, local, peer, sad, ids);
      }
    }
    return sb.toString();
  }

  private static void peer(StringBuilder sb, String tag, Ipv4Address local, Ipv4Address peer,
      IpsecSaDatabase<ChildSa> sad, CryptoIds ids) {
    List<IpsecSaDatabase.Entry<ChildSa>> entries = sad.entries(peer);
    long encaps = 0;
    long decaps = 0;
    for (IpsecSaDatabase.Entry<ChildSa> e : entries) {
      decaps += e.inbound().packets();
      encaps += e.outbound() == null ? 0 : e.outbound().packets();
    }
    IpsecSaDatabase.Entry<ChildSa> current = sad.outbound(peer);
    sb.append("   protected vrf:\n");
    sb.append("   local  ident (addr/mask/prot/port): (").append(local).append("/255.255.255.255/47/0)\n");
    sb.append("   remote ident (addr/mask/prot/port): (").append(peer).append("/255.255.255.255/47/0)\n");
    sb.append("   current_peer: ").append(peer).append(":500\n");
    sb.append("     PERMIT, flags={origin_is_acl,}\n");
    sb.append("    #pkts encaps: ").append(encaps).append(", #pkts encrypt: ").append(encaps)
        .append(", #pkts digest ").append(encaps).append('\n');
    sb.append("    #pkts decaps: ").append(decaps).append(", #pkts decrypt: ").append(decaps)
        .append(", #pkts verify ").append(decaps).append('\n');
    sb.append("    #pkts compressed: 0, #pkts decompressed: 0\n");
    sb.append("    #pkts not compressed: 0, #pkts compr. failed: 0\n");
    sb.append("    #pkts not decompressed: 0, #pkts decompress failed: 0\n");
    sb.append("    #send errors 0, #recv errors 0\n\n");
    sb.append("     local crypto endpt.: ").append(local).append(", remote crypto endpt.: ").append(peer)
        .append('\n');
    sb.append("     path mtu 1500, media mtu 1500\n");
    sb.append("     current outbound spi: ")
        .append(current == null ? "0" : hex(current.outbound().spi())).append("\n\n");
    sb.append("     inbound esp sas:\n");
    for (IpsecSaDatabase.Entry<ChildSa> e : entries) {
      sa(sb, e.inbound(), ids.ipsecPair(e.inbound().spi()), tag);
    }
    sb.append("\n     inbound ah sas:\n\n     inbound pcp sas:\n\n     outbound esp sas:\n");
    for (IpsecSaDatabase.Entry<ChildSa> e : entries) {
      if (e.outbound() != null) {
        sa(sb, e.outbound(), ids.ipsecPair(e.inbound().spi()) + 1, tag);
      }
    }
    sb.append("\n     outbound ah sas:\n\n     outbound pcp sas:\n\n");
  }

  private static void sa(StringBuilder sb, EspSa sa, int connId, String tag) {
    EspSaParameters p = sa.parameters();
    long kbUsed = (sa.bytes() + 1023) / 1024;
    long kbLeft = Math.max(0, p.lifetimeKilobytes() - kbUsed);
    long secLeft = Math.max(0, p.lifetimeSeconds() - sa.ageSeconds());
    sb.append("      spi: 0x").append(hex(p.spi())).append('(').append(Integer.toUnsignedString(p.spi()))
        .append(")\n");
    sb.append("        transform: ").append(IosTransformNames.of(p)).append(" ,\n");
    sb.append("        in use settings ={").append(p.mode() == EspMode.TRANSPORT ? "Transport" : "Tunnel")
        .append(", }\n");
    sb.append("        slot: 0, conn id: ").append(connId).append(", flow_id: ")
        .append(connId - CryptoIds.FIRST_IPSEC + 1).append(", crypto map: ").append(tag).append('\n');
    sb.append("        sa timing: remaining key lifetime (k/sec): (").append(kbLeft).append('/').append(secLeft)
        .append(")\n");
    sb.append("        IV size: ").append(IosTransformNames.ivBytes(p.encryption())).append(" bytes\n");
    sb.append("        replay detection support: Y\n");
  }

  private static String hex(int v) {
    return String.format(Locale.ROOT, "%X", v);
  }
}
