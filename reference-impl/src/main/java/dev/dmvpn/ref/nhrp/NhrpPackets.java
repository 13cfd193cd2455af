package dev.dmvpn.ref.nhrp;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the NHRP packets DMVPN needs, with IOS defaults: afn 1, protocol 0x0800, version 1, hop count 255,
 * extensions in IOS order 3, 4, 5, 7, 9, End (protocol-notes 2.5, 2.8). Size, extension offset and checksum
 * are filled in by {@link NhrpCodec#encode(NhrpPacket)}.
 */
public final class NhrpPackets {
  private NhrpPackets() {}

  /**
   * IOS extension list: Responder Address (empty when {@code responder} is null), Forward and Reverse Transit
   * NHS Records, Authentication (omitted when {@code password} is null), Cisco NAT Address (omitted when
   * {@code natCies} is null; IOS versions differ), End.
   */
  public static List<NhrpExtension> iosExtensions(
      NhrpCie responder,
      List<NhrpCie> forward,
      List<NhrpCie> reverse,
      String password,
      List<NhrpCie> natCies) {
    List<NhrpExtension> out = new ArrayList<>(6);
    out.add(NhrpExtension.responderAddress(responder));
    out.add(NhrpExtension.forwardTransit(forward));
    out.add(NhrpExtension.reverseTransit(reverse));
    if (password != null) {
      out.add(NhrpExtension.ciscoAuthentication(password));
    }
    if (natCies != null) {
      out.add(NhrpExtension.ciscoNat(natCies));
    }
    out.add(NhrpExtension.end());
    return out;
  }

  /** Registration Request (spoke to NHS); IOS: flags {@link NhrpFlags#IOS_REGISTRATION}, one CIE. */
  public static NhrpPacket registrationRequest(
      NhrpAddresses addresses, long requestId, int flags, NhrpCie cie, List<NhrpExtension> extensions) {
    return mandatory(
        NhrpPacketType.REGISTRATION_REQUEST, addresses, requestId, flags, List.of(cie), extensions);
  }

  /**
   * Registration Reply (NHS to spoke): addresses, flags and request ID copied, every CIE echoed with
   * {@code code}, extensions as in {@link #replyExtensions}.
   */
  public static NhrpPacket registrationReply(
      NhrpPacket request, NhrpCieCode code, NhrpCie responder, String password) {
    NhrpMandatoryPart m = request.mandatoryPart();
    List<NhrpCie> cies = new ArrayList<>(m.cies().size());
    for (NhrpCie c : m.cies()) {
      cies.add(c.withCode(code));
    }
    return mandatory(
        NhrpPacketType.REGISTRATION_REPLY, m.addresses(), m.requestId(), m.flags(), cies,
        replyExtensions(request, responder, password));
  }

  /** Resolution Request; IOS: flags {@link NhrpFlags#IOS_RESOLUTION_REQUEST}, one CIE without addresses. */
  public static NhrpPacket resolutionRequest(
      NhrpAddresses addresses, long requestId, int flags, NhrpCie cie, List<NhrpExtension> extensions) {
    return mandatory(
        NhrpPacketType.RESOLUTION_REQUEST, addresses, requestId, flags, List.of(cie), extensions);
  }

  /**
   * Resolution Reply: the request's addresses and request ID, new flags (IOS {@link
   * NhrpFlags#IOS_RESOLUTION_REPLY}), the answer CIE, extensions as in {@link #replyExtensions}.
   */
  public static NhrpPacket resolutionReply(
      NhrpPacket request, int flags, NhrpCie answer, NhrpCie responder, String password) {
    NhrpMandatoryPart m = request.mandatoryPart();
    return mandatory(
        NhrpPacketType.RESOLUTION_REPLY, m.addresses(), m.requestId(), flags, List.of(answer),
        replyExtensions(request, responder, password));
  }

  /** Purge Request: flags {@link NhrpFlags#PURGE_N} when no reply is wanted; CIEs name what to purge. */
  public static NhrpPacket purgeRequest(
      NhrpAddresses addresses,
      long requestId,
      int flags,
      List<NhrpCie> cies,
      List<NhrpExtension> extensions) {
    return mandatory(NhrpPacketType.PURGE_REQUEST, addresses, requestId, flags, cies, extensions);
  }

  /** Purge Reply: the request's mandatory part copied, extensions as in {@link #replyExtensions}. */
  public static NhrpPacket purgeReply(NhrpPacket request, String password) {
    NhrpMandatoryPart m = request.mandatoryPart();
    return mandatory(
        NhrpPacketType.PURGE_REPLY, m.addresses(), m.requestId(), m.flags(), m.cies(),
        replyExtensions(request, null, password));
  }

  /** Error Indication with no extensions (RFC 2332 5.2.7) and hop count 255 (as IOS, per FRR). */
  public static NhrpPacket errorIndication(
      NhrpAddresses addresses, NhrpErrorCode code, int errorOffset, byte[] erroneousPacket) {
    NhrpBody body = new NhrpErrorIndication(0, code, errorOffset, addresses, erroneousPacket);
    return new NhrpPacket(NhrpFixedHeader.ios(NhrpPacketType.ERROR_INDICATION), body, List.of());
  }

  /**
   * Traffic Indication (redirect, code 0). IOS: source = hub, destination protocol = the triggering packet's
   * source, {@code embeddedPacket} = its IP header + 8 bytes, extensions 4, 5, 7, 9, End.
   */
  public static NhrpPacket trafficIndication(
      NhrpAddresses addresses, byte[] embeddedPacket, List<NhrpExtension> extensions) {
    NhrpBody body =
        new NhrpTrafficIndication(0, NhrpTrafficIndication.CODE_REDIRECT, 0, addresses, embeddedPacket);
    return new NhrpPacket(NhrpFixedHeader.ios(NhrpPacketType.TRAFFIC_INDICATION), body, extensions);
  }

  /**
   * A reply's extensions: the request's, in the request's order, with the Responder Address set to {@code
   * responder} and the Authentication extension regenerated from {@code password} (dropped when null); transit
   * records, Cisco NAT and unknown extensions are echoed.
   */
  public static List<NhrpExtension> replyExtensions(NhrpPacket request, NhrpCie responder, String password) {
    List<NhrpExtension> out = new ArrayList<>(request.extensions().size());
    for (NhrpExtension e : request.extensions()) {
      if (e instanceof NhrpExtension.ResponderAddress r) {
        List<NhrpCie> cies = responder == null ? List.of() : List.of(responder);
        out.add(new NhrpExtension.ResponderAddress(r.flagBits(), cies));
      } else if (e instanceof NhrpExtension.Authentication) {
        if (password != null) {
          out.add(NhrpExtension.ciscoAuthentication(password));
        }
      } else {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * What a forwarding NHS sends on: hop count minus one and its own CIE appended to the Forward Transit record
   * (requests) or the Reverse Transit record (replies); everything else unchanged.
   */
  public static NhrpPacket forwarded(NhrpPacket p, NhrpCie self) {
    boolean request = p.type().value() % 2 == 1;
    List<NhrpExtension> out = new ArrayList<>(p.extensions().size());
    for (NhrpExtension e : p.extensions()) {
      if (request && e instanceof NhrpExtension.ForwardTransit f) {
        out.add(new NhrpExtension.ForwardTransit(f.flagBits(), append(f.cies(), self)));
      } else if (!request && e instanceof NhrpExtension.ReverseTransit r) {
        out.add(new NhrpExtension.ReverseTransit(r.flagBits(), append(r.cies(), self)));
      } else {
        out.add(e);
      }
    }
    return new NhrpPacket(p.header().withHopCount(p.header().hopCount() - 1), p.body(), out);
  }

  private static List<NhrpCie> append(List<NhrpCie> cies, NhrpCie self) {
    List<NhrpCie> out = new ArrayList<>(cies.size() + 1);
    out.addAll(cies);
    out.add(self);
    return out;
  }

  private static NhrpPacket mandatory(
      NhrpPacketType type, NhrpAddresses addresses, long requestId, int flags, List<NhrpCie> cies,
      List<NhrpExtension> extensions) {
    NhrpFixedHeader h = NhrpFixedHeader.ios(type);
    NhrpMandatoryPart m = new NhrpMandatoryPart(flags, requestId, addresses, List.copyOf(cies));
    return new NhrpPacket(h, m, extensions);
  }
}
