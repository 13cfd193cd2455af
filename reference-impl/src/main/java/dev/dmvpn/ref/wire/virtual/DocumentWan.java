package dev.dmvpn.ref.wire.virtual;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.VirtualRouter;

/**
 * The public side of the DMVPN document as a virtual network: the hub's segment 209.168.202.224/27 (sv9-2
 * Fa0/0 at .225), the spokes' segment 209.168.202.128/27 (sv9-4 at .130, sv9-3 at .131), and the router the
 * document does not show between them. The router takes the last usable address of each /27: .254 on the hub
 * side and .158 on the spoke side (the document's {@code show ip route} sample names .158 as a gateway of last
 * resort). Nodes attach their own ports to the two segments and use the router as default gateway.
 */
public final class DocumentWan {
  public static final InterfaceAddress HUB = InterfaceAddress.parse("209.168.202.225/27");
  public static final InterfaceAddress SPOKE_SV9_4 = InterfaceAddress.parse("209.168.202.130/27");
  public static final InterfaceAddress SPOKE_SV9_3 = InterfaceAddress.parse("209.168.202.131/27");
  public static final InterfaceAddress ROUTER_HUB_SIDE = InterfaceAddress.parse("209.168.202.254/27");
  public static final InterfaceAddress ROUTER_SPOKE_SIDE = InterfaceAddress.parse("209.168.202.158/27");
  /** Locally administered MACs of the router's two interfaces. */
  public static final MacAddress ROUTER_HUB_SIDE_MAC = MacAddress.parse("02:00:00:00:fe:01");

  public static final MacAddress ROUTER_SPOKE_SIDE_MAC = MacAddress.parse("02:00:00:00:fe:02");

  private final VirtualSegment hubSegment;
  private final VirtualSegment spokeSegment;
  private final VirtualRouter router;

  private DocumentWan(VirtualSegment hub, VirtualSegment spokes, VirtualRouter router) {
    this.hubSegment = hub;
    this.spokeSegment = spokes;
    this.router = router;
  }

  /** Two learning-switch segments (seeds {@code seed} and {@code seed + 1}) and the router between them. */
  public static DocumentWan create(Scheduler scheduler, long seed) {
    VirtualSegment hub = new VirtualSegment("wan-hub", scheduler, VirtualSegment.Mode.LEARNING_SWITCH, seed);
    VirtualSegment spokes =
        new VirtualSegment("wan-spokes", scheduler, VirtualSegment.Mode.LEARNING_SWITCH, seed + 1);
    VirtualRouter router = new VirtualRouter("wan", scheduler);
    router.addInterface("hub-side", hub.attach("wan/hub-side", ROUTER_HUB_SIDE_MAC), ROUTER_HUB_SIDE);
    router.addInterface("spoke-side", spokes.attach("wan/spoke-side", ROUTER_SPOKE_SIDE_MAC),
        ROUTER_SPOKE_SIDE);
    return new DocumentWan(hub, spokes, router);
  }

  /** The hub's default gateway. */
  public static Ipv4Address hubGateway() {
    return ROUTER_HUB_SIDE.address();
  }

  /** The spokes' default gateway. */
  public static Ipv4Address spokeGateway() {
    return ROUTER_SPOKE_SIDE.address();
  }

  public VirtualSegment hubSegment() {
    return hubSegment;
  }

  public VirtualSegment spokeSegment() {
    return spokeSegment;
  }

  public VirtualRouter router() {
    return router;
  }
}
