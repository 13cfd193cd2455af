package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.engine.NhrpConfig;
import dev.dmvpn.ref.nhrp.engine.NhrpOptions;

/**
 * Turns a tunnel interface of an {@link IosConfig} into the NHRP engine's {@link NhrpConfig}. Run
 * {@link IosConfigValidator} first for a full list of problems; this throws {@link IllegalArgumentException} on
 * the first one that makes a mapping impossible.
 *
 * <p>The NBMA address is the tunnel source: the address given, or the address of the source interface. The CIE
 * MTU stays at the engine default (1514, as IOS sends it: protocol-notes) rather than {@code ip mtu}, which is the
 * tunnel's IP MTU and does not appear in NHRP packets.
 */
public final class NhrpConfigMapper {
  private NhrpConfigMapper() {}

  public static NhrpConfig toNhrpConfig(IosConfig config, String tunnelName) {
    return toNhrpConfig(config, tunnelName, NhrpOptions.IOS_DEFAULTS);
  }

  public static NhrpConfig toNhrpConfig(IosConfig config, String tunnelName, NhrpOptions options) {
    IosInterface tunnel = config.requireInterface(tunnelName);
    if (!tunnel.isTunnel()) {
      throw new IllegalArgumentException(tunnel.name() + " is not a Tunnel interface");
    }
    if (tunnel.address() == null) {
      throw new IllegalArgumentException("interface " + tunnel.name() + " has no 'ip address'");
    }
    NhrpSettings nhrp = tunnel.nhrp();
    if (nhrp.networkId() == null) {
      throw new IllegalArgumentException("interface " + tunnel.name()
          + " has no 'ip nhrp network-id': NHRP is off on it");
    }
    AddressMask a = tunnel.address();
    NhrpConfig.Builder b = NhrpConfig.builder(a.address() + "/" + a.prefixLength(),
        nbmaAddress(config, tunnel).toString());
    b.networkId(nhrp.networkId()).options(options).unique(!nhrp.registrationNoUnique());
    applyOptional(nhrp, b);
    for (NhrpStaticMap m : nhrp.maps()) {
      b.map(m.protocol().toString(), m.nbma().toString());
    }
    for (Ipv4Address m : nhrp.multicastMaps()) {
      b.multicast(m.toString());
    }
    if (nhrp.multicastDynamic()) {
      b.multicastDynamic();
    }
    for (NhrpServerEntry n : nhrp.servers()) {
      if (n.nbma() == null) {
        b.nhs(n.protocol().toString());
      } else {
        b.nhs(n.protocol().toString(), n.nbma().toString());
      }
    }
    return b.build();
  }

  private static void applyOptional(NhrpSettings nhrp, NhrpConfig.Builder b) {
    if (nhrp.authentication() != null) {
      b.authentication(nhrp.authentication().reveal());
    }
    if (nhrp.holdtimeSeconds() != null) {
      b.holdtime(nhrp.holdtimeSeconds());
    }
    if (nhrp.registrationTimeoutSeconds() != null) {
      b.registrationTimeout(nhrp.registrationTimeoutSeconds());
    }
  }

  /** The tunnel's public address: {@code tunnel source <address>} or the source interface's address. */
  public static Ipv4Address nbmaAddress(IosConfig config, IosInterface tunnel) {
    TunnelSettings ts = tunnel.tunnel();
    if (ts == null || (ts.sourceAddress() == null && ts.sourceInterface() == null)) {
      throw new IllegalArgumentException("interface " + tunnel.name() + " has no 'tunnel source'");
    }
    if (ts.sourceAddress() != null) {
      return ts.sourceAddress();
    }
    IosInterface src = config.findInterface(ts.sourceInterface()).orElseThrow(() ->
        new IllegalArgumentException("interface " + tunnel.name() + ": 'tunnel source " + ts.sourceInterface()
            + "' names no interface in the configuration"));
    if (src.address() == null) {
      throw new IllegalArgumentException("interface " + tunnel.name() + ": tunnel source " + src.name()
          + " has no 'ip address'");
    }
    return src.address().address();
  }
}
