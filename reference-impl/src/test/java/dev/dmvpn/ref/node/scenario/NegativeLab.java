package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.capture.decrypt.KeyedFrameDecryptor;
import dev.dmvpn.ref.ike.IkeSa;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.PayloadType;
import dev.dmvpn.ref.nhrp.NhrpPacketType;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.NodeEvent;
import dev.dmvpn.ref.node.NodeEventKind;
import dev.dmvpn.ref.node.Pinger;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.ref.time.SimulatedScheduler;
import dev.dmvpn.ref.wire.virtual.DocumentWan;
import dev.dmvpn.ref.wire.virtual.FaultProfile;
import dev.dmvpn.ref.wire.virtual.MemoryTap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The document's three routers on a simulated clock with one configuration line changed ({@link RouterChange}),
 * memory taps on both WAN segments, and the questions the negative cases ask: what each router holds (NHRP
 * cache, registration, ISAKMP and IPsec SAs, events) and what crossed the hub's segment (decoded, ESP and
 * encrypted ISAKMP opened with the keys the routers exported).
 */
final class NegativeLab {
  static final Ipv4Address HUB = DocumentWan.HUB.address();
  static final Ipv4Address SV93 = DocumentWan.SPOKE_SV9_3.address();
  static final Ipv4Address SV94 = DocumentWan.SPOKE_SV9_4.address();

  final SimulatedScheduler scheduler = new SimulatedScheduler();
  final ScenarioDriver driver = ScenarioDriver.simulated(scheduler);
  final RouterChange change;
  final DocumentRouters routers;
  private final MemoryTap hubTap;
  private List<DecodedFrame> hubFrames;

  /** Builds the routers with {@code change} and starts them at time 0. */
  NegativeLab(RouterChange change, long seed) {
    this.change = change;
    DocumentWan wan = DocumentWan.create(scheduler, seed);
    FaultProfile delay = FaultProfile.NONE.withDelay(Duration.ofMillis(1), Duration.ZERO);
    wan.hubSegment().setFaults(delay);
    wan.spokeSegment().setFaults(delay);
    hubTap = MemoryTap.attach(wan.hubSegment());
    routers = DocumentRouters.build(scheduler, wan, seed, change);
    nodes().forEach(DmvpnNode::start);
  }

  List<DmvpnNode> nodes() {
    return List.of(routers.hub(), routers.sv93(), routers.sv94());
  }

  void pass(Duration d) {
    driver.pass(d);
    hubFrames = null;
  }

  static TunnelInterface tunnel(DmvpnNode n) {
    return n.tunnel(DocumentRouters.TUNNEL);
  }

  /** The spoke's registration with the hub 192.168.1.1 is current. */
  static boolean registered(DmvpnNode spoke) {
    return tunnel(spoke).nhrp().registrar(DocumentRouters.HUB_TUNNEL).registered();
  }

  /** The hub's NHRP cache has a usable entry for the spoke's tunnel address (its registration). */
  boolean hubKnows(Ipv4Address spokeTunnel) {
    var e = tunnel(routers.hub()).nhrp().cache().lookup(spokeTunnel);
    return e != null && e.usable();
  }

  /** {@code n} has an established ISAKMP SA with {@code peer}. */
  static boolean isakmpUp(DmvpnNode n, Ipv4Address peer) {
    for (IkeSa sa : tunnel(n).protection().ike().ikeSas()) {
      if (sa.peerAddress().equals(peer) && sa.state() == IkeSa.State.ESTABLISHED) {
        return true;
      }
    }
    return false;
  }

  /** {@code n} has an outbound IPsec SA to {@code peer}. */
  static boolean ipsecUp(DmvpnNode n, Ipv4Address peer) {
    return tunnel(n).protection().hasSas(peer);
  }

  /** {@code ping 192.168.1.1} from sv9-4 (five 100-byte echoes, 2 s timeout): needs registration and IPsec. */
  Pinger pingHubFromSv94() {
    Pinger p = routers.sv94().ping(DocumentRouters.HUB_TUNNEL, 5, Duration.ofSeconds(2), 100);
    driver.await(p::done, Duration.ofSeconds(15));
    hubFrames = null;
    return p;
  }

  /** Events of {@code kind} on {@code n} whose text contains {@code text}. */
  static List<NodeEvent> events(DmvpnNode n, NodeEventKind kind, String text) {
    List<NodeEvent> out = new ArrayList<>();
    for (NodeEvent e : n.events().events()) {
      if (e.kind() == kind && e.text().contains(text)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Every frame seen on the hub's segment so far, decoded and decrypted with the routers' exported keys. */
  List<DecodedFrame> hubFrames() {
    if (hubFrames == null) {
      try {
        Path keys = Files.createTempDirectory("negative-keys");
        ScenarioKeys.write(keys, nodes());
        KeyedFrameDecryptor decryptor = new KeyedFrameDecryptor(CaptureKeys.load(List.of(keys)));
        List<DecodedFrame> out = new ArrayList<>();
        long n = 1;
        for (CapturedFrame f : hubTap.frames()) {
          out.add(FrameDecoder.decode(n++, f, decryptor));
        }
        hubFrames = out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return hubFrames;
  }

  /** How many frames on the hub's segment match {@code p}. */
  long count(Predicate<DecodedFrame> p) {
    return hubFrames().stream().filter(p).count();
  }

  static Predicate<DecodedFrame> from(Ipv4Address src, Ipv4Address dst) {
    return f -> f.ipv4() != null && f.ipv4().source().equals(src) && f.ipv4().destination().equals(dst);
  }

  static Predicate<DecodedFrame> between(Ipv4Address a, Ipv4Address b) {
    return from(a, b).or(from(b, a));
  }

  /**
   * Main Mode message {@code n} (1..6) as the wire shows it: odd from the initiator, even from the responder;
   * 1/2 carry SA first, 3/4 KE first, 5/6 are encrypted. The direction is the caller's {@link #from}.
   */
  static Predicate<DecodedFrame> mainMode(int n) {
    return f -> {
      if (f.isakmp() == null || !f.isakmp().header().exchangeType().equals(ExchangeType.MAIN_MODE)) {
        return false;
      }
      boolean encrypted = f.isakmp().encrypted();
      PayloadType first = f.isakmp().header().nextPayload();
      return n >= 5 ? encrypted : !encrypted && first.equals(n <= 2 ? PayloadType.SA : PayloadType.KE);
    };
  }

  static Predicate<DecodedFrame> isakmp(ExchangeType type) {
    return f -> f.isakmp() != null && f.isakmp().header().exchangeType().equals(type);
  }

  static Predicate<DecodedFrame> esp() {
    return f -> f.esp() != null;
  }

  /** NHRP of {@code type}, in clear or from a decrypted ESP packet. */
  static Predicate<DecodedFrame> nhrp(NhrpPacketType type) {
    return f -> f.nhrp() != null && f.nhrp().type().equals(type);
  }
}
