package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NHRP part of one tunnel interface's configuration. Built with {@link #builder}; the constructor validates
 * and throws {@link IllegalArgumentException} naming the offending IOS command.
 *
 * @param tunnelAddress {@code ip address} of the tunnel
 * @param tunnelPrefixLength its prefix length (24 in the document)
 * @param nbmaAddress the tunnel source (public) address
 * @param networkId {@code ip nhrp network-id}: local only, never on the wire (protocol-notes 2.7)
 * @param authentication {@code ip nhrp authentication}, at most 8 printable characters, or {@code null}
 * @param holdtimeSeconds {@code ip nhrp holdtime}, sent in CIEs (default 7200)
 * @param registrationTimeoutSeconds {@code ip nhrp registration timeout}: re-registration interval (default
 *     holdtime / 3, RFC 2332 5.2.3)
 * @param staticMaps {@code ip nhrp map <proto> <nbma>} lines
 * @param multicast {@code ip nhrp map multicast} lines
 * @param nhs {@code ip nhrp nhs} lines
 * @param unique registrations set the U flag (no {@code ip nhrp registration no-unique})
 * @param mtu MTU put in the CIEs this node sends
 * @param options release-dependent behaviour
 */
public record NhrpConfig(
    Ipv4Address tunnelAddress,
    int tunnelPrefixLength,
    Ipv4Address nbmaAddress,
    long networkId,
    String authentication,
    int holdtimeSeconds,
    int registrationTimeoutSeconds,
    Map<Ipv4Address, Ipv4Address> staticMaps,
    NhrpMulticastConfig multicast,
    List<NhrpNhs> nhs,
    boolean unique,
    int mtu,
    NhrpOptions options) {

  public static final int DEFAULT_HOLDTIME = 7200;
  public static final int DEFAULT_MTU = 1514;
  public static final int MAX_PASSWORD = 8;

  public NhrpConfig {
    staticMaps = Map.copyOf(staticMaps);
    nhs = List.copyOf(nhs);
    NhrpConfigValidation.check(
        tunnelAddress, tunnelPrefixLength, nbmaAddress, networkId, authentication, holdtimeSeconds,
        registrationTimeoutSeconds, mtu);
    NhrpConfigValidation.checkNhs(nhs, staticMaps);
  }

  /** The tunnel subnet, e.g. 192.168.1.0/24. */
  public NhrpPrefix tunnelPrefix() {
    return NhrpPrefix.of(tunnelAddress, tunnelPrefixLength);
  }

  /** The NBMA address of an NHS: its own {@code nbma} or the static map for its protocol address. */
  public Ipv4Address nhsNbma(NhrpNhs n) {
    return n.nbma() != null ? n.nbma() : staticMaps.get(n.protocol());
  }

  /** A builder for the tunnel {@code address/prefixLength} with NBMA address {@code nbma}. */
  public static Builder builder(String tunnelCidr, String nbma) {
    NhrpPrefix p = NhrpPrefix.parse(tunnelCidr);
    String addr = tunnelCidr.contains("/") ? tunnelCidr.substring(0, tunnelCidr.indexOf('/')) : tunnelCidr;
    return new Builder(Ipv4Address.parse(addr), p.length(), Ipv4Address.parse(nbma));
  }

  /** Collects the interface's NHRP lines; {@link #build} validates. */
  public static final class Builder {
    private final Ipv4Address tunnel;
    private final int prefixLength;
    private final Ipv4Address nbma;
    private long networkId = 1;
    private String authentication;
    private int holdtime = DEFAULT_HOLDTIME;
    private Integer registrationTimeout;
    private final Map<Ipv4Address, Ipv4Address> maps = new LinkedHashMap<>();
    private final List<Ipv4Address> multicastStatic = new ArrayList<>();
    private boolean multicastDynamic;
    private final List<NhrpNhs> nhs = new ArrayList<>();
    private boolean unique = true;
    private int mtu = DEFAULT_MTU;
    private NhrpOptions options = NhrpOptions.IOS_DEFAULTS;

    private Builder(Ipv4Address tunnel, int prefixLength, Ipv4Address nbma) {
      this.tunnel = tunnel;
      this.prefixLength = prefixLength;
      this.nbma = nbma;
    }

    public Builder networkId(long id) {
      this.networkId = id;
      return this;
    }

    public Builder authentication(String password) {
      this.authentication = password;
      return this;
    }

    public Builder holdtime(int seconds) {
      this.holdtime = seconds;
      return this;
    }

    public Builder registrationTimeout(int seconds) {
      this.registrationTimeout = seconds;
      return this;
    }

    /** {@code ip nhrp map <proto> <nbma>}. */
    public Builder map(String proto, String nbmaAddress) {
      maps.put(Ipv4Address.parse(proto), Ipv4Address.parse(nbmaAddress));
      return this;
    }

    /** {@code ip nhrp map multicast <nbma>}. */
    public Builder multicast(String nbmaAddress) {
      multicastStatic.add(Ipv4Address.parse(nbmaAddress));
      return this;
    }

    /** {@code ip nhrp map multicast dynamic}. */
    public Builder multicastDynamic() {
      this.multicastDynamic = true;
      return this;
    }

    /** {@code ip nhrp nhs <proto>}. */
    public Builder nhs(String proto) {
      nhs.add(NhrpNhs.of(Ipv4Address.parse(proto)));
      return this;
    }

    /** {@code ip nhrp nhs <proto> nbma <nbma>}. */
    public Builder nhs(String proto, String nbmaAddress) {
      nhs.add(new NhrpNhs(Ipv4Address.parse(proto), Ipv4Address.parse(nbmaAddress)));
      return this;
    }

    /** {@code ip nhrp registration no-unique} when false. */
    public Builder unique(boolean on) {
      this.unique = on;
      return this;
    }

    public Builder mtu(int value) {
      this.mtu = value;
      return this;
    }

    public Builder options(NhrpOptions value) {
      this.options = value;
      return this;
    }

    public NhrpConfig build() {
      int timeout = registrationTimeout != null ? registrationTimeout : Math.max(1, holdtime / 3);
      return new NhrpConfig(tunnel, prefixLength, nbma, networkId, authentication, holdtime, timeout, maps,
          new NhrpMulticastConfig(multicastStatic, multicastDynamic), nhs, unique, mtu, options);
    }
  }
}
