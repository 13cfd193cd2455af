package dev.dmvpn.virtualrack.debug;

import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.ref.isakmp.VendorIdPayload;
import dev.dmvpn.virtualrack.node.CryptoIds;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the {@code debug crypto} printers share for one tunnel: the switches, the crypto engine's ids, where lines
 * go, each ISAKMP SA's progress ({@link IsakmpSteps}), and the recurring line shapes ({@code ISAKMP (0:N): } heads,
 * {@code Input = ...} / {@code Old State = ... New State = ...} pairs, {@code received packet from} / {@code sending
 * packet to}, the key lookup, vendor IDs). IOS's memory addresses ({@code sa = 63B38288}) have no counterpart: a
 * stand-in of the same shape is derived from the SA's cookie. Used on the node's scheduler only.
 */
final class IsakmpLines {
  private final String tunnelName;
  private final DebugSwitches switches;
  private final CryptoIds ids;
  final Consumer<String> out;
  private final Map<IkeSa, IsakmpSteps> steps = new IdentityHashMap<>();

  IsakmpLines(String tunnelName, DebugSwitches switches, CryptoIds ids, Consumer<String> out) {
    this.tunnelName = tunnelName;
    this.switches = switches;
    this.ids = ids;
    this.out = out;
  }

  boolean isakmp() {
    return switches.isOn(DebugFlag.CRYPTO_ISAKMP);
  }

  boolean ipsec() {
    return switches.isOn(DebugFlag.CRYPTO_IPSEC);
  }

  CryptoIds ids() {
    return ids;
  }

  IsakmpSteps steps(IkeSa sa) {
    return steps.computeIfAbsent(sa, k -> new IsakmpSteps());
  }

  void forget(IkeSa sa) {
    steps.remove(sa);
  }

  String head(IkeSa sa) {
    return "ISAKMP (0:" + ids.isakmp(sa) + "): ";
  }

  void state(IkeSa sa, String input, String oldState, String newState) {
    out.accept(head(sa) + "Input = " + input);
    out.accept(head(sa) + "Old State = " + oldState + " New State = " + newState);
  }

  void node(IkeSa sa, int mid, String input, String oldState, String newState) {
    out.accept(head(sa) + "Node " + mid + ", Input = " + input);
    out.accept(head(sa) + "Old State = " + oldState + " New State = " + newState);
  }

  static String pointer(IkeSa sa) {
    return String.format(Locale.ROOT, "%08X", 0x60000000 | ((int) sa.initiatorCookie() & 0x0FFFFFF8));
  }

  static String role(IkeSa sa) {
    return sa.isInitiator() ? "(I)" : "(R)";
  }

  String receivedFrom(IkeSa sa, String state) {
    return head(sa) + "received packet from " + sa.peerAddress() + " dport 500 sport " + sa.peerPort()
        + " Global " + role(sa) + " " + state;
  }

  String sendingTo(IkeSa sa, String state) {
    return head(sa) + "sending packet to " + sa.peerAddress() + " my_port 500 peer_port " + sa.peerPort() + " "
        + role(sa) + " " + state;
  }

  void keyFound(IkeSa sa) {
    out.accept("ISAKMP: Looking for a matching key for " + sa.peerAddress() + " in default : success");
    out.accept(head(sa) + "found peer pre-shared key matching " + sa.peerAddress());
  }

  void vendorIds(IkeSa sa, List<IsakmpPayload> p) {
    long senderCookie = sa.isInitiator() ? sa.responderCookie() : sa.initiatorCookie();
    for (IsakmpPayload x : p) {
      if (x instanceof VendorIdPayload v) {
        IsakmpText.vendorId(head(sa), v, senderCookie).forEach(out);
      }
    }
  }

  void keiProxy() {
    for (int i = 0; i < 2; i++) {
      out.accept("IPSEC(kei_proxy): head = " + tunnelName + "-head-0, map->ivrf = , kei->ivrf = ");
    }
  }

  static TransformPayload firstTransform(List<IsakmpPayload> p) {
    for (IsakmpPayload x : p) {
      if (x instanceof SaPayload s && !s.proposals().isEmpty()) {
        ProposalPayload pp = s.proposals().get(0);
        return pp.transforms().isEmpty() ? null : pp.transforms().get(0);
      }
    }
    return null;
  }

  static int ourSpi(List<IsakmpPayload> p) {
    for (IsakmpPayload x : p) {
      if (x instanceof SaPayload s && !s.proposals().isEmpty() && s.proposals().get(0).spi().length == 4) {
        byte[] b = s.proposals().get(0).spi();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
      }
    }
    return 0;
  }
}
