package dev.dmvpn.harness.sequence;

import dev.dmvpn.ref.capture.CaptureContents;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.DecodedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.capture.FrameDecryptor;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.capture.decrypt.KeyedFrameDecryptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A capture file read and decoded for a sequence check, with Wireshark key files when given (in capture order:
 * the decryptor carries IKE state from frame to frame).
 *
 * @param damage why reading stopped before the end of the file, if it did (the frames before it are here)
 */
public record CaptureFrames(List<DecodedFrame> frames, Optional<String> damage) {
  public CaptureFrames {
    frames = List.copyOf(frames);
  }

  /**
   * @param keys key files or directories ({@code esp_sa}, {@code ikev1_decryption_table}); may be empty
   * @throws IOException the capture or a key file cannot be read (the message names it)
   */
  public static CaptureFrames read(Path capture, List<Path> keys) throws IOException {
    FrameDecryptor decryptor = keys.isEmpty() ? null : new KeyedFrameDecryptor(CaptureKeys.load(keys));
    CaptureContents contents = CaptureFiles.load(capture);
    List<DecodedFrame> frames = new ArrayList<>(contents.frames().size());
    long n = 0;
    for (CapturedFrame f : contents.frames()) {
      frames.add(FrameDecoder.decode(++n, f, decryptor));
    }
    return new CaptureFrames(frames, contents.trailingError().map(Object::toString));
  }
}
