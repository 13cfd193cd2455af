package dev.dmvpn.ref.capture.decrypt;

import dev.dmvpn.ref.bytes.DecodeResult;
import dev.dmvpn.ref.capture.FrameDecryptor;
import dev.dmvpn.ref.esp.EspPacket;
import dev.dmvpn.ref.isakmp.IsakmpMessage;
import dev.dmvpn.ref.isakmp.IsakmpPayload;
import dev.dmvpn.ref.l2l3.Ipv4Packet;
import java.util.List;

/** A {@link FrameDecryptor} for one capture, from Wireshark key files. Use one instance per capture. */
public final class KeyedFrameDecryptor implements FrameDecryptor {
  private final EspCaptureDecryptor esp;
  private final IkeCaptureDecryptor ike;

  public KeyedFrameDecryptor(CaptureKeys keys) {
    this.esp = new EspCaptureDecryptor(keys.esp());
    this.ike = new IkeCaptureDecryptor(keys.ike());
  }

  @Override
  public EspPlaintext openEsp(Ipv4Packet outer, EspPacket packet) {
    return esp.open(outer, packet);
  }

  @Override
  public void observeIsakmp(IsakmpMessage clear) {
    ike.observe(clear);
  }

  @Override
  public DecodeResult<List<IsakmpPayload>> openIsakmp(IsakmpMessage encrypted) {
    return ike.open(encrypted);
  }
}
