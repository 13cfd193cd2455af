package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.ike.ChildSa;
import dev.dmvpn.ref.ike.IkeListener;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.ipsec.EspSaParameters;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.virtualrack.node.CryptoIds;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code debug crypto isakmp} and {@code debug crypto ipsec} for one protected tunnel, printed when the node
 * reports an ISAKMP SA authenticated and an IPsec SA pair installed, in the words of the document's ISAKMP and
 * IPsec debugs (seed, sv9-4 as responder and sv9-3 as initiator): {@code ISAKMP (0:N): SA has been authenticated
 * with P}, the {@code Creating IPsec SAs} block with SPIs, conn ids and lifetimes, then {@code IPSEC(key_engine)},
 * {@code IPSEC(initialize_sas)} inbound and outbound, {@code IPSEC(kei_proxy)} twice, {@code IPSEC(add mtree)} and
 * {@code IPSEC(create_sa)} for both SAs. The message-by-message Main Mode and Quick Mode lines are not printed:
 * the node reports outcomes, not messages. Continuation lines are part of one debug message, as IOS prints them
 * (the seed shows them unstamped).
 */
final class CryptoDebug implements IkeListener {
  private final TunnelInterface tunnel;
  private final DebugSwitches switches;
  private final CryptoIds ids;
  private final Consumer<String> out;

  private CryptoDebug(TunnelInterface tunnel, DebugSwitches switches, CryptoIds ids, Consumer<String> out) {
    this.tunnel = tunnel;
    this.switches = switches;
    this.ids = ids;
    this.out = out;
  }

  static void attach(TunnelInterface tunnel, DebugSwitches switches, CryptoIds ids, Consumer<String> out) {
    tunnel.protection().addObserver(new CryptoDebug(tunnel, switches, ids, out));
  }

  private String head(IkeSa sa) {
    return "ISAKMP (0:" + ids.isakmp(sa) + "): ";
  }

  @Override
  public void phase1Up(IkeSa sa) {
    int id = ids.isakmp(sa); // numbered when authenticated, whether or not debugging is on
    if (switches.isOn(DebugFlag.CRYPTO_ISAKMP)) {
      out.accept("ISAKMP (0:" + id + "): SA has been authenticated with " + sa.peerAddress());
    }
  }

  @Override
  public void phase2Up(IkeSa sa, ChildSa child) {
    int inId = ids.ipsecPair(child.inbound().spi());
    int outId = inId + 1;
    Ipv4Address local = sa.localAddress();
    Ipv4Address peer = sa.peerAddress();
    EspSaParameters in = child.inbound();
    EspSaParameters o = child.outbound();
    if (switches.isOn(DebugFlag.CRYPTO_ISAKMP)) {
      out.accept(head(sa) + "Creating IPsec SAs");
      out.accept("        inbound SA from " + peer + " to " + local + " (f/i) 0/ 0\n"
          + "        (proxy " + peer + " to " + local + ")");
      out.accept("        has spi 0x" + hex(in.spi()) + " and conn_id " + inId + " and flags 2");
      lifetimes(in);
      out.accept("        outbound SA from " + local + " to " + peer + " (f/i) 0/ 0 (proxy " + local + " to "
          + peer + ")");
      // the seed prints the outbound SPI in signed decimal: 1849847934 on sv9-4, -359889983 on sv9-3
      out.accept("        has spi " + o.spi() + " and conn_id " + outId + " and flags A");
      lifetimes(o);
    }
    if (switches.isOn(DebugFlag.CRYPTO_IPSEC)) {
      out.accept("IPSEC(key_engine): got a queue event...");
      out.accept(initialize("INBOUND", local, peer, in, inId, "0x2"));
      out.accept(initialize("OUTBOUND", local, peer, o, outId, "0xA"));
      String head = tunnel.name() + "-head-0";
      for (int i = 0; i < 2; i++) {
        out.accept("IPSEC(kei_proxy): head = " + head + ", map->ivrf = , kei->ivrf = ");
      }
      out.accept("IPSEC(add mtree): src " + local + ", dest " + peer + ", dest_port 0");
      out.accept(created(local, in, inId));
      out.accept(created(peer, o, outId));
    }
  }

  private void lifetimes(EspSaParameters p) {
    out.accept("        lifetime of " + p.lifetimeSeconds() + " seconds");
    out.accept("        lifetime of " + p.lifetimeKilobytes() + " kilobytes");
    out.accept("        has client flags 0x0");
  }

  private static String initialize(String direction, Ipv4Address local, Ipv4Address peer, EspSaParameters p,
      int connId, String flags) {
    return "IPSEC(initialize_sas): ,\n"
        + "  (key eng. msg.) " + direction + " local= " + local + ", remote= " + peer + ",\n"
        + "    local_proxy= " + local + "/0.0.0.0/47/0 (type=1),\n"
        + "    remote_proxy= " + peer + "/0.0.0.0/47/0 (type=1),\n"
        + "    protocol= ESP, transform= " + IosTransformNames.of(p) + " ,\n"
        + "    lifedur= " + p.lifetimeSeconds() + "s and " + p.lifetimeKilobytes() + "kb,\n"
        + "    spi= " + spi(p.spi()) + ", conn_id= " + connId + ", keysize= 0, flags= " + flags;
  }

  private static String created(Ipv4Address dest, EspSaParameters p, int connId) {
    return "IPSEC(create_sa): sa created,\n"
        + "  (sa) sa_dest= " + dest + ", sa_prot= 50,\n"
        + "    sa_spi= " + spi(p.spi()) + ",\n"
        + "    sa_trans= " + IosTransformNames.of(p) + " , sa_conn_id= " + connId;
  }

  /** {@code 0xEA8C83C1(3935077313)}: hex and unsigned decimal. */
  static String spi(int spi) {
    return "0x" + hex(spi) + "(" + Integer.toUnsignedString(spi) + ")";
  }

  static String hex(int v) {
    return String.format(Locale.ROOT, "%X", v);
  }
}
