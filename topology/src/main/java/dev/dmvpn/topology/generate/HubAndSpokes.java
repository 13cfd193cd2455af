package dev.dmvpn.topology.generate;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.topology.CapturePoint;
import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Connection.VtyProtocol;
import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DeviceInterface;
import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.EigrpSpec;
import dev.dmvpn.topology.HostKeyPolicy;
import dev.dmvpn.topology.IpsecSpec;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.Link;
import dev.dmvpn.topology.NhrpSpec;
import dev.dmvpn.topology.OsType;
import dev.dmvpn.topology.Platform;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.TunnelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hub and N spokes with the document's DMVPN parameters on an addressing plan that scales:
 * <ul>
 *   <li>hub {@code hub}: FastEthernet0/0 172.16.0.1/24 (NBMA), FastEthernet0/1 10.0.0.1/24 (LAN)</li>
 *   <li>spoke i ({@code spoke1}..): FastEthernet0/0 172.17.0.0/16 + i, FastEthernet0/1 10.x.y.1/24 with
 *       x.y = i (spoke 1: 10.0.1.1/24)</li>
 *   <li>tunnel 10.255.0.0/16: hub .0.1, spoke i at 10.255.0.1 + i</li>
 *   <li>a Linux WAN router {@code wan}: eth0 172.16.0.254/24, eth1 172.17.255.254/16, the default gateway of all</li>
 * </ul>
 * {@code topology/src/main/resources/.../testbeds/hub-and-3-spokes.yaml} is this method's output for 3 spokes
 * written as YAML (a test checks they are equal).
 */
public final class HubAndSpokes {
  /** The plan's limit: spoke LANs 10.0.1.0 .. 10.3.232.0 and spoke NBMA addresses stay clear of the WAN router. */
  public static final int MAX_SPOKES = 1000;

  static final Ipv4Cidr TUNNEL = Ipv4Cidr.parse("10.255.0.0/16");
  static final Ipv4Address HUB_GATEWAY = Ipv4Address.parse("172.16.0.254");
  static final Ipv4Address SPOKE_GATEWAY = Ipv4Address.parse("172.17.255.254");
  private static final String NBMA_IF = "FastEthernet0/0";
  private static final String LAN_IF = "FastEthernet0/1";

  private HubAndSpokes() {}

  public static Testbed testbed(int spokes) {
    if (spokes < 1 || spokes > MAX_SPOKES) {
      throw new IllegalArgumentException("spokes must be 1.." + MAX_SPOKES + ", not " + spokes);
    }
    Map<String, Device> devices = new LinkedHashMap<>();
    devices.put("hub", router("hub", Ipv4Cidr.parse("172.16.0.1/24"), "wan-hub", Ipv4Cidr.parse("10.0.0.1/24"),
        HUB_GATEWAY));
    List<DmvpnMember> members = new ArrayList<>();
    for (int i = 1; i <= spokes; i++) {
      Ipv4Cidr nbma = new Ipv4Cidr(new Ipv4Address(Ipv4Address.parse("172.17.0.0").bits() + i), 16);
      Ipv4Cidr lan = new Ipv4Cidr(new Ipv4Address(Ipv4Address.parse("10.0.0.1").bits() + (i << 8)), 24);
      devices.put("spoke" + i, router("spoke" + i, nbma, "wan-spokes", lan, SPOKE_GATEWAY));
      members.add(new DmvpnMember("spoke" + i, tunnelAddress(i), nbma.address(), List.of(LAN_IF)));
    }
    devices.put("wan", wanRouter());
    DmvpnMember hub = new DmvpnMember("hub", tunnelAddress(0), Ipv4Address.parse("172.16.0.1"), List.of(LAN_IF));
    Dmvpn dmvpn = new Dmvpn(new TunnelSpec("Tunnel0", TUNNEL, NBMA_IF, Optional.of(0L), Optional.of(1440)), hub,
        members, new NhrpSpec(1, Optional.of(new SecretRef.Env("DMVPN_NHRP_KEY")), Optional.empty(), false),
        documentIpsec(), Optional.of(new EigrpSpec(90)));
    Map<String, CapturePoint> captures = new LinkedHashMap<>();
    captures.put("hub-side", new CapturePoint("hub-side", "wan", "eth0", Optional.empty()));
    captures.put("spoke-side", new CapturePoint("spoke-side", "wan", "eth1", Optional.empty()));
    return new Testbed("hub-and-" + spokes + "-spokes", devices, links(devices), Map.of(), captures,
        Optional.of(dmvpn), List.of());
  }

  /** The document's crypto: policy 10 (md5, pre-share), transform set strong (3DES, MD5), profile cisco (120 s). */
  static IpsecSpec documentIpsec() {
    return new IpsecSpec(10, "des", "md5", "pre-share", 1, 86400, new SecretRef.Env("DMVPN_PSK"), "strong",
        List.of("esp-3des", "esp-md5-hmac"), Optional.empty(), "cisco", Optional.of(120));
  }

  private static Ipv4Address tunnelAddress(int index) {
    return new Ipv4Address(TUNNEL.network().bits() + 1 + index);
  }

  private static Device router(String name, Ipv4Cidr nbma, String wanLink, Ipv4Cidr lan, Ipv4Address gateway) {
    Map<String, DeviceInterface> interfaces = new LinkedHashMap<>();
    interfaces.put(NBMA_IF, new DeviceInterface(NBMA_IF, Optional.of(wanLink), Optional.of("ethernet"),
        Optional.of(nbma)));
    interfaces.put(LAN_IF, new DeviceInterface(LAN_IF, Optional.of("lan-" + name), Optional.of("ethernet"),
        Optional.of(lan)));
    Map<String, Connection> connections = Map.of("vty",
        new Connection.Vty(VtyProtocol.TELNET, nbma.address().toString(), 23, HostKeyPolicy.STRICT));
    Map<String, Credential> credentials = Map.of("vty",
        new Credential(Optional.empty(), new SecretRef.Env("DMVPN_VTY_PASSWORD")));
    return new Device(name, name, OsType.IOS, Optional.of(Platform.C2691), Optional.empty(), connections,
        credentials, interfaces, Optional.of(gateway));
  }

  private static Device wanRouter() {
    Map<String, DeviceInterface> interfaces = new LinkedHashMap<>();
    interfaces.put("eth0", new DeviceInterface("eth0", Optional.of("wan-hub"), Optional.of("ethernet"),
        Optional.of(new Ipv4Cidr(HUB_GATEWAY, 24))));
    interfaces.put("eth1", new DeviceInterface("eth1", Optional.of("wan-spokes"), Optional.of("ethernet"),
        Optional.of(new Ipv4Cidr(SPOKE_GATEWAY, 16))));
    Map<String, Connection> connections = Map.of("vty",
        new Connection.Vty(VtyProtocol.SSH, HUB_GATEWAY.toString(), 22, HostKeyPolicy.ACCEPT_NEW));
    Map<String, Credential> credentials = Map.of("default",
        new Credential(Optional.of("lab"), new SecretRef.Env("DMVPN_WAN_PASSWORD")));
    return new Device("wan", "wan", OsType.LINUX, Optional.empty(), Optional.empty(), connections, credentials,
        interfaces, Optional.empty());
  }

  /** Links in order of first mention, as the loader derives them from the topology section. */
  private static List<Link> links(Map<String, Device> devices) {
    Map<String, List<Link.Endpoint>> byName = new LinkedHashMap<>();
    for (Device d : devices.values()) {
      for (DeviceInterface i : d.interfaces().values()) {
        i.link().ifPresent(l -> byName.computeIfAbsent(l, k -> new ArrayList<>())
            .add(new Link.Endpoint(d.name(), i.name())));
      }
    }
    List<Link> out = new ArrayList<>();
    byName.forEach((n, e) -> out.add(new Link(n, e)));
    return out;
  }
}
