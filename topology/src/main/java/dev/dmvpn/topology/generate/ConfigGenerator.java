package dev.dmvpn.topology.generate;

import dev.dmvpn.ref.config.InterfaceNames;
import dev.dmvpn.ref.config.Secret;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DeviceInterface;
import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.Ipv4Cidr;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.Testbed;
import dev.dmvpn.topology.generate.RouterConfig.Role;
import dev.dmvpn.topology.secrets.SecretResolver;
import dev.dmvpn.topology.secrets.SecretUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IOS configurations for every DMVPN member of a (validated) testbed: hostname, crypto, the mGRE tunnel, the
 * addressed physical interfaces, EIGRP and the default route. Secrets are resolved here, at generation time, and
 * stay out of {@link RouterConfig#toString} and {@link RouterConfig#maskedText}.
 */
public final class ConfigGenerator {
  /** IOS 12.3 keeps at most 8 characters of {@code ip nhrp authentication} (RFC 2332 leaves the length open). */
  static final int NHRP_KEY_MAX = 8;
  /** {@code crypto isakmp key} accepts up to 128 characters. */
  static final int PSK_MAX = 128;

  private final SecretResolver resolver;

  public ConfigGenerator(SecretResolver resolver) {
    this.resolver = resolver;
  }

  /** The hub's configuration, then one per spoke in file order. */
  public List<RouterConfig> generate(Testbed testbed) throws ConfigGenerationException {
    Dmvpn dm = testbed.dmvpn().orElseThrow(() -> new ConfigGenerationException(
        "testbed " + testbed.name() + " has no dmvpn: section"));
    Secret psk = secret(dm.ipsec().preSharedKey(), "dmvpn.ipsec.pre_shared_key", PSK_MAX);
    Optional<Secret> nhrpKey = Optional.empty();
    if (dm.nhrp().authentication().isPresent()) {
      nhrpKey = Optional.of(secret(dm.nhrp().authentication().get(), "dmvpn.nhrp.authentication", NHRP_KEY_MAX));
    }
    List<RouterConfig> out = new ArrayList<>();
    out.add(member(testbed, dm, dm.hub(), true, psk, nhrpKey));
    for (DmvpnMember spoke : dm.spokes()) {
      out.add(member(testbed, dm, spoke, false, psk, nhrpKey));
    }
    return out;
  }

  private RouterConfig member(Testbed t, Dmvpn dm, DmvpnMember m, boolean hub, Secret psk, Optional<Secret> nhrpKey)
      throws ConfigGenerationException {
    Device d = t.device(m.device()).orElseThrow(() -> new ConfigGenerationException(
        "DMVPN member " + m.device() + " is not a device of the testbed"));
    List<ConfigLine> lines = new ArrayList<>();
    lines.add(ConfigLine.plain("hostname " + d.hostname()));
    lines.add(ConfigLine.plain("!"));
    lines.addAll(CryptoSection.lines(dm.ipsec(), psk));
    lines.addAll(TunnelSection.lines(dm, m, hub, nhrpKey));
    for (DeviceInterface i : d.interfaces().values()) {
      if (i.ipv4().isPresent() && !i.name().equals(dm.tunnel().interfaceName())) {
        lines.add(ConfigLine.plain("interface " + i.name()));
        lines.add(ConfigLine.plain(" ip address " + i.ipv4().get().address() + " " + i.ipv4().get().mask()));
        lines.add(ConfigLine.plain(" no shutdown"));
        lines.add(ConfigLine.plain("!"));
      }
    }
    if (dm.eigrp().isPresent()) {
      lines.addAll(EigrpSection.lines(dm.eigrp().get(), advertised(d, dm, m)));
    }
    d.defaultGateway().ifPresent(gw -> {
      lines.add(ConfigLine.plain("ip route 0.0.0.0 0.0.0.0 " + gw));
      lines.add(ConfigLine.plain("!"));
    });
    lines.add(ConfigLine.plain("end"));
    return new RouterConfig(m.device(), hub ? Role.HUB : Role.SPOKE, lines);
  }

  private static List<Ipv4Cidr> advertised(Device d, Dmvpn dm, DmvpnMember m) throws ConfigGenerationException {
    List<Ipv4Cidr> out = new ArrayList<>();
    for (String lan : m.lanInterfaces()) {
      DeviceInterface i = d.interfaces().get(InterfaceNames.canonicalOrSelf(lan));
      if (i == null || i.ipv4().isEmpty()) {
        throw new ConfigGenerationException(m.device() + " has no addressed LAN interface " + lan);
      }
      out.add(i.ipv4().get());
    }
    out.add(dm.tunnel().network());
    return out;
  }

  /**
   * Resolves a secret and refuses values IOS would misread: whitespace or control characters would end the
   * command early or start another one (a newline in a key would inject configuration lines).
   */
  private Secret secret(SecretRef ref, String field, int maxLength) throws ConfigGenerationException {
    Secret s;
    try {
      s = resolver.resolve(ref);
    } catch (SecretUnavailableException e) {
      throw new ConfigGenerationException(field + " (" + ref + "): " + e.getMessage());
    }
    String v = s.reveal();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new ConfigGenerationException(field + " (" + ref + "): the secret contains whitespace or a "
            + "control character, which IOS would read as the end of the command");
      }
    }
    if (v.length() > maxLength) {
      throw new ConfigGenerationException(field + " (" + ref + "): the secret has " + v.length()
          + " characters; IOS takes at most " + maxLength);
    }
    return s;
  }
}
