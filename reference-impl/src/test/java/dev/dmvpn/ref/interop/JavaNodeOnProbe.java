package dev.dmvpn.ref.interop;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.capture.PcapWriter;
import dev.dmvpn.ref.capture.keys.KeyFiles;
import dev.dmvpn.ref.crypto.HashAlgorithm;
import dev.dmvpn.ref.crypto.Ikev1Encryption;
import dev.dmvpn.ref.crypto.OakleyGroup;
import dev.dmvpn.ref.crypto.RandomSource;
import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.ike.IkePolicy;
import dev.dmvpn.ref.ike.IpsecProfile;
import dev.dmvpn.ref.ike.TransformSet;
import dev.dmvpn.ref.ipsec.EspEncryption;
import dev.dmvpn.ref.ipsec.EspIntegrity;
import dev.dmvpn.ref.ipsec.EspMode;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.node.DmvpnNode;
import dev.dmvpn.ref.node.TunnelConfig;
import dev.dmvpn.ref.node.TunnelInterface;
import dev.dmvpn.ref.node.TunnelProtection;
import dev.dmvpn.ref.peer.GuardedScheduler;
import dev.dmvpn.ref.wire.NicPortAdapter;
import dev.dmvpn.ref.wire.ip.InterfaceAddress;
import dev.dmvpn.ref.wire.pcap4j.Pcap4jNicPort;
import dev.dmvpn.ref.wire.pcap4j.Pcap4jOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link DmvpnNode} on the root-namespace probe veth of a {@link LinuxDmvpnLab} (pcap4j), configured to match
 * the lab's Linux DMVPN: mGRE {@code Tunnel0} without key field (Linux's {@code key 0} sends none), no NHRP
 * authentication (FRR 8.4 has none), network-id 1, holdtime 300, and {@code tunnel protection} with the suite the
 * guests' swanctl.conf offer: ISAKMP 3DES/MD5/group 2 (MODP_1024) with PSK cisco123 for any peer, transform set
 * esp-3des esp-md5-hmac in transport mode (the guests' {@code mode = transport}; {@link #create(String, String,
 * String, String, NhrpConfig.Builder, EspMode)} configures another mode, e.g. IOS's default tunnel, to show how a
 * mismatch fails), IOS default lifetimes (charon takes the lower ones it proposes).
 *
 * <p>A second pcap handle on the same veth records every frame both ways for {@link #writeCapture}. The probe
 * veth gets {@code arp_ignore=8} so the host kernel never answers ARP there; the node answers for its address.
 */
final class JavaNodeOnProbe implements AutoCloseable {
  static final String TUNNEL = "Tunnel0";
  static final String PUBLIC_IF = "eth0";
  static final int IP_MTU = 1400;

  private final GuardedScheduler scheduler;
  private final NicPortAdapter port;
  private final Pcap4jNicPort tap;
  private final List<CapturedFrame> captured = new ArrayList<>();
  private final DmvpnNode node;

  private JavaNodeOnProbe(String name, String probeIf, MacAddress mac, InterfaceAddress nbma, NhrpConfig nhrp,
      EspMode mode) throws IOException {
    requireNotHostOwned(nbma.address());
    Files.writeString(Path.of("/proc/sys/net/ipv4/conf", probeIf, "arp_ignore"), "8");
    scheduler = GuardedScheduler.realTime(name);
    tap = Pcap4jNicPort.open(probeIf, Pcap4jOptions.defaults());
    tap.onReceive(this::record);
    port = new NicPortAdapter(Pcap4jNicPort.open(probeIf, Pcap4jOptions.defaults()), mac, scheduler);
    node = new DmvpnNode(name, scheduler, RandomSource.secure());
    node.addPhysical(PUBLIC_IF, port, nbma);
    node.addTunnel(TunnelConfig.of(TUNNEL, PUBLIC_IF, null, IP_MTU, nhrp, ikeConfig(nbma.address(), mode)));
  }

  /**
   * A node with NBMA address {@code nbma} on {@code probeIf} and the NHRP lines {@code nhrp} (its builder gets
   * network-id 1 and holdtime 300 here); call {@link #start()} to begin.
   */
  static JavaNodeOnProbe create(String name, String probeIf, String mac, String nbmaCidr, NhrpConfig.Builder nhrp)
      throws IOException {
    return create(name, probeIf, mac, nbmaCidr, nhrp, EspMode.TRANSPORT);
  }

  /** {@link #create(String, String, String, String, NhrpConfig.Builder)} with the transform set in {@code mode}. */
  static JavaNodeOnProbe create(String name, String probeIf, String mac, String nbmaCidr, NhrpConfig.Builder nhrp,
      EspMode mode) throws IOException {
    NhrpConfig config = nhrp.networkId(1).holdtime(300).build();
    return new JavaNodeOnProbe(name, probeIf, MacAddress.parse(mac), InterfaceAddress.parse(nbmaCidr), config,
        mode);
  }

  /** What the guests' swanctl.conf accept; DES (the document's policy) is not in charon, hence 3DES. */
  static IkeConfig ikeConfig(Ipv4Address local) {
    return ikeConfig(local, EspMode.TRANSPORT);
  }

  /** {@link #ikeConfig(Ipv4Address)} with the transform set in {@code mode}. */
  static IkeConfig ikeConfig(Ipv4Address local, EspMode mode) {
    IkePolicy policy = new IkePolicy(10, Ikev1Encryption.TDES_CBC, HashAlgorithm.MD5, OakleyGroup.MODP_1024,
        IkePolicy.DEFAULT_LIFETIME_SECONDS);
    TransformSet strong = new TransformSet("strong", EspEncryption.TDES_CBC, EspIntegrity.HMAC_MD5_96, mode);
    return IkeConfig.document(local).withPolicies(List.of(policy)).withProfile(new IpsecProfile("dmvpn",
        List.of(strong), IpsecProfile.DEFAULT_LIFETIME_SECONDS, IpsecProfile.DEFAULT_LIFETIME_KILOBYTES));
  }

  private static void requireNotHostOwned(Ipv4Address a) throws IOException {
    if (NetworkInterface.getByInetAddress(InetAddress.getByAddress(a.toBytes())) != null) {
      throw new IllegalStateException("this host owns " + a + ": its kernel would answer for it");
    }
  }

  private void record(CapturedFrame f) {
    synchronized (captured) {
      captured.add(f);
    }
  }

  void start() {
    onLoop(() -> {
      node.start();
      return null;
    });
  }

  DmvpnNode node() {
    return node;
  }

  TunnelInterface tunnel() {
    return node.tunnel(TUNNEL);
  }

  /** Runs {@code task} on the node's scheduler thread and returns its result. */
  <T> T onLoop(Supplier<T> task) {
    try {
      return CompletableFuture.supplyAsync(task, scheduler).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("task on the Java node's thread failed", e);
    }
  }

  /** Exceptions thrown inside the node's tasks (must stay empty). */
  List<String> failures() {
    return scheduler.failures();
  }

  /** Writes what the tap saw to {@code pcap} and the node's SA keys to the Wireshark folder {@code keyDir}. */
  int writeCapture(Path pcap, Path keyDir) throws IOException {
    List<CapturedFrame> frames;
    synchronized (captured) {
      frames = List.copyOf(captured);
    }
    try (PcapWriter w = PcapWriter.create(pcap, LinkType.ETHERNET)) {
      for (CapturedFrame f : frames) {
        w.write(f);
      }
    }
    TunnelProtection p = tunnel().protection();
    KeyFiles.writeWiresharkConfigDir(keyDir, onLoop(p::espKeys), onLoop(p::ikeKeys));
    return frames.size();
  }

  @Override
  public void close() {
    try {
      onLoop(() -> {
        node.stop();
        return null;
      });
    } finally {
      try {
        port.close();
        tap.close();
      } finally {
        scheduler.close();
      }
    }
  }
}
