package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.ip.VirtualRouter;
import dev.dmvpn.ref.wire.virtual.VirtualSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The WAN of a rack made from any testbed: one learning-switch segment per public subnet, joined by one WAN router
 * holding each subnet's gateway address (the devices' {@code default_gateway}), as {@link
 * dev.dmvpn.ref.wire.virtual.DocumentWan} does for the document's two /27s. A router's public interface plugs into
 * the segment whose subnet holds its address.
 */
public final class SubnetWan implements WanAttachment {
  private final List<InterfaceAddress> gateways;
  private final List<VirtualSegment> segments;
  private final VirtualRouter router;

  private SubnetWan(List<InterfaceAddress> gateways, List<VirtualSegment> segments, VirtualRouter router) {
    this.gateways = gateways;
    this.segments = segments;
    this.router = router;
  }

  /**
   * Segments for the subnets of {@code gateways} (each the WAN router's address there, e.g. 172.16.0.254/16); two
   * gateways in overlapping subnets are refused.
   */
  public static SubnetWan create(Scheduler scheduler, long seed, List<InterfaceAddress> gateways) {
    List<VirtualSegment> segments = new ArrayList<>();
    VirtualRouter router = new VirtualRouter("wan", scheduler);
    for (int i = 0; i < gateways.size(); i++) {
      InterfaceAddress g = gateways.get(i);
      for (int j = 0; j < i; j++) {
        InterfaceAddress o = gateways.get(j);
        if (o.subnet().contains(g.address()) || g.subnet().contains(o.address())) {
          throw new IllegalArgumentException("WAN gateways " + o + " and " + g + " are in overlapping subnets");
        }
      }
      VirtualSegment s = new VirtualSegment("wan-" + i, scheduler, VirtualSegment.Mode.LEARNING_SWITCH, seed + i);
      router.addInterface("side-" + i, s.attach("wan/side-" + i,
          MacAddress.parse(String.format("02:00:00:00:fe:%02x", (i + 1) & 0xFF))), g);
      segments.add(s);
    }
    return new SubnetWan(List.copyOf(gateways), List.copyOf(segments), router);
  }

  @Override
  public VirtualSegment segmentFor(InterfaceAddress address) {
    for (int i = 0; i < gateways.size(); i++) {
      if (gateways.get(i).subnet().contains(address.address())) {
        return segments.get(i);
      }
    }
    return null;
  }

  public List<VirtualSegment> segments() {
    return segments;
  }

  public VirtualRouter router() {
    return router;
  }
}
