package dev.dmvpn.suites.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** tshark as the outside decoder: fields of a capture with a Wireshark configuration directory of keys. */
final class TsharkFields {
  private static final long TIMEOUT_SECONDS = 60;

  private TsharkFields() {}

  /** {@code "frame type requestId hopCount"} (decimal) for every NHRP packet, as tshark decodes them (ESP opened). */
  static List<String> nhrp(Path pcap, Path keyDir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("tshark", "-r", pcap.toString(), "-Y", "nhrp", "-T", "fields",
        "-E", "separator= ", "-e", "frame.number", "-e", "nhrp.hdr.op.type", "-e", "nhrp.reqid",
        "-e", "nhrp.hdr.hopcnt");
    pb.environment().put("WIRESHARK_CONFIG_DIR", keyDir.toAbsolutePath().toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("tshark is needed for this check (Debian package tshark): " + e.getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("tshark did not finish reading " + pcap + " within " + TIMEOUT_SECONDS + " s");
    }
    if (p.exitValue() != 0) {
      throw new IOException("tshark exited " + p.exitValue() + " on " + pcap);
    }
    // tshark prints the request ID in hex (0x00000001): numbers compared as numbers
    return out.lines().filter(l -> !l.isBlank())
        .map(l -> String.join(" ", java.util.Arrays.stream(l.strip().split(" "))
            .map(v -> String.valueOf(Long.decode(v))).toList()))
        .toList();
  }
}
