package dev.dmvpn.ref.node.scenario;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IkePolicy;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.nhrp.engine.NhrpEventType;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.TunnelConfig;
import dev.dmvpn.ref.time.Scheduler;
import dev.dmvpn.ref.wire.Port;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * One hub and {@code n} spokes on one Ethernet segment, for scale runs: the document's tunnel settings (key 0,
 * auth cisco123, network-id 1, holdtime 7200, IPsec profile with DES/MD5 phase 1 and 3DES/MD5 transport phase 2)
 * with machine-made addresses so any number of spokes fits.
 *
 * <ul>
 *   <li>Hub: NBMA 10.0.0.1/8, Tunnel0 172.16.0.1/16, {@code ip nhrp map multicast dynamic}.
 *   <li>Spoke {@code i} (1-based): NBMA 10.0.0.1 + i, Tunnel0 172.16.0.1 + i, loopback 100.64.0.0 + i /32,
 *       {@code ip nhrp map 172.16.0.1 10.0.0.1}, {@code map multicast 10.0.0.1}, {@code nhs 172.16.0.1}.
 *   <li>MACs 02:00:00:00:00:00 + index (hub index 0).
 * </ul>
 *
 * <p>Every node gets its own {@link Scheduler} from the caller (index 0 is the hub), so a run may keep all nodes
 * on one simulated scheduler or spread them over a few threads. Nothing starts until {@link #startHub()} and
 * {@link #startSpoke(int)}.
 */
public final class SpokeFleet {
  /** Attaches a node's physical interface to the wire; {@code scheduler} is the node's own. */
  @FunctionalInterface
  public interface Wire {
    Port attach(String portName, MacAddress mac, Scheduler scheduler);
  }

  public static final Ipv4Address HUB_NBMA = Ipv4Address.parse("10.0.0.1");
  public static final Ipv4Address HUB_TUNNEL = Ipv4Address.parse("172.16.0.1");
  public static final int MAX_SPOKES = 65_000;
  private static final String PUBLIC_IF = "FastEthernet0/0";
  private static final String TUNNEL = DocumentRouters.TUNNEL;

  private final DmvpnNode hub;
  private final List<DmvpnNode> spokes;

  private SpokeFleet(DmvpnNode hub, List<DmvpnNode> spokes) {
    this.hub = hub;
    this.spokes = spokes;
  }

  /**
   * Builds the hub and {@code n} spokes. {@code schedulers} gives node {@code i}'s scheduler (0 = hub), {@code
   * group} the ISAKMP policy's Diffie-Hellman group (the document's is group 1), {@code seed} the IKE randomness.
   */
  public static SpokeFleet build(int n, Wire wire, IntFunction<Scheduler> schedulers, OakleyGroup group,
      long seed) {
    if (n < 1 || n > MAX_SPOKES) {
      throw new IllegalArgumentException("spokes must be 1.." + MAX_SPOKES + ", got " + n);
    }
    IkePolicy policy = IkePolicy.document();
    policy = new IkePolicy(policy.priority(), policy.encryption(), policy.hash(), group, policy.lifetimeSeconds());
    NhrpConfig.Builder hubNhrp = NhrpConfig.builder(HUB_TUNNEL + "/16", HUB_NBMA.toString());
    DmvpnNode hub = node("hub", 0, hubNhrp, wire, schedulers.apply(0), policy, seed);
    List<DmvpnNode> spokes = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      NhrpConfig.Builder nhrp = NhrpConfig.builder(offset(HUB_TUNNEL, i) + "/16", offset(HUB_NBMA, i).toString())
          .map(HUB_TUNNEL.toString(), HUB_NBMA.toString()).multicast(HUB_NBMA.toString())
          .nhs(HUB_TUNNEL.toString());
      DmvpnNode spoke = node("spoke" + i, i, nhrp, wire, schedulers.apply(i), policy, seed);
      spoke.addLan("Loopback0", new InterfaceAddress(spokeLan(i), 32));
      spokes.add(spoke);
    }
    return new SpokeFleet(hub, List.copyOf(spokes));
  }

  private static DmvpnNode node(String name, int index, NhrpConfig.Builder nhrp, Wire wire, Scheduler scheduler,
      IkePolicy policy, long seed) {
    DmvpnNode node = new DmvpnNode(name, scheduler, RandomSource.of(new SplittableRandom(seed * 1_000_003 + index)));
    Ipv4Address nbma = offset(HUB_NBMA, index);
    Port port = wire.attach(name + "/Fa0/0", new MacAddress(0x0200_0000_0000L + index), scheduler);
    node.addPhysical(PUBLIC_IF, port, new InterfaceAddress(nbma, 8));
    NhrpConfig config = nhrp.authentication("cisco123").networkId(1).holdtime(7200).multicastDynamic().build();
    IkeConfig ike = IkeConfig.document(nbma).withPolicies(List.of(policy));
    node.addTunnel(TunnelConfig.of(TUNNEL, PUBLIC_IF, 0L, 1440, config, ike));
    return node;
  }

  /** {@code base} plus {@code i}. */
  static Ipv4Address offset(Ipv4Address base, int i) {
    return new Ipv4Address(base.bits() + i);
  }

  /** Spoke {@code i}'s loopback (an NHRP local prefix). */
  public static Ipv4Address spokeLan(int i) {
    return new Ipv4Address(Ipv4Address.parse("100.64.0.0").bits() + i);
  }

  /** Spoke {@code i}'s NBMA address (1-based). */
  public static Ipv4Address spokeNbma(int i) {
    return offset(HUB_NBMA, i);
  }

  /** Spoke {@code i}'s tunnel address (1-based). */
  public static Ipv4Address spokeTunnel(int i) {
    return offset(HUB_TUNNEL, i);
  }

  /** Starts the hub's tunnel (run on the hub's scheduler, or before its scheduler runs anything). */
  public void startHub() {
    hub.execute(hub::start);
  }

  /** Starts spoke {@code i} (1-based) on its scheduler: it registers, which brings IKE up with the hub first. */
  public void startSpoke(int i) {
    DmvpnNode s = spokes.get(i - 1);
    s.execute(s::start);
  }

  /**
   * Calls {@code listener} with the spoke's 1-based index each time a spoke's registration is answered (on that
   * spoke's scheduler thread).
   */
  public void onRegistered(java.util.function.IntConsumer listener) {
    for (int i = 0; i < spokes.size(); i++) {
      int index = i + 1;
      spokes.get(i).tunnel(TUNNEL).nhrp().events().addListener(e -> {
        if (e.type() == NhrpEventType.REGISTRATION_ANSWERED) {
          listener.accept(index);
        }
      });
    }
  }

  public DmvpnNode hub() {
    return hub;
  }

  /** Spoke {@code i}, 1-based. */
  public DmvpnNode spoke(int i) {
    return spokes.get(i - 1);
  }

  public int size() {
    return spokes.size();
  }
}
