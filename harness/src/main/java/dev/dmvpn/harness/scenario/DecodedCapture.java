package dev.dmvpn.harness.scenario;

import dev.dmvpn.ref.capture.DecodedFrame;
import java.nio.file.Path;
import java.util.List;

/**
 * One capture point's frames after the run, decoded by the project's codecs, ESP and encrypted IKE opened when
 * the rack exported its keys.
 *
 * @param name the capture point
 * @param pcap the file written
 * @param decrypted whether keys were available
 */
public record DecodedCapture(String name, Path pcap, boolean decrypted, List<DecodedFrame> frames) {
  public DecodedCapture {
    frames = List.copyOf(frames);
  }
}
