package dev.dmvpn.ref.nhrp.engine;

import static org.testng.Assert.assertEquals;

import dev.dmvpn.ref.bytes.Hex;
import dev.dmvpn.ref.bytes.Ipv4Address;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.nhrp.NhrpCodec;
import dev.dmvpn.ref.nhrp.NhrpExtension;
import dev.dmvpn.ref.nhrp.NhrpPacket;
import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * The hub's forwarded Resolution Request against the real IOS one: ios-phase2-resolution-via-hub.cap frame 5
 * (hub 192.168.0.1 at 172.16.15.2 forwarding spoke 192.168.0.4's request, ID 6, to 192.168.0.2 at 172.16.25.2).
 */
public class ForwardedRequestCaptureTest {
  private static final String CAPTURE = "ios-phase2-resolution-via-hub.cap";

  private static NhrpPacket frame(int number) throws IOException {
    List<CapturedFrame> frames = CaptureFiles.readAll(SharedFiles.capture(CAPTURE));
    return FrameDecoder.decode(number, frames.get(number - 1)).nhrp();
  }

  /** What the hub received: frame 5 before forwarding (hop count 255, empty forward transit record). */
  private static NhrpPacket unforwarded(NhrpPacket f) {
    List<NhrpExtension> ext = new ArrayList<>();
    for (NhrpExtension e : f.extensions()) {
      ext.add(e instanceof NhrpExtension.ForwardTransit ? NhrpExtension.forwardTransit(List.of()) : e);
    }
    return new NhrpPacket(f.header().withHopCount(255), f.body(), ext);
  }

  @Test
  public void ourHubForwardsByteForByteLikeIos() throws IOException {
    NhrpPacket ios = frame(5);
    // tshark -V frame 5: hop 254, length 92, checksum 0x02fd, extoff 52, ext 3,4(20 bytes),5,9,End
    assertEquals(ios.header().hopCount(), 254);
    assertEquals(ios.header().packetSize(), 92);
    assertEquals(ios.header().checksum(), 0x02fd);
    assertEquals(ios.extensionTypes(), new int[] {3, 4, 5, 9, 0});

    // The capture's hub: no authentication, Cisco NAT extension echoed, MTU 1514, forwards even for a
    // registered address (12.4 behaviour), 192.168.0.2 known at 172.16.25.2.
    NhrpOptions o = NhrpOptions.IOS_DEFAULTS.withCiscoNat(true, true).withAnswerFromRegistrations(false);
    NhrpConfig hub = NhrpConfig.builder("192.168.0.1/24", "172.16.15.2")
        .map("192.168.0.2", "172.16.25.2").options(o).build();
    InMemoryNhrpNetwork net = new InMemoryNhrpNetwork();
    NhrpEngine engine = net.add(hub, NhrpRouting.of(Map.of()), ConnectionGate.ALWAYS_READY);
    engine.start();
    engine.receive(Ipv4Address.parse("172.16.45.2"), unforwarded(ios));

    InMemoryNhrpNetwork.Sent out = net.wire.get(0);
    assertEquals(out.to(), Ipv4Address.parse("172.16.25.2"));
    assertEquals(Hex.of(out.bytes()), Hex.of(NhrpCodec.encode(ios)), "same bytes as the IOS hub sent");
  }
}
