package dev.dmvpn.ref.node;

import dev.dmvpn.ref.nhrp.engine.NhrpEvent;

/** Turns NHRP engine events into the demo's sentences ("NHRP registration to 192.168.1.1 answered"). */
final class NhrpEventText {
  private NhrpEventText() {}

  static String of(NhrpEvent e) {
    String id = e.requestId() >= 0 ? " (id " + e.requestId() + ")" : "";
    return switch (e.type()) {
      case REGISTRATION_SENT -> "NHRP registration request to " + e.protocol() + " at " + e.nbma() + " sent"
          + id + ", " + e.detail();
      case REGISTRATION_ANSWERED -> "NHRP registration to " + e.protocol() + " answered" + id;
      case REGISTRATION_FAILED -> "NHRP registration to " + e.protocol() + " failed" + id + ": " + e.detail();
      case REGISTRATION_RECEIVED -> "NHRP registration of " + e.protocol() + " at " + e.nbma() + " received" + id
          + ", " + e.detail();
      case RESOLUTION_SENT -> "NHRP resolution request for " + e.protocol() + " sent to NHS at " + e.nbma() + id
          + ", " + e.detail();
      case RESOLUTION_ANSWERED -> "NHRP resolution of " + e.protocol() + " answered" + id + ": " + e.detail()
          + " at " + e.nbma();
      case RESOLUTION_FAILED -> "NHRP resolution of " + e.protocol() + " failed" + id + ": " + e.detail();
      case RESOLUTION_REPLIED -> "NHRP resolution reply to " + e.protocol() + " sent to " + e.nbma() + id + ": "
          + e.detail();
      case RESOLUTION_DELAYED -> "NHRP delaying resolution request from " + e.protocol() + id
          + ": IPSEC-IFC: need to wait for IPsec SAs to " + e.nbma();
      case RESOLUTION_DELAY_OVER -> "NHRP process delayed resolution request from " + e.protocol() + id
          + ": its retransmission arrived with IPsec SAs to " + e.nbma() + " up";
      case REQUEST_FORWARDED -> "NHRP forwarding resolution request for " + e.protocol() + " to " + e.nbma() + id
          + ", " + e.detail();
      case REPLY_FORWARDED -> "NHRP forwarding resolution reply for " + e.protocol() + " to " + e.nbma() + id
          + ", " + e.detail();
      default -> "NHRP " + e.type().label() + (e.protocol() == null ? "" : " " + e.protocol())
          + (e.nbma() == null ? "" : " nbma " + e.nbma()) + id + (e.detail().isEmpty() ? "" : ": " + e.detail());
    };
  }
}
