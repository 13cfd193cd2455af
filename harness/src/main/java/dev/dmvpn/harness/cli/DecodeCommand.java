package dev.dmvpn.harness.cli;

import dev.dmvpn.harness.decode.DecodePipeline;
import dev.dmvpn.harness.decode.JsonLinesSink;
import dev.dmvpn.ref.bytes.DecodeError;
import dev.dmvpn.ref.capture.CaptureFiles;
import dev.dmvpn.ref.capture.CaptureReader;
import dev.dmvpn.ref.capture.FrameDecryptor;
import dev.dmvpn.ref.capture.decrypt.CaptureKeys;
import dev.dmvpn.ref.capture.decrypt.KeyedFrameDecryptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmvpn-harness decode FILE}: a capture to JSON Lines, one object per frame. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decode a pcap or pcapng file: one JSON object per frame (JSON Lines) on stdout.",
      "Exit status: 0 file read; 1 file read up to a damaged record (frames before it are printed);"
          + " 2 unreadable or not a capture."
    })
public final class DecodeCommand implements Callable<Integer> {
  static final int EXIT_READ = 0;
  static final int EXIT_DAMAGED = 1;
  static final int EXIT_UNREADABLE = 2;

  @Parameters(index = "0", paramLabel = "FILE", description = "pcap or pcapng capture")
  Path file;

  @Option(names = "--keys", paramLabel = "KEYS",
      description = "Wireshark key file (esp_sa or ikev1_decryption_table) or a directory holding them;"
          + " repeatable. ESP and encrypted IKE are then decoded inside.")
  List<Path> keys = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("decode: " + file + ": no such file");
      return EXIT_UNREADABLE;
    }
    PrintWriter out = spec.commandLine().getOut();
    FrameDecryptor decryptor = null;
    if (!keys.isEmpty()) {
      try {
        decryptor = new KeyedFrameDecryptor(CaptureKeys.load(keys));
      } catch (IOException e) {
        err.println("decode: keys: " + e.getMessage());
        return EXIT_UNREADABLE;
      }
    }
    try (CaptureReader reader = CaptureFiles.open(file)) {
      java.io.OutputStream raw = Main.bytesBehind(out);
      if (raw != null) {
        out.flush();
      }
      JsonLinesSink sink = raw != null ? JsonLinesSink.of(raw) : JsonLinesSink.of(out);
      new DecodePipeline(DecodePipeline.defaultWorkers()).run(reader, sink, decryptor);
      Optional<DecodeError> damage = reader.trailingError();
      if (damage.isPresent()) {
        err.println("decode: " + file + ": stopped after frame " + reader.framesRead() + ": " + damage.get());
        return EXIT_DAMAGED;
      }
      return EXIT_READ;
    } catch (IOException e) {
      out.flush();
      err.println("decode: " + file + ": " + e.getMessage());
      return EXIT_UNREADABLE;
    }
  }
}
