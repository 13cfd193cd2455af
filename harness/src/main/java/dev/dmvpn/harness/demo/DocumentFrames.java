package dev.dmvpn.harness.demo;

import static dev.dmvpn.ref.isakmp.IkeAttributes.AUTHENTICATION_METHOD;
import static dev.dmvpn.ref.isakmp.IkeAttributes.AUTH_PRE_SHARED_KEY;
import static dev.dmvpn.ref.isakmp.IkeAttributes.ENCRYPTION_ALGORITHM;
import static dev.dmvpn.ref.isakmp.IkeAttributes.ENCR_DES_CBC;
import static dev.dmvpn.ref.isakmp.IkeAttributes.GROUP_DESCRIPTION;
import static dev.dmvpn.ref.isakmp.IkeAttributes.GROUP_MODP_768;
import static dev.dmvpn.ref.isakmp.IkeAttributes.HASH_ALGORITHM;
import static dev.dmvpn.ref.isakmp.IkeAttributes.HASH_MD5;
import static dev.dmvpn.ref.isakmp.IkeAttributes.LIFE_DURATION;
import static dev.dmvpn.ref.isakmp.IkeAttributes.LIFE_SECONDS;
import static dev.dmvpn.ref.isakmp.IkeAttributes.LIFE_TYPE;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.LinkType;
import dev.dmvpn.ref.esp.EspPacket;
import dev.dmvpn.ref.image.IosImage;
import dev.dmvpn.ref.isakmp.DataAttribute;
import dev.dmvpn.ref.isakmp.ExchangeType;
import dev.dmvpn.ref.isakmp.IsakmpHeader;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.isakmp.ProposalPayload;
import dev.dmvpn.ref.isakmp.SaPayload;
import dev.dmvpn.ref.isakmp.TransformPayload;
import dev.dmvpn.ref.l2l3.MacAddress;
import dev.dmvpn.ref.nhrp.NhrpAddresses;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpCieCode;
import dev.dmvpn.ref.nhrp.NhrpFlags;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPackets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The document's exchange on the public segment, built frame by frame with the project's encoders at the
 * document's addresses (hub sv9-2 209.168.202.225 / 192.168.1.1; spokes sv9-3 209.168.202.131 / 192.168.1.2 and
 * sv9-4 209.168.202.130 / 192.168.1.3; tunnel key 0, NHRP authentication cisco123, holdtime 7200).
 *
 * <p>A codec-level rendering, not a simulation (that is {@code DocumentScenario}, which the demo runs): the
 * frames are built directly by the encoders, so tshark can be shown what the encoders alone write (the
 * cross-check test) and the decode benchmark has realistic frames to generate from. The ISAKMP message is Main
 * Mode 1 only and the ESP bodies are opaque bytes.
 */
public final class DocumentFrames {
  public static final Ipv4Address HUB_NBMA = Ipv4Address.parse("209.168.202.225");
  public static final Ipv4Address HUB_TUNNEL = Ipv4Address.parse("192.168.1.1");
  public static final Ipv4Address SV9_3_NBMA = Ipv4Address.parse("209.168.202.131");
  public static final Ipv4Address SV9_3_TUNNEL = Ipv4Address.parse("192.168.1.2");
  public static final Ipv4Address SV9_4_NBMA = Ipv4Address.parse("209.168.202.130");
  public static final Ipv4Address SV9_4_TUNNEL = Ipv4Address.parse("192.168.1.3");
  /** The LAN behind sv9-3 that sv9-4 pings (document: {@code ping 2.2.2.2}). */
  public static final Ipv4Address PING_TARGET = Ipv4Address.parse("2.2.2.2");
  /** {@code tunnel key 0}: the K bit set with key 0 (protocol-notes 1, unconfirmed on hardware). */
  public static final Long TUNNEL_KEY = 0L;
  /** The document's {@code ip nhrp authentication} value: test data from the public document, not a secret. */
  public static final String NHRP_AUTH = "cisco123";
  public static final int HOLD_TIME = 7200;
  public static final int IP_MTU = 1440;

  private static final MacAddress HUB_MAC = MacAddress.parse("02:00:00:00:02:25");
  private static final MacAddress SV9_3_MAC = MacAddress.parse("02:00:00:00:01:31");
  private static final MacAddress SV9_4_MAC = MacAddress.parse("02:00:00:00:01:30");
  /** 2026-11-27 00:00:00 UTC: a fixed start so the capture is reproducible. */
  private static final long START_NANOS = 1_795_737_600_000_000_000L;
  private static final long STEP_NANOS = 1_000_000L;
  /** The document's image: its NHRP flags (no Cisco NAT bit), CIE prefixes and Main Mode vendor IDs. */
  private static final IosImage IMAGE = IosImage.IOS_12_3_3;
  private static final int NAT_FLAG = IMAGE.nhrp().ciscoNatFlag() ? NhrpFlags.CISCO_NAT : 0;
  private static final int REGISTRATION_FLAGS = NhrpFlags.REGISTRATION_U | NAT_FLAG;
  private static final int RESOLUTION_FLAGS =
      NhrpFlags.RESOLUTION_Q | NhrpFlags.RESOLUTION_A | NhrpFlags.RESOLUTION_S | NAT_FLAG;
  private static final int REPLY_FLAGS = RESOLUTION_FLAGS | NhrpFlags.RESOLUTION_D | NhrpFlags.RESOLUTION_U;

  private DocumentFrames() {}

  /** The exchange in order: registrations, resolution via the hub, Main Mode 1, ESP between the spokes. */
  public static List<CapturedFrame> exchange() {
    List<byte[]> frames = new ArrayList<>();
    frames.addAll(registration(SV9_4_MAC, SV9_4_NBMA, SV9_4_TUNNEL, 1));
    frames.addAll(registration(SV9_3_MAC, SV9_3_NBMA, SV9_3_TUNNEL, 1));
    frames.addAll(resolutionViaHub(2));
    frames.add(mainMode1(0x5ca1ab1e0ddba11L));
    for (int seq = 1; seq <= 3; seq++) {
      frames.add(esp(0x2e8b3c01, seq, 120));
    }
    return stamp(frames);
  }

  /** sv9-x -> hub Registration Request and the hub's reply (protocol-notes 2.8). */
  public static List<byte[]> registration(MacAddress mac, Ipv4Address nbma, Ipv4Address tunnel, long requestId) {
    NhrpPacket request = NhrpPackets.registrationRequest(
        NhrpAddresses.ipv4(nbma, tunnel, HUB_TUNNEL), requestId, REGISTRATION_FLAGS,
        NhrpCie.withoutAddresses(NhrpCieCode.SUCCESS, IMAGE.nhrp().registrationPrefixLength(), IP_MTU, HOLD_TIME),
        NhrpPackets.iosExtensions(null, List.of(), List.of(), NHRP_AUTH, null));
    NhrpPacket reply = NhrpPackets.registrationReply(request, NhrpCieCode.SUCCESS, hubCie(), NHRP_AUTH);
    return List.of(
        WireFrames.nhrpInGre(mac, HUB_MAC, nbma, HUB_NBMA, TUNNEL_KEY, request, (int) requestId),
        WireFrames.nhrpInGre(HUB_MAC, mac, HUB_NBMA, nbma, TUNNEL_KEY, reply, (int) requestId + 100));
  }

  /**
   * sv9-4 asks the hub for 2.2.2.2; the hub forwards it to sv9-3 (hop count 254, itself appended to the Forward
   * Transit NHS record: the document's "Forwarding Resolution Request via Tunnel0"); sv9-3 answers sv9-4.
   */
  public static List<byte[]> resolutionViaHub(long requestId) {
    NhrpPacket request = NhrpPackets.resolutionRequest(
        NhrpAddresses.ipv4(SV9_4_NBMA, SV9_4_TUNNEL, PING_TARGET), requestId, RESOLUTION_FLAGS,
        NhrpCie.withoutAddresses(NhrpCieCode.SUCCESS, 0, IP_MTU, HOLD_TIME),
        NhrpPackets.iosExtensions(null, List.of(), List.of(), NHRP_AUTH, null));
    NhrpPacket forwarded = NhrpPackets.forwarded(request, hubCie());
    NhrpCie answer = NhrpCie.ipv4(NhrpCieCode.SUCCESS, 24, IP_MTU, HOLD_TIME, SV9_3_NBMA, SV9_3_TUNNEL);
    NhrpCie responder = NhrpCie.ipv4(NhrpCieCode.SUCCESS, 32, IP_MTU, HOLD_TIME, SV9_3_NBMA, SV9_3_TUNNEL);
    NhrpPacket reply = NhrpPackets.resolutionReply(
        forwarded, REPLY_FLAGS, answer, responder, NHRP_AUTH);
    return List.of(
        WireFrames.nhrpInGre(SV9_4_MAC, HUB_MAC, SV9_4_NBMA, HUB_NBMA, TUNNEL_KEY, request, 20),
        WireFrames.nhrpInGre(HUB_MAC, SV9_3_MAC, HUB_NBMA, SV9_3_NBMA, TUNNEL_KEY, forwarded, 21),
        WireFrames.nhrpInGre(SV9_3_MAC, SV9_4_MAC, SV9_3_NBMA, SV9_4_NBMA, TUNNEL_KEY, reply, 22));
  }

  /**
   * sv9-3 (initiator in the document's debug) -> sv9-4 Main Mode 1: DES, MD5, group 1, pre-share, 86400 s, and
   * the NAT-T vendor IDs 12.3(3) constructs (draft-03, draft-02\n).
   */
  public static byte[] mainMode1(long initiatorCookie) {
    TransformPayload t = new TransformPayload(1, TransformPayload.KEY_IKE, List.of(
        DataAttribute.basic(ENCRYPTION_ALGORITHM, ENCR_DES_CBC),
        DataAttribute.basic(HASH_ALGORITHM, HASH_MD5),
        DataAttribute.basic(GROUP_DESCRIPTION, GROUP_MODP_768),
        DataAttribute.basic(AUTHENTICATION_METHOD, AUTH_PRE_SHARED_KEY),
        DataAttribute.basic(LIFE_TYPE, LIFE_SECONDS),
        DataAttribute.ofNumber(LIFE_DURATION, 86400)));
    SaPayload sa = new SaPayload(SaPayload.DOI_IPSEC, SaPayload.SIT_IDENTITY_ONLY,
        List.of(new ProposalPayload(1, ProposalPayload.PROTO_ISAKMP, new byte[0], List.of(t))));
    IsakmpMessage mm1 = IsakmpMessage.plain(
        IsakmpHeader.of(initiatorCookie, 0, ExchangeType.MAIN_MODE, 0, 0),
        payloads(sa));
    return WireFrames.isakmp(SV9_3_MAC, SV9_4_MAC, SV9_3_NBMA, SV9_4_NBMA, mm1, 30);
  }

  private static List<IsakmpPayload> payloads(SaPayload sa) {
    List<IsakmpPayload> out = new ArrayList<>();
    out.add(sa);
    IMAGE.natTraversalVids().forEach(k -> out.add(k.payload()));
    return out;
  }

  /** sv9-4 -> sv9-3 ESP (transport mode carries GRE); the body is opaque random bytes of a 3DES/MD5 size. */
  public static byte[] esp(int spi, long seq, int bodyLength) {
    byte[] body = new byte[bodyLength];
    new Random(seq).nextBytes(body);
    return WireFrames.esp(SV9_4_MAC, SV9_3_MAC, SV9_4_NBMA, SV9_3_NBMA, new EspPacket(spi, seq, body), (int) seq);
  }

  private static NhrpCie hubCie() {
    return NhrpCie.ipv4(NhrpCieCode.SUCCESS, 32, IP_MTU, HOLD_TIME, HUB_NBMA, HUB_TUNNEL);
  }

  private static List<CapturedFrame> stamp(List<byte[]> frames) {
    List<CapturedFrame> out = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      byte[] f = frames.get(i);
      out.add(new CapturedFrame(0, LinkType.ETHERNET, START_NANOS + i * STEP_NANOS, f.length, f));
    }
    return out;
  }
}
