package dev.dmvpn.virtualrack.node;

import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.nhrp.engine.NhrpCounters;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.TunnelInterface;

/**
 * {@code show ip nhrp traffic} in the 12.x layout: per tunnel its name, then sent and received counts of
 * requests (resolution), replies (resolution), registrations and error indications, from the engine's counters
 * [layout from the Cisco IOS 12.2 IP command reference sample ({@code Request packets sent: 2} ...); 12.4(9)T and
 * later print {@code Tunnel0: Max-send limit:...} and {@code Sent: Total N}; unconfirmed for 12.3(3)]. Registration
 * requests and replies both count as "Register" in their direction, as the sample's single Register pair implies.
 */
public final class NhrpTrafficView {
  private NhrpTrafficView() {}

  public static String render(DmvpnNode node) {
    StringBuilder sb = new StringBuilder();
    for (TunnelInterface t : node.tunnels()) {
      NhrpCounters c = t.nhrp().counters();
      sb.append(t.name()).append('\n');
      line(sb, "Request packets sent", c.sent(NhrpPacketType.RESOLUTION_REQUEST));
      line(sb, "Request packets received", c.received(NhrpPacketType.RESOLUTION_REQUEST));
      line(sb, "Reply packets sent", c.sent(NhrpPacketType.RESOLUTION_REPLY));
      line(sb, "Reply packets received", c.received(NhrpPacketType.RESOLUTION_REPLY));
      line(sb, "Register packets sent", c.sent(NhrpPacketType.REGISTRATION_REQUEST)
          + c.sent(NhrpPacketType.REGISTRATION_REPLY));
      line(sb, "Register packets received", c.received(NhrpPacketType.REGISTRATION_REQUEST)
          + c.received(NhrpPacketType.REGISTRATION_REPLY));
      line(sb, "Error packets sent", c.sent(NhrpPacketType.ERROR_INDICATION));
      line(sb, "Error packets received", c.received(NhrpPacketType.ERROR_INDICATION));
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String what, long n) {
    sb.append("   ").append(what).append(": ").append(n).append('\n');
  }
}
