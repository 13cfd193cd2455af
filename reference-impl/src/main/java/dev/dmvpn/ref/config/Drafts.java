package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/** The mutable blocks the parser fills while it reads; each builds its immutable model record. */
final class Drafts {
  private Drafts() {}

  static final class InterfaceDraft {
    final String name;
    final int line;
    String description;
    AddressMask address;
    boolean shutdown;
    Integer ipMtu;
    Integer bandwidth;
    Integer delay;
    Integer adjustMss;
    final List<Integer> noSplitHorizon = new ArrayList<>();
    final List<Integer> noNextHopSelf = new ArrayList<>();
    final java.util.Map<Integer, Integer> eigrpHello = new java.util.HashMap<>();
    final java.util.Map<Integer, Integer> eigrpHold = new java.util.HashMap<>();
    String tunnelSourceInterface;
    Ipv4Address tunnelSourceAddress;
    Ipv4Address tunnelDestination;
    String tunnelMode;
    Long tunnelKey;
    String protection;
    final NhrpDraft nhrp = new NhrpDraft();

    InterfaceDraft(String name, int line) {
      this.name = name;
      this.line = line;
    }

    boolean isTunnel() {
      return name.startsWith(InterfaceNames.TUNNEL);
    }

    IosInterface build() {
      TunnelSettings tunnel = isTunnel()
          ? new TunnelSettings(tunnelSourceInterface, tunnelSourceAddress, tunnelDestination,
              tunnelMode != null ? tunnelMode : TunnelSettings.MODE_GRE_IP, tunnelKey, protection)
          : null;
      return new IosInterface(name, line, description, address, shutdown, ipMtu, bandwidth, delay, adjustMss,
          noSplitHorizon, tunnel, nhrp.build(), noNextHopSelf, eigrpHello, eigrpHold);
    }
  }

  static final class NhrpDraft {
    Long networkId;
    Secret authentication;
    final List<NhrpStaticMap> maps = new ArrayList<>();
    final List<Ipv4Address> multicast = new ArrayList<>();
    boolean multicastDynamic;
    final List<NhrpServerEntry> servers = new ArrayList<>();
    Integer holdtime;
    Integer registrationTimeout;
    boolean noUnique;

    NhrpSettings build() {
      return new NhrpSettings(networkId, authentication, maps, multicast, multicastDynamic, servers, holdtime,
          registrationTimeout, noUnique);
    }
  }

  static final class PolicyDraft {
    final int priority;
    final int line;
    String encryption = IsakmpPolicy.DEFAULT_ENCRYPTION;
    String hash = IsakmpPolicy.DEFAULT_HASH;
    String authentication = IsakmpPolicy.DEFAULT_AUTHENTICATION;
    int group = IsakmpPolicy.DEFAULT_GROUP;
    int lifetime = IsakmpPolicy.DEFAULT_LIFETIME;

    PolicyDraft(int priority, int line) {
      this.priority = priority;
      this.line = line;
    }

    IsakmpPolicy build() {
      return new IsakmpPolicy(priority, line, encryption, hash, authentication, group, lifetime);
    }
  }

  static final class TransformSetDraft {
    final String name;
    final int line;
    final List<String> transforms;
    String mode = TransformSet.MODE_TUNNEL;

    TransformSetDraft(String name, int line, List<String> transforms) {
      this.name = name;
      this.line = line;
      this.transforms = transforms;
    }

    TransformSet build() {
      return new TransformSet(name, line, transforms, mode);
    }
  }

  static final class ProfileDraft {
    final String name;
    final int line;
    final List<String> transformSets = new ArrayList<>();
    Long seconds;
    Long kilobytes;
    Integer pfs;

    ProfileDraft(String name, int line) {
      this.name = name;
      this.line = line;
    }

    IpsecProfile build() {
      return new IpsecProfile(name, line, transformSets, seconds, kilobytes, pfs);
    }
  }

  static final class EigrpDraft {
    final int as;
    final int line;
    final List<EigrpNetwork> networks = new ArrayList<>();
    boolean autoSummary = true;
    final List<String> passive = new ArrayList<>();

    EigrpDraft(int as, int line) {
      this.as = as;
      this.line = line;
    }

    EigrpProcess build() {
      return new EigrpProcess(as, line, networks, autoSummary, passive);
    }
  }
}
