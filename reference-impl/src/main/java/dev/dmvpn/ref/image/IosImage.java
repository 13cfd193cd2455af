package dev.dmvpn.ref.image;

import dev.dmvpn.ref.ike.IkeConfig;
import dev.dmvpn.ref.isakmp.VendorIds;
import dev.dmvpn.ref.nhrp.engine.NhrpOptions;
import java.util.List;
import java.util.Objects;

/**
 * What differs between the IOS images a router may run, as one value: the routers of the document run 12.3(3)
 * ({@link #IOS_12_3_3}, the default); {@link #IOS_12_4} stands for the later 12.4/15.x images the shared captures
 * come from. Each field names its source; ARCHITECTURE.md ("IOS image profiles") lists them side by side.
 * Selected by {@link IosImages} from an explicit choice, a configuration's {@code version} line or a {@code boot
 * system} image name.
 *
 * @param name the profile's name ({@code 12.3(3)}, {@code 12.4})
 * @param natTraversalVids the NAT-T vendor IDs sent in Main Mode 1, most preferred first; the responder echoes
 *     the one it chose in MM2, which fixes the NAT-T draft in use
 * @param xauthVendorId MM3/MM4 carry the XAUTH vendor ID after Unity, DPD and the IOS per-SA ID
 * @param isakmpTos outer IP TOS of ISAKMP datagrams (precedence 6 = 0xC0, as NHRP)
 * @param nhrp NHRP behaviour (flags, extensions, prefix lengths, resolution timing)
 */
public record IosImage(String name, List<VendorIds.Known> natTraversalVids, boolean xauthVendorId, int isakmpTos,
    NhrpOptions nhrp) {

  /** IP precedence 6 (internetwork control) in the TOS byte: what IOS marks its control traffic with. */
  public static final int PRECEDENCE_6 = 0xC0;

  /**
   * The document's image (c2691-ik9s-mz.123-3 / c3725-ik9s-mz.123-3).
   *
   * <ul>
   *   <li>MM1: NAT-T draft-03 and draft-02\n only (seed, sv9-3 as initiator: "constructed NAT-T vendor-03 ID",
   *       "constructed NAT-T vendor-02 ID"; sv9-4 reads them as "NAT-T v3", "NAT-T v2" with "major 157" and
   *       "major 123": bytes 14 of the draft-03 and draft-02\n hashes). MM2: the responder's "constructed
   *       NAT-T vendor-03 ID" only, so draft-03 is in use.
   *   <li>MM3/MM4: Unity, DPD and the IOS per-SA ID, no XAUTH (seed: three "processing vendor id payload" in
   *       each, "vendor ID is Unity", "is DPD", "speaking to another IOS box!").
   *   <li>ISAKMP at precedence 6 as NHRP (every IOS datagram of ios-ikev1-main-quick-mode.cap has TOS 0xC0; the
   *       seed cannot show TOS, so the later image's marking is assumed unchanged).
   *   <li>NHRP without the Cisco NAT extension (seed: a Resolution Request with authentication is 84 bytes, 88
   *       with an empty extension 9; the forwarded one 104, the replies 112 and 132 all add up without it), and
   *       without the NAT flag 0x0002 and with registration CIE prefix 0xFF, as protocol-notes 2.4/2.7 report
   *       for the older IOS of ios_nhrp.pcap (flag and extension 9 come together in both shared captures of
   *       later images; NAT-transparency-aware DMVPN came after 12.3(3)). Flag and prefix are not visible in
   *       the seed: unconfirmed.
   *   <li>Resolution retransmitted after 2 s, and a request delayed for IPsec answered when its retransmission
   *       arrives ({@link NhrpOptions#resolutionRetrySeconds()}, {@link
   *       NhrpOptions#delayedReplyOnRetransmission()}: the seed's NHRP debugs).
   *   <li>The hub answers a Resolution Request for a registered spoke itself (seed: "nhrp_cache_lookup_comp
   *       returned 0x63DE9498", "Send Resolution Reply", 112 bytes) and spokes reply directly to the requester
   *       (seed: sv9-4 "Receive Resolution Reply ... nbma src:209.168.202.130 nbma dst:209.168.202.131").
   * </ul>
   */
  public static final IosImage IOS_12_3_3 = new IosImage("12.3(3)",
      List.of(VendorIds.Known.NAT_T_DRAFT_03, VendorIds.Known.NAT_T_DRAFT_02N), false, PRECEDENCE_6,
      NhrpOptions.IOS_DEFAULTS.withCiscoNat(false, false).withRegistrationPrefixLength(255)
          .withResolutionRetry(2, true));

  /**
   * A later image (12.4 and 15.x mainline, as far as the shared captures show it).
   *
   * <ul>
   *   <li>MM1: NAT-T draft-07, draft-03, draft-02\n; MM3/MM4: Unity, DPD, IOS per-SA, XAUTH; TOS 0xC0
   *       (ios-ikev1-main-quick-mode.cap frames 1, 3, 4).
   *   <li>NHRP registration flags 0x8002 (unique + NAT), CIE prefix 32, Cisco NAT extension carrying the NHS
   *       (ios-nhrp-registration-key2-auth.pcap frames 1, 3); resolution flags 0xC802 / 0xF802 with an empty
   *       NAT extension (ios-phase2-resolution-via-hub.cap frames 2, 6).
   *   <li>The hub forwards resolution requests for registered spokes to them and the answer returns through it
   *       (ios-phase2-resolution-via-hub.cap frames 5-7: forwarded with hop count 254, reply via the hub with a
   *       reverse transit record).
   *   <li>Delayed requests answered once the SAs are up (the engine's behaviour before profiles; unconfirmed).
   * </ul>
   */
  public static final IosImage IOS_12_4 = new IosImage("12.4",
      List.of(VendorIds.Known.NAT_T_DRAFT_07, VendorIds.Known.NAT_T_DRAFT_03, VendorIds.Known.NAT_T_DRAFT_02N),
      true, PRECEDENCE_6,
      NhrpOptions.IOS_DEFAULTS.withCiscoNat(true, true).withRegistrationPrefixLength(32)
          .withRepliesViaNhs(true).withAnswerFromRegistrations(false).withResolutionRetry(2, false));

  /** The document's image. */
  public static final IosImage DEFAULT = IOS_12_3_3;

  public IosImage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nhrp, "nhrp");
    natTraversalVids = List.copyOf(natTraversalVids);
    if (isakmpTos < 0 || isakmpTos > 0xFF) {
      throw new IllegalArgumentException("isakmpTos must be a byte, got " + isakmpTos);
    }
  }

  /** {@code config} with this image's Main Mode vendor IDs. */
  public IkeConfig applyTo(IkeConfig config) {
    return config.withNatTraversalVids(natTraversalVids).withXauthVendorId(xauthVendorId);
  }

  @Override
  public String toString() {
    return "IOS " + name;
  }
}
