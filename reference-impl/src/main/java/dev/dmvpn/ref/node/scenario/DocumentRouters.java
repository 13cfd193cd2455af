package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IpsecProfile;
import dev.dmvpn.ref.ike.TransformSet;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeRoute;
import dev.dmvpn.ref.node.TunnelConfig;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The document's three routers as {@link DmvpnNode}s on a {@link DocumentWan}, configured as printed, with the
 * gaps the seed README lists filled and named here:
 *
 * <ul>
 *   <li>sv9-2 (hub): Fa0/0 209.168.202.225/27, Fa0/1 1.1.1.1/24, Tunnel0 192.168.1.1/24, {@code ip nhrp map
 *       multicast dynamic}; its crypto section is missing from the text: it gets the spokes' (filled gap). Its
 *       default route goes to the WAN router 209.168.202.254 instead of the unreachable 10.66.79.193 (filled gap).
 *   <li>sv9-3: Fa0/0 209.168.202.131/27 and Fa0/1 2.2.2.2/24 (cut from the text; filled by analogy), Tunnel0
 *       192.168.1.2/24.
 *   <li>sv9-4: Fa0/0 209.168.202.130/27, Fa0/1 3.3.3.3/24, Tunnel0 192.168.1.3/24.
 *   <li>Every tunnel: {@code tunnel key 0} (K bit with key 0), {@code ip mtu 1440}, {@code ip nhrp
 *       authentication cisco123}, {@code network-id 1}, holdtime 7200; spokes: {@code ip nhrp map 192.168.1.1
 *       209.168.202.225}, {@code map multicast 209.168.202.225}, {@code nhs 192.168.1.1}; crypto: ISAKMP policy
 *       10 (DES, MD5, group 1, pre-share), key cisco123 for 0.0.0.0/0, transform set strong (esp-3des
 *       esp-md5-hmac; no {@code mode} line, so tunnel mode, "encaps is 1" in the document's debug; {@link
 *       #build(Scheduler, DocumentWan, long, EspMode)} gives all three {@code mode transport} instead), profile
 *       cisco with lifetime 120 s.
 *   <li>All three run the image given to {@link #build(Scheduler, DocumentWan, long, IosImage)}; by default the
 *       document's 12.3(3) ({@link IosImage#IOS_12_3_3}).
 *   <li>EIGRP 90 is not run. The routes it would install are added with origin EIGRP: on the hub each spoke's LAN
 *       via that spoke's tunnel address; on the spokes the hub's LAN and the other spoke's LAN via the hub's
 *       tunnel address 192.168.1.1 (the hub has {@code no ip split-horizon eigrp 90} but keeps next-hop-self,
 *       so the spokes learn the other spoke's LAN via the hub: that is what makes the first pings go through the
 *       hub and triggers the NHRP resolution of phase 2).
 * </ul>
 */
public final class DocumentRouters {
  public static final Ipv4Address HUB_TUNNEL = Ipv4Address.parse("192.168.1.1");
  public static final Ipv4Address SV9_3_TUNNEL = Ipv4Address.parse("192.168.1.2");
  public static final Ipv4Address SV9_4_TUNNEL = Ipv4Address.parse("192.168.1.3");
  public static final Ipv4Address HUB_LAN = Ipv4Address.parse("1.1.1.1");
  public static final Ipv4Address SV9_3_LAN = Ipv4Address.parse("2.2.2.2");
  public static final Ipv4Address SV9_4_LAN = Ipv4Address.parse("3.3.3.3");
  public static final String TUNNEL = "Tunnel0";
  public static final String PUBLIC_IF = "FastEthernet0/0";
  public static final String LAN_IF = "FastEthernet0/1";

  private final DmvpnNode hub;
  private final DmvpnNode sv93;
  private final DmvpnNode sv94;

  private DocumentRouters(DmvpnNode hub, DmvpnNode sv93, DmvpnNode sv94) {
    this.hub = hub;
    this.sv93 = sv93;
    this.sv94 = sv94;
  }

  /** Builds the three routers on {@code wan}; {@code seed} makes their IKE cookies, nonces and IVs repeatable. */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed) {
    return build(scheduler, wan, seed, IosImage.DEFAULT, UnaryOperator.identity());
  }

  /** The routers with transform set strong in {@code mode} (tunnel as printed, or {@code mode transport}). */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed, EspMode mode) {
    return build(scheduler, wan, seed, IosImage.DEFAULT, ike -> withMode(ike, mode));
  }

  /** The routers with each one's document IKE configuration changed by {@code crypto} (tests: NAT-T, modes). */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed,
      UnaryOperator<IkeConfig> crypto) {
    return build(scheduler, wan, seed, IosImage.DEFAULT, crypto);
  }

  /** The three routers running {@code image} (the document's is {@link IosImage#IOS_12_3_3}). */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed, IosImage image) {
    return build(scheduler, wan, seed, image, UnaryOperator.identity());
  }

  /** The three routers running {@code image}, each one's IKE configuration (after the image's) changed by {@code crypto}. */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed, IosImage image,
      UnaryOperator<IkeConfig> crypto) {
    DmvpnNode hub = router("sv9-2", scheduler, seed, 2, image, wan.hubSegment(), DocumentWan.HUB, "1.1.1.1/24",
        NhrpConfig.builder("192.168.1.1/24", "209.168.202.225"), DocumentWan.hubGateway(), crypto);
    DmvpnNode sv93 = router("sv9-3", scheduler, seed, 3, image, wan.spokeSegment(), DocumentWan.SPOKE_SV9_3,
        "2.2.2.2/24", spoke(NhrpConfig.builder("192.168.1.2/24", "209.168.202.131")), DocumentWan.spokeGateway(),
        crypto);
    DmvpnNode sv94 = router("sv9-4", scheduler, seed, 4, image, wan.spokeSegment(), DocumentWan.SPOKE_SV9_4,
        "3.3.3.3/24", spoke(NhrpConfig.builder("192.168.1.3/24", "209.168.202.130")), DocumentWan.spokeGateway(),
        crypto);
    eigrp(hub, "2.2.2.0/24", SV9_3_TUNNEL);
    eigrp(hub, "3.3.3.0/24", SV9_4_TUNNEL);
    eigrp(sv93, "1.1.1.0/24", HUB_TUNNEL);
    eigrp(sv93, "3.3.3.0/24", HUB_TUNNEL);
    eigrp(sv94, "1.1.1.0/24", HUB_TUNNEL);
    eigrp(sv94, "2.2.2.0/24", HUB_TUNNEL);
    return new DocumentRouters(hub, sv93, sv94);
  }

  private static NhrpConfig.Builder spoke(NhrpConfig.Builder b) {
    return b.map("192.168.1.1", "209.168.202.225").multicast("209.168.202.225").nhs("192.168.1.1");
  }

  private static DmvpnNode router(String name, Scheduler scheduler, long seed, int index, IosImage image,
      VirtualSegment segment, InterfaceAddress publicAddress, String lan, NhrpConfig.Builder nhrp,
      Ipv4Address gateway, UnaryOperator<IkeConfig> crypto) {
    DmvpnNode node =
        new DmvpnNode(name, scheduler, RandomSource.of(new SplittableRandom(seed * 31 + index)), image);
    MacAddress mac = MacAddress.parse("02:00:00:00:09:0" + index);
    node.addPhysical(PUBLIC_IF, segment.attach(name + "/Fa0/0", mac), publicAddress);
    node.addLan(LAN_IF, InterfaceAddress.parse(lan));
    NhrpConfig config = nhrp.authentication("cisco123").networkId(1).holdtime(7200).multicastDynamic()
        .options(image.nhrp()).build();
    node.addTunnel(TunnelConfig.of(TUNNEL, PUBLIC_IF, 0L, 1440, config,
        crypto.apply(image.applyTo(IkeConfig.document(publicAddress.address())))));
    node.addStaticRoute(Ipv4Prefix.DEFAULT, gateway);
    return node;
  }

  /** {@code ike} with transform set strong in {@code mode}. */
  public static IkeConfig withMode(IkeConfig ike, EspMode mode) {
    IpsecProfile p = ike.profile();
    return ike.withProfile(new IpsecProfile(p.name(), List.of(TransformSet.document().withMode(mode)),
        p.lifetimeSeconds(), p.lifetimeKilobytes(), p.pfsGroup()));
  }

  private static void eigrp(DmvpnNode node, String prefix, Ipv4Address nextHop) {
    node.addRoute(Ipv4Prefix.parse(prefix), nextHop, NodeRoute.Origin.EIGRP);
  }

  /** sv9-2, the hub. */
  public DmvpnNode hub() {
    return hub;
  }

  /** sv9-3, the spoke with 2.2.2.2 (the ping target). */
  public DmvpnNode sv93() {
    return sv93;
  }

  /** sv9-4, the spoke with 3.3.3.3 (the pinger). */
  public DmvpnNode sv94() {
    return sv94;
  }
}
