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
import dev.dmvpn.ref.config.EigrpNetwork;
import dev.dmvpn.ref.eigrp.EigrpRouterConfig;
import dev.dmvpn.ref.node.EigrpSetup;
import dev.dmvpn.ref.node.TunnelConfig;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.Ipv4Prefix;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *   <li>EIGRP 90 runs on every router ({@link dev.dmvpn.ref.node.NodeEigrp}): the hub as printed ({@code network
 *       1.1.1.0 0.0.0.255}, {@code network 192.168.1.0}, {@code no auto-summary}, {@code no ip split-horizon eigrp
 *       90} on Tunnel0); the spokes' sections are cut from the text and filled like the hub's with their own LAN
 *       ({@code network 2.2.2.0 0.0.0.255} / {@code 3.3.3.0 0.0.0.255}, {@code network 192.168.1.0}, {@code no
 *       auto-summary}; filled gap, as in the test resources' sv9-3.ios / sv9-4.ios). The hub keeps next-hop-self
 *       (the 12.3 default; the document has no {@code no ip next-hop-self eigrp 90}), so each spoke learns the
 *       other spoke's LAN via 192.168.1.1: the first pings go through the hub and the spoke resolves the
 *       destination itself (the seed's Resolution Request for 2.2.2.2), as in the document's debugs.
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
  public static final int EIGRP_AS = 90;

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
    return build(scheduler, wan, seed, IosImage.DEFAULT, UnaryOperator.identity(), true);
  }

  /** The routers with transform set strong in {@code mode} (tunnel as printed, or {@code mode transport}). */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed, EspMode mode) {
    return build(scheduler, wan, seed, IosImage.DEFAULT, ike -> withMode(ike, mode), true);
  }

  /** The routers with each one's document IKE configuration changed by {@code crypto} (tests: NAT-T, modes). */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed,
      UnaryOperator<IkeConfig> crypto) {
    return build(scheduler, wan, seed, IosImage.DEFAULT, crypto, true);
  }

  /** The three routers running {@code image} (the document's is {@link IosImage#IOS_12_3_3}). */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed, IosImage image) {
    return build(scheduler, wan, seed, image, UnaryOperator.identity(), true);
  }

  /**
   * {@link #build} with or without EIGRP: without, the routers have connected and default routes only (for tests
   * of the tunnel's multicast path that send their own hellos and count every copy).
   */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed, boolean runEigrp) {
    return build(scheduler, wan, seed, IosImage.DEFAULT, UnaryOperator.identity(), runEigrp);
  }

  /**
   * The three routers running {@code image}, each one's IKE configuration (after the image's) changed by
   * {@code crypto}, with EIGRP 90 as the document's or without routing protocol.
   */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed, IosImage image,
      UnaryOperator<IkeConfig> crypto, boolean runEigrp) {
    return build(scheduler, wan, seed, image, crypto, runEigrp, RouterChange.none());
  }

  /**
   * The document's routers with one router's configuration changed by {@code change} (the negative cases: wrong
   * pre-shared key, NHRP authentication, network-id, tunnel key, transform set, mode), EIGRP 90 as the document's.
   */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed, RouterChange change) {
    return build(scheduler, wan, seed, IosImage.DEFAULT, UnaryOperator.identity(), true, change);
  }

  /** {@link #build(Scheduler, DocumentWan, long, IosImage, UnaryOperator, boolean)} with {@code change} applied. */
  public static DocumentRouters build(Scheduler scheduler, DocumentWan wan, long seed, IosImage image,
      UnaryOperator<IkeConfig> crypto, boolean runEigrp, RouterChange change) {
    DmvpnNode hub = router("sv9-2", scheduler, seed, 2, image, wan.hubSegment(), DocumentWan.HUB, "1.1.1.1/24",
        NhrpConfig.builder("192.168.1.1/24", "209.168.202.225"), DocumentWan.hubGateway(), crypto, change);
    DmvpnNode sv93 = router("sv9-3", scheduler, seed, 3, image, wan.spokeSegment(), DocumentWan.SPOKE_SV9_3,
        "2.2.2.2/24", spoke(NhrpConfig.builder("192.168.1.2/24", "209.168.202.131")), DocumentWan.spokeGateway(),
        crypto, change);
    DmvpnNode sv94 = router("sv9-4", scheduler, seed, 4, image, wan.spokeSegment(), DocumentWan.SPOKE_SV9_4,
        "3.3.3.3/24", spoke(NhrpConfig.builder("192.168.1.3/24", "209.168.202.130")), DocumentWan.spokeGateway(),
        crypto, change);
    if (!runEigrp) {
      return new DocumentRouters(hub, sv93, sv94);
    }
    hub.enableEigrp(eigrp("1.1.1.0", Map.of(TUNNEL, EigrpSetup.InterfaceOptions.DEFAULTS.withSplitHorizon(false))));
    sv93.enableEigrp(eigrp("2.2.2.0", Map.of()));
    sv94.enableEigrp(eigrp("3.3.3.0", Map.of()));
    return new DocumentRouters(hub, sv93, sv94);
  }

  private static NhrpConfig.Builder spoke(NhrpConfig.Builder b) {
    return b.map("192.168.1.1", "209.168.202.225").multicast("209.168.202.225").nhs("192.168.1.1");
  }

  private static DmvpnNode router(String name, Scheduler scheduler, long seed, int index, IosImage image,
      VirtualSegment segment, InterfaceAddress publicAddress, String lan, NhrpConfig.Builder nhrp,
      Ipv4Address gateway, UnaryOperator<IkeConfig> crypto, RouterChange change) {
    boolean changed = change.appliesTo(name);
    DmvpnNode node =
        new DmvpnNode(name, scheduler, RandomSource.of(new SplittableRandom(seed * 31 + index)), image);
    MacAddress mac = MacAddress.parse("02:00:00:00:09:0" + index);
    node.addPhysical(PUBLIC_IF, segment.attach(name + "/Fa0/0", mac), publicAddress);
    node.addLan(LAN_IF, InterfaceAddress.parse(lan));
    NhrpConfig.Builder lines = nhrp.authentication("cisco123").networkId(1).holdtime(7200).multicastDynamic()
        .options(image.nhrp());
    NhrpConfig config = (changed ? change.nhrp().apply(lines) : lines).build();
    IkeConfig ike = crypto.apply(image.applyTo(IkeConfig.document(publicAddress.address())));
    node.addTunnel(TunnelConfig.of(TUNNEL, PUBLIC_IF, change.keyFor(name, 0L), 1440, config,
        changed ? change.crypto().apply(ike) : ike));
    node.addStaticRoute(Ipv4Prefix.DEFAULT, gateway);
    return node;
  }

  /** {@code ike} with transform set strong in {@code mode}. */
  public static IkeConfig withMode(IkeConfig ike, EspMode mode) {
    IpsecProfile p = ike.profile();
    return ike.withProfile(new IpsecProfile(p.name(), List.of(TransformSet.document().withMode(mode)),
        p.lifetimeSeconds(), p.lifetimeKilobytes(), p.pfsGroup()));
  }

  /** {@code router eigrp 90} / {@code network <lan> 0.0.0.255} / {@code network 192.168.1.0} / {@code no auto-summary}. */
  private static EigrpSetup eigrp(String lan, Map<String, EigrpSetup.InterfaceOptions> options) {
    return new EigrpSetup(EigrpRouterConfig.of(EIGRP_AS, false), List.of(
        new EigrpNetwork(Ipv4Address.parse(lan), Ipv4Address.parse("0.0.0.255")),
        new EigrpNetwork(Ipv4Address.parse("192.168.1.0"), null)), Set.of(), options);
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
