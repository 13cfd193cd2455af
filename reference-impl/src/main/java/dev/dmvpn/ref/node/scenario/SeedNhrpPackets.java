package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import java.util.ArrayList;
import java.util.List;

/**
 * Every NHRP packet the document's {@code debug nhrp} output prints around {@code ping 2.2.2.2} on sv9-4 (seed,
 * "NHRP Debugs"), as wire packets: kind, sender, receiver and NHRP length ("packet size" / "bytes out" is the NHRP
 * packet length, {@code ar$pktsz}). Each packet is printed by its sender and its receiver; both lines are cited.
 *
 * <p>{@link #check} compares them with the Resolution Requests and Replies on the spokes' segment (which carries
 * all of them), decrypted: the same packets in the same order, nothing else, except the hub's forwarding of
 * sv9-4's retransmission, which happens after the hub's excerpt ends ("06:03:42.010 Receive Resolution Request"
 * is its last packet line). sv9-3 prints its own request before the forwarded one: the two cross on the wire,
 * and the order of a router's send and an arrival it has not seen yet is not checked.
 */
public final class SeedNhrpPackets {
  public static final Ipv4Address HUB = Ipv4Address.parse("209.168.202.225");
  public static final Ipv4Address SV9_3 = Ipv4Address.parse("209.168.202.131");
  public static final Ipv4Address SV9_4 = Ipv4Address.parse("209.168.202.130");
  /** The seed's gap between sv9-4's request and its retransmission (02:06:01.679 to 02:06:03.507). */
  public static final double SEED_RETRANSMISSION_SECONDS = 1.828;

  /**
   * One NHRP packet of the seed's debugs.
   *
   * @param label what it is, for reports
   * @param type Resolution Request or Reply
   * @param from sender's NBMA address
   * @param to receiver's NBMA address
   * @param size NHRP length in bytes
   * @param seed the debug lines that print it
   */
  public record Expected(String label, NhrpPacketType type, Ipv4Address from, Ipv4Address to, int size,
      String seed) {
    /** Whether {@code f} is this packet: kind, outer source and destination, NHRP length. */
    public boolean matches(DecodedFrame f) {
      return f.nhrp() != null && f.ipv4() != null && f.nhrp().type().equals(type)
          && f.ipv4().source().equals(from) && f.ipv4().destination().equals(to)
          && f.nhrp().header().packetSize() == size;
    }

    @Override
    public String toString() {
      return label + " (" + type.name() + " " + from + " -> " + to + ", " + size + " bytes)";
    }
  }

  public static final Expected REQUEST = new Expected("sv9-4's Resolution Request for 2.2.2.2 to the hub",
      NhrpPacketType.RESOLUTION_REQUEST, SV9_4, HUB, 84,
      "sv9-4 02:06:01.679 Send Resolution Request ... packet size: 84; sv9-2 06:03:40.182 Receive Resolution"
          + " Request ... packet size: 84, nbma dst:209.168.202.130");
  public static final Expected FORWARDED = new Expected("the hub forwards it to sv9-3",
      NhrpPacketType.RESOLUTION_REQUEST, HUB, SV9_3, 104,
      "sv9-2 Forwarding Resolution Request via Tunnel0, packet size: 104, Tunnel IP addr 209.168.202.131; sv9-3"
          + " Receive Resolution Request via Tunnel0, packet size: 104 (then Delaying ... need to wait for IPsec SAs)");
  public static final Expected SV9_3_REQUEST = new Expected("sv9-3's Resolution Request for 192.168.1.3",
      NhrpPacketType.RESOLUTION_REQUEST, SV9_3, HUB, 84,
      "sv9-3 Send Resolution Request via Tunnel0, packet size: 84, src: 192.168.1.2; sv9-2 Receive Resolution"
          + " Request ... packet size: 84, nbma dst:209.168.202.131");
  public static final Expected HUB_REPLY = new Expected("the hub answers it from its registrations",
      NhrpPacketType.RESOLUTION_REPLY, HUB, SV9_3, 112,
      "sv9-2 nhrp_cache_lookup_comp returned 0x63DE9498, Send Resolution Reply via Tunnel0, packet size: 112;"
          + " sv9-3 Receive Resolution Reply via Tunnel0, packet size: 112");
  public static final Expected RETRANSMISSION = new Expected("sv9-4 retransmits its request",
      NhrpPacketType.RESOLUTION_REQUEST, SV9_4, HUB, 84,
      "sv9-4 02:06:03.507 Send Resolution Request ... packet size: 84; sv9-2 06:03:42.010 Receive Resolution"
          + " Request ... packet size: 84");
  public static final Expected FORWARDED_AGAIN = new Expected("the hub forwards the retransmission (after the"
      + " seed's hub excerpt)", NhrpPacketType.RESOLUTION_REQUEST, HUB, SV9_3, 104, "none: the hub's excerpt ends");
  public static final Expected DIRECT_REPLY = new Expected("sv9-3 answers sv9-4 directly",
      NhrpPacketType.RESOLUTION_REPLY, SV9_3, SV9_4, 132,
      "sv9-3 05:31:13 Process delayed resolution request src:192.168.1.3 dst:2.2.2.2; sv9-4 02:06:03.511 Receive"
          + " Resolution Reply via Tunnel0, packet size: 132");

  /** In wire order (as the hub prints them, then sv9-4's reply). */
  public static final List<Expected> ALL =
      List.of(REQUEST, FORWARDED, SV9_3_REQUEST, HUB_REPLY, RETRANSMISSION, FORWARDED_AGAIN, DIRECT_REPLY);

  private SeedNhrpPackets() {}

  /**
   * The first resolution packets on the spokes' segment against {@link #ALL}: one problem line per difference
   * (empty = the seed's packets, in its order, with nothing else), plus the retransmission being the first one.
   */
  public static List<String> check(List<DecodedFrame> spokeSegment) {
    List<DecodedFrame> seen = new ArrayList<>();
    for (DecodedFrame f : spokeSegment) {
      if (f.nhrp() != null && (f.nhrp().type().equals(NhrpPacketType.RESOLUTION_REQUEST)
          || f.nhrp().type().equals(NhrpPacketType.RESOLUTION_REPLY)) && seen.size() < ALL.size()) {
        seen.add(f);
      }
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < ALL.size(); i++) {
      Expected e = ALL.get(i);
      if (i >= seen.size()) {
        problems.add("missing: " + e);
      } else if (!e.matches(seen.get(i))) {
        problems.add("expected " + e + ", saw frame " + seen.get(i).number() + ": " + describe(seen.get(i)));
      }
    }
    if (problems.isEmpty()) {
      double gap = (seen.get(4).frame().timestampNanos() - seen.get(0).frame().timestampNanos()) / 1e9;
      // The first retransmission (2 s nominal), not a later one (+4 s); scaled real time runs timers late.
      if (gap < 1.5 || gap >= 4.0) {
        problems.add("retransmission after " + gap + " s, the seed shows " + SEED_RETRANSMISSION_SECONDS + " s");
      }
    }
    return problems;
  }

  /** A frame as kind, direction and size. */
  public static String describe(DecodedFrame f) {
    return f.nhrp().type().name() + " " + f.ipv4().source() + " -> " + f.ipv4().destination() + ", "
        + f.nhrp().header().packetSize() + " bytes";
  }
}
