package dev.dmvpn.harness.sequence;

import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.testing.SharedFiles;
import java.util.List;
import java.util.Map;

/**
 * The real captures the sequence tests read, with the variables that map each shipped expectation onto the
 * capture's addresses. Addresses from tshark 4.0 (`-e ip.src -e ip.dst -e nhrp.src.nbma.addr ...`), not from our
 * decoder.
 */
final class SequenceCaptures {
  /**
   * ios-phase2-resolution-via-hub.cap, captured on the link of spoke 172.16.25.2 (tunnel 192.168.0.2): the hub is
   * 172.16.15.2 / 192.168.0.1; frame 5 is spoke 172.16.45.2's (192.168.0.4) request forwarded by the hub
   * (tshark: hopcnt 254, reqid 0x00000006, client.nbma 172.16.15.2 / client.prot 192.168.0.1 in the Forward
   * Transit ext), frame 6 the reply of 172.16.25.2 to the hub (reqid 6, CIE client 172.16.25.2).
   */
  static final Map<String, String> PHASE2 = Map.of(
      "hub", "172.16.15.2", "hub_tunnel", "192.168.0.1",
      "requester", "172.16.45.2", "requester_tunnel", "192.168.0.4",
      "responder", "172.16.25.2", "target", "192.168.0.2");
  /** ios-ikev1-main-quick-mode.cap: 10.0.0.1 initiates (tshark: frame 1, rspi 0000000000000000). */
  static final Map<String, String> IKE = Map.of("initiator", "10.0.0.1", "responder", "10.0.0.2");
  /** ios-nhrp-registration-key2-auth.pcap: spoke 169.254.100.1 registers with 169.254.100.5 (tunnel 155.1.0.5). */
  static final Map<String, String> REGISTRATION = Map.of(
      "hub", "169.254.100.5", "hub_tunnel", "155.1.0.5", "spokes", "169.254.100.1");

  private SequenceCaptures() {}

  static List<DecodedFrame> read(String name) throws Exception {
    return CaptureFrames.read(SharedFiles.capture(name), List.of()).frames();
  }

  static List<DecodedFrame> phase2() throws Exception {
    return read("ios-phase2-resolution-via-hub.cap");
  }

  static List<DecodedFrame> ike() throws Exception {
    return read("ios-ikev1-main-quick-mode.cap");
  }

  static List<DecodedFrame> registration() throws Exception {
    return read("ios-nhrp-registration-key2-auth.pcap");
  }

  /** A shipped expectation's text, to derive deliberately wrong variants from. */
  static String shippedText(String name) throws Exception {
    try (var in = SequenceCaptures.class.getClassLoader().getResourceAsStream("expect/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
