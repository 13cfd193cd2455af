package dev.dmvpn.ref.capture;

import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.esp.EspPacket;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import java.util.List;

/** What {@link FrameDecoder} needs to look inside ESP and encrypted ISAKMP; see {@code capture.decrypt}. */
public interface FrameDecryptor {

  /** The result of opening one ESP packet; {@code buffer} is null when nothing was decrypted. */
  record EspPlaintext(String status, int nextHeader, byte[] buffer, int offset, int length) {
    public static EspPlaintext none(String status) {
      return new EspPlaintext(status, -1, null, 0, 0);
    }
  }

  EspPlaintext openEsp(Ipv4Packet outer, EspPacket esp);

  /** Learns from a cleartext message (negotiated algorithms, KE values) what later decryption needs. */
  void observeIsakmp(IsakmpMessage clear);

  /** The payloads of an encrypted message, a failure, or null when there is no key for it. */
  DecodeResult<List<IsakmpPayload>> openIsakmp(IsakmpMessage encrypted);
}
