package dev.dmvpn.ref.ike;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.isakmp.VendorIds;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything one IKE peer is configured with.
 *
 * @param localAddress our public address (Main Mode ID, quick-mode proxy, NAT-D)
 * @param policies ISAKMP policies; offered and matched in priority order
 * @param keys pre-shared keys by peer address
 * @param profile the IPsec profile (transform sets, lifetimes)
 * @param natTraversalVids NAT-T vendor IDs sent in MM1, most preferred first (IOS 12.3: draft-03, draft-02\n)
 * @param firstRetransmit delay before the first retransmission; doubled each time
 * @param maxRetransmits retransmissions before an exchange is given up
 * @param natTraversal forced UDP encapsulation and NAT-keepalive period
 * @param dpd periodic dead peer detection ({@code crypto isakmp keepalive N R})
 * @param xauthVendorId MM3/MM4 carry the XAUTH vendor ID (later IOS images; not 12.3(3), see {@code IosImage})
 */
public record IkeConfig(Ipv4Address localAddress, List<IkePolicy> policies, PskStore keys, IpsecProfile profile,
    List<VendorIds.Known> natTraversalVids, Duration firstRetransmit, int maxRetransmits,
    NatTraversalSettings natTraversal, DpdSettings dpd, boolean xauthVendorId) {
  /** The UDP port of IKE. */
  public static final int IKE_PORT = 500;
  /** The UDP port IKE floats to, and ESP-in-UDP uses, once NAT traversal is on (RFC 3947 section 4). */
  public static final int NAT_T_PORT = 4500;

  public IkeConfig {
    Objects.requireNonNull(localAddress, "localAddress");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(natTraversal, "natTraversal");
    Objects.requireNonNull(dpd, "dpd");
    policies = policies.stream().sorted(Comparator.comparingInt(IkePolicy::priority)).toList();
    natTraversalVids = List.copyOf(natTraversalVids);
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("at least one ISAKMP policy is needed");
    }
  }

  /** The configuration with the XAUTH vendor ID in MM3/MM4 (as the later IOS images send it). */
  public IkeConfig(Ipv4Address localAddress, List<IkePolicy> policies, PskStore keys, IpsecProfile profile,
      List<VendorIds.Known> natTraversalVids, Duration firstRetransmit, int maxRetransmits,
      NatTraversalSettings natTraversal, DpdSettings dpd) {
    this(localAddress, policies, keys, profile, natTraversalVids, firstRetransmit, maxRetransmits, natTraversal,
        dpd, true);
  }

  /** The configuration without NAT-T options and DPD (defaults: NAT-T only on detection, keepalive 20 s, no DPD). */
  public IkeConfig(Ipv4Address localAddress, List<IkePolicy> policies, PskStore keys, IpsecProfile profile,
      List<VendorIds.Known> natTraversalVids, Duration firstRetransmit, int maxRetransmits) {
    this(localAddress, policies, keys, profile, natTraversalVids, firstRetransmit, maxRetransmits,
        NatTraversalSettings.defaults(), DpdSettings.disabled(), true);
  }

  /** The document's configuration for a router at {@code localAddress}. */
  public static IkeConfig document(Ipv4Address localAddress) {
    return new IkeConfig(localAddress, List.of(IkePolicy.document()), PskStore.document(), IpsecProfile.document(),
        List.of(VendorIds.Known.NAT_T_RFC3947, VendorIds.Known.NAT_T_DRAFT_07, VendorIds.Known.NAT_T_DRAFT_03,
            VendorIds.Known.NAT_T_DRAFT_02N),
        Duration.ofSeconds(2), 5);
  }

  public IkeConfig withPolicies(List<IkePolicy> newPolicies) {
    return new IkeConfig(localAddress, newPolicies, keys, profile, natTraversalVids, firstRetransmit,
        maxRetransmits, natTraversal, dpd, xauthVendorId);
  }

  public IkeConfig withKeys(PskStore newKeys) {
    return new IkeConfig(localAddress, policies, newKeys, profile, natTraversalVids, firstRetransmit,
        maxRetransmits, natTraversal, dpd, xauthVendorId);
  }

  public IkeConfig withProfile(IpsecProfile newProfile) {
    return new IkeConfig(localAddress, policies, keys, newProfile, natTraversalVids, firstRetransmit,
        maxRetransmits, natTraversal, dpd, xauthVendorId);
  }

  public IkeConfig withNatTraversalVids(List<VendorIds.Known> vids) {
    return new IkeConfig(localAddress, policies, keys, profile, vids, firstRetransmit, maxRetransmits,
        natTraversal, dpd, xauthVendorId);
  }

  public IkeConfig withNatTraversal(NatTraversalSettings settings) {
    return new IkeConfig(localAddress, policies, keys, profile, natTraversalVids, firstRetransmit, maxRetransmits,
        settings, dpd, xauthVendorId);
  }

  /** Floats to UDP 4500 and encapsulates ESP even when no NAT is found (strongSwan {@code encap = yes}). */
  public IkeConfig withForcedUdpEncapsulation(boolean force) {
    return withNatTraversal(new NatTraversalSettings(force, natTraversal.keepaliveInterval()));
  }

  /** IOS {@code crypto isakmp keepalive N R}. */
  public IkeConfig withDpd(Duration interval, Duration retry) {
    return withDpd(new DpdSettings(interval, retry));
  }

  public IkeConfig withDpd(DpdSettings settings) {
    return new IkeConfig(localAddress, policies, keys, profile, natTraversalVids, firstRetransmit, maxRetransmits,
        natTraversal, settings, xauthVendorId);
  }

  public IkeConfig withXauthVendorId(boolean send) {
    return new IkeConfig(localAddress, policies, keys, profile, natTraversalVids, firstRetransmit, maxRetransmits,
        natTraversal, dpd, send);
  }
}
