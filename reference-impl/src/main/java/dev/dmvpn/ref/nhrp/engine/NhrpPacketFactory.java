package dev.dmvpn.ref.nhrp.engine;

import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.nhrp.NhrpAddresses;
import dev.dmvpn.ref.nhrp.NhrpCie;
import dev.dmvpn.ref.nhrp.NhrpCieCode;
import dev.dmvpn.ref.nhrp.NhrpCodec;
import dev.dmvpn.ref.nhrp.NhrpErrorCode;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpFlags;
import dev.dmvpn.ref.nhrp.NhrpMandatoryPart;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.nhrp.NhrpPackets;
import java.util.ArrayList;
import java.util.List;

/** Builds the packets this node sends, from its configuration, on top of {@link NhrpPackets}' IOS defaults. */
final class NhrpPacketFactory {
  /** Offset of ar$hopcnt in the fixed header: the Error Indication's error offset for hop count exceeded. */
  static final int HOP_COUNT_OFFSET = 9;

  private final NhrpConfig config;

  NhrpPacketFactory(NhrpConfig config) {
    this.config = config;
  }

  /** This node as a CIE (responder address, transit records, authoritative answers for its tunnel address). */
  NhrpCie selfCie(int prefixLength) {
    return NhrpCie.ipv4(NhrpCieCode.SUCCESS, prefixLength, config.mtu(), config.holdtimeSeconds(),
        config.nbmaAddress(), config.tunnelAddress());
  }

  /** Registration Request to the NHS {@code nhsProto}: one CIE without addresses, IOS extensions. */
  NhrpPacket registrationRequest(Ipv4Address nhsProto, Ipv4Address nhsNbma, long requestId) {
    NhrpOptions o = config.options();
    int flags = (config.unique() ? NhrpFlags.REGISTRATION_U : 0) | (o.ciscoNatFlag() ? NhrpFlags.CISCO_NAT : 0);
    NhrpCie cie = NhrpCie.withoutAddresses(
        NhrpCieCode.SUCCESS, o.registrationPrefixLength(), config.mtu(), config.holdtimeSeconds());
    // IOS puts the NHS (NBMA, tunnel address, holdtime 0) in the NAT extension of registrations.
    List<NhrpCie> nat = o.ciscoNatExtension()
        ? List.of(NhrpCie.ipv4(NhrpCieCode.SUCCESS, 32, config.mtu(), 0, nhsNbma, nhsProto))
        : null;
    return NhrpPackets.registrationRequest(ownAddresses(nhsProto), requestId, flags, cie, extensions(nat));
  }

  /** Resolution Request for {@code destination}: IOS flags Q A S (+ NAT) = 0xC802, prefix-0 CIE. */
  NhrpPacket resolutionRequest(Ipv4Address destination, long requestId) {
    int flags = NhrpFlags.RESOLUTION_Q | NhrpFlags.RESOLUTION_A | NhrpFlags.RESOLUTION_S
        | (config.options().ciscoNatFlag() ? NhrpFlags.CISCO_NAT : 0);
    NhrpCie cie = NhrpCie.withoutAddresses(NhrpCieCode.SUCCESS, 0, config.mtu(), config.holdtimeSeconds());
    List<NhrpCie> nat = config.options().ciscoNatExtension() ? List.of() : null;
    return NhrpPackets.resolutionRequest(ownAddresses(destination), requestId, flags, cie, extensions(nat));
  }

  /** Registration Reply: CIE echoed with {@code code}, Responder Address = this NHS (prefix 32, as IOS). */
  NhrpPacket registrationReply(NhrpPacket request, NhrpCieCode code) {
    return NhrpPackets.registrationReply(addressedToUs(request), code, selfCie(32), config.authentication());
  }

  /**
   * The request with our tunnel address as Destination Protocol Address. An NHC that does not know its NHS's
   * protocol address sends its own there (RFC 2332 5.2.3; FRR's {@code ip nhrp nhs dynamic nbma ...}) and learns
   * the NHS's from the reply's: FRR's nhrpd as NHS always answers with its own address, and FRR's NHC installs the
   * reply's destination as its NHS (without this it routes nothing to 10.0.0.1). IOS NHCs name the NHS, so for
   * them the reply stays a copy of the request's addresses, as RFC 2332 5.2.4 says.
   */
  private NhrpPacket addressedToUs(NhrpPacket request) {
    NhrpMandatoryPart m = request.mandatoryPart();
    if (m.dstProtoLen() != 4 || m.dstProtoIpv4().equals(config.tunnelAddress())) {
      return request;
    }
    NhrpAddresses a = m.addresses();
    NhrpAddresses ours = new NhrpAddresses(a.srcNbma(), a.srcNbmaSub(), a.srcProto(),
        config.tunnelAddress().toBytes());
    return new NhrpPacket(request.header(), new NhrpMandatoryPart(m.flags(), m.requestId(), ours, m.cies()),
        request.extensions());
  }

  /** Resolution Reply with {@code answer}; flags gain A D U (IOS: 0xC802 becomes 0xF802). */
  NhrpPacket resolutionReply(NhrpPacket request, NhrpCie answer) {
    int flags = request.mandatoryPart().flags()
        | NhrpFlags.RESOLUTION_A | NhrpFlags.RESOLUTION_D | NhrpFlags.RESOLUTION_U;
    return NhrpPackets.resolutionReply(request, flags, answer, selfCie(0), config.authentication());
  }

  /** Purge Reply for a purge request. */
  NhrpPacket purgeReply(NhrpPacket request) {
    return NhrpPackets.purgeReply(request, config.authentication());
  }

  /**
   * A request or reply passed on: hop count - 1, this node appended to the forward (request) or reverse (reply)
   * transit record, authentication regenerated with this node's password (hop-by-hop, RFC 2332 5.3.4).
   */
  NhrpPacket forwarded(NhrpPacket p) {
    NhrpPacket f = NhrpPackets.forwarded(p, selfCie(0));
    return f.withExtensions(withOwnAuthentication(f.extensions()));
  }

  /** Error Indication about {@code inError}, addressed to its source protocol address. */
  NhrpPacket errorIndication(NhrpErrorCode code, int offset, NhrpPacket inError) {
    Ipv4Address dst = inError.type().hasMandatoryPart()
        ? inError.mandatoryPart().srcProtoIpv4()
        : Ipv4Address.ANY;
    NhrpAddresses a = NhrpAddresses.ipv4(config.nbmaAddress(), config.tunnelAddress(), dst);
    return NhrpPackets.errorIndication(a, code, offset, NhrpCodec.encode(inError));
  }

  private NhrpAddresses ownAddresses(Ipv4Address dstProto) {
    return NhrpAddresses.ipv4(config.nbmaAddress(), config.tunnelAddress(), dstProto);
  }

  private List<NhrpExtension> extensions(List<NhrpCie> nat) {
    return NhrpPackets.iosExtensions(null, List.of(), List.of(), config.authentication(), nat);
  }

  /** Replaces (or drops) the Authentication extension; inserts ours before Cisco NAT / End when missing. */
  private List<NhrpExtension> withOwnAuthentication(List<NhrpExtension> in) {
    String pw = config.authentication();
    List<NhrpExtension> out = new ArrayList<>(in.size() + 1);
    boolean placed = pw == null;
    for (NhrpExtension e : in) {
      if (e instanceof NhrpExtension.Authentication) {
        if (!placed) {
          out.add(NhrpExtension.ciscoAuthentication(pw));
          placed = true;
        }
        continue;
      }
      if (!placed && (e instanceof NhrpExtension.CiscoNat || e instanceof NhrpExtension.End)) {
        out.add(NhrpExtension.ciscoAuthentication(pw));
        placed = true;
      }
      out.add(e);
    }
    return out;
  }
}
