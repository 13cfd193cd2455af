package dev.dmvpn.topology.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.dmvpn.topology.CapturePoint;
import dev.dmvpn.topology.Connection;
import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.Device;
import dev.dmvpn.topology.DeviceInterface;
import dev.dmvpn.topology.Dmvpn;
import dev.dmvpn.topology.DmvpnMember;
import dev.dmvpn.topology.IpsecSpec;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.Testbed;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a testbed in the format {@code TestbedLoader} reads (so a generated rack can be saved, edited and
 * reloaded). Secrets are written as the references they are. {@code filled:} notes are not written back.
 */
public final class TestbedYamlWriter {
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private TestbedYamlWriter() {}

  public static String write(Testbed t) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> tb = new LinkedHashMap<>();
    tb.put("name", t.name());
    if (!t.credentials().isEmpty()) {
      tb.put("credentials", credentials(t.credentials()));
    }
    root.put("testbed", tb);
    Map<String, Object> devices = new LinkedHashMap<>();
    t.devices().values().forEach(d -> devices.put(d.name(), device(d)));
    root.put("devices", devices);
    Map<String, Object> topology = new LinkedHashMap<>();
    t.devices().values().stream().filter(d -> !d.interfaces().isEmpty())
        .forEach(d -> topology.put(d.name(), Map.of("interfaces", interfaces(d))));
    root.put("topology", topology);
    if (!t.captures().isEmpty()) {
      Map<String, Object> captures = new LinkedHashMap<>();
      t.captures().values().forEach(c -> captures.put(c.name(), capture(c)));
      root.put("captures", captures);
    }
    t.dmvpn().ifPresent(d -> root.put("dmvpn", dmvpn(d)));
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> device(Device d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("os", d.os().yamlName());
    m.put("type", "router");
    d.platform().ifPresent(p -> m.put("platform", p.toString()));
    if (!d.hostname().equals(d.name())) {
      m.put("hostname", d.hostname());
    }
    d.image().ifPresent(i -> m.put("image", i));
    d.defaultGateway().ifPresent(g -> m.put("default_gateway", g.toString()));
    if (!d.credentials().isEmpty()) {
      m.put("credentials", credentials(d.credentials()));
    }
    Map<String, Object> conns = new LinkedHashMap<>();
    d.connections().forEach((name, c) -> conns.put(name, connection(c)));
    if (!conns.isEmpty()) {
      m.put("connections", conns);
    }
    return m;
  }

  private static Map<String, Object> connection(Connection c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c instanceof Connection.Console con) {
      m.put("protocol", "telnet");
      m.put("host", con.host());
      m.put("port", con.port());
      con.line().ifPresent(l -> m.put("line", l));
      if (!con.credentials().isEmpty()) {
        m.put("credentials", credentials(con.credentials()));
      }
    } else if (c instanceof Connection.Vty vty) {
      m.put("protocol", vty.protocol().name().toLowerCase(Locale.ROOT));
      m.put("host", vty.host());
      m.put("port", vty.port());
      if (vty.protocol() == Connection.VtyProtocol.SSH) {
        m.put("host_key", vty.hostKeyPolicy().yamlName());
      }
      if (!vty.credentials().isEmpty()) {
        m.put("credentials", credentials(vty.credentials()));
      }
    }
    return m;
  }

  private static Map<String, Object> credentials(Map<String, Credential> creds) {
    Map<String, Object> m = new LinkedHashMap<>();
    creds.forEach((name, c) -> {
      Map<String, Object> one = new LinkedHashMap<>();
      c.username().ifPresent(u -> one.put("username", u));
      one.put("password", secret(c.password()));
      m.put(name, one);
    });
    return m;
  }

  private static Map<String, Object> secret(SecretRef ref) {
    if (ref instanceof SecretRef.Env env) {
      return Map.of("env", env.variable());
    }
    return Map.of("file", ((SecretRef.File) ref).path().toString());
  }

  private static Map<String, Object> interfaces(Device d) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (DeviceInterface i : d.interfaces().values()) {
      Map<String, Object> one = new LinkedHashMap<>();
      i.link().ifPresent(l -> one.put("link", l));
      i.type().ifPresent(t -> one.put("type", t));
      i.ipv4().ifPresent(a -> one.put("ipv4", a.toString()));
      m.put(i.name(), one);
    }
    return m;
  }

  private static Map<String, Object> capture(CapturePoint c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("device", c.device());
    m.put("interface", c.interfaceName());
    c.filter().ifPresent(f -> m.put("filter", f));
    return m;
  }

  private static Map<String, Object> dmvpn(Dmvpn d) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> tunnel = new LinkedHashMap<>();
    tunnel.put("interface", d.tunnel().interfaceName());
    tunnel.put("network", d.tunnel().network().toString());
    tunnel.put("source", d.tunnel().source());
    d.tunnel().key().ifPresent(k -> tunnel.put("key", k));
    d.tunnel().ipMtu().ifPresent(mtu -> tunnel.put("ip_mtu", mtu));
    m.put("tunnel", tunnel);
    m.put("hub", member(d.hub()));
    m.put("spokes", d.spokes().stream().map(TestbedYamlWriter::member).toList());
    Map<String, Object> nhrp = new LinkedHashMap<>();
    nhrp.put("network_id", d.nhrp().networkId());
    d.nhrp().authentication().ifPresent(a -> nhrp.put("authentication", secret(a)));
    d.nhrp().holdtime().ifPresent(h -> nhrp.put("holdtime", h));
    if (d.nhrp().spokesMapMulticastDynamic()) {
      nhrp.put("spokes_map_multicast_dynamic", true);
    }
    m.put("nhrp", nhrp);
    m.put("ipsec", ipsec(d.ipsec()));
    d.eigrp().ifPresent(e -> m.put("eigrp", Map.of("as", e.asNumber())));
    return m;
  }

  private static Map<String, Object> member(DmvpnMember mem) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("device", mem.device());
    m.put("tunnel_ip", mem.tunnelAddress().toString());
    m.put("nbma_ip", mem.nbmaAddress().toString());
    if (!mem.lanInterfaces().isEmpty()) {
      m.put("lan", mem.lanInterfaces());
    }
    return m;
  }

  private static Map<String, Object> ipsec(IpsecSpec s) {
    Map<String, Object> isakmp = new LinkedHashMap<>();
    isakmp.put("priority", s.policyPriority());
    isakmp.put("encryption", s.encryption());
    isakmp.put("hash", s.hash());
    isakmp.put("authentication", s.authentication());
    isakmp.put("group", s.group());
    isakmp.put("lifetime", s.lifetimeSeconds());
    Map<String, Object> ts = new LinkedHashMap<>();
    ts.put("name", s.transformSetName());
    ts.put("transforms", List.copyOf(s.transforms()));
    s.mode().ifPresent(mode -> ts.put("mode", mode));
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("name", s.profileName());
    s.saLifetimeSeconds().ifPresent(l -> profile.put("sa_lifetime_seconds", l));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("isakmp", isakmp);
    m.put("pre_shared_key", secret(s.preSharedKey()));
    m.put("transform_set", ts);
    m.put("profile", profile);
    return m;
  }
}
