package dev.dmvpn.ref.capture.keys;

import dev.dmvpn.ref.bytes.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Wireshark's {@code ikev1_decryption_table} UAT file: one ISAKMP SA per line, {@code icookie16hex,keyhex},
 * UNQUOTED (tshark 4.0 rejects quoted cookies with "COOKIE must be 8 octets"). Reading tolerates surrounding
 * quotes, blank lines and '#' comments.
 */
public final class IkeDecryptionTableFile {
  private IkeDecryptionTableFile() {}

  public static List<WiresharkIkeSa> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Parses file content; {@code source} names the file in error messages. */
  public static List<WiresharkIkeSa> parse(String content, String source) throws KeyFileException {
    return UatFields.parseLines(content, source, IkeDecryptionTableFile::parseLine);
  }

  public static void write(Path file, List<WiresharkIkeSa> sas) throws IOException {
    Files.writeString(file, format(sas), StandardCharsets.UTF_8);
  }

  public static String format(List<WiresharkIkeSa> sas) {
    StringBuilder sb = new StringBuilder();
    for (WiresharkIkeSa sa : sas) {
      sb.append(Hex.of(sa.initiatorCookie())).append(',').append(Hex.of(sa.encryptionKey())).append('\n');
    }
    return sb.toString();
  }

  private static WiresharkIkeSa parseLine(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 2) {
      throw new IllegalArgumentException("expected 'icookie,key' (2 fields), found " + f.length);
    }
    byte[] cookie = hexField(f[0], "initiator cookie");
    byte[] key = hexField(f[1], "encryption key");
    if (cookie.length != 8) {
      throw new IllegalArgumentException("initiator cookie must be 8 bytes (16 hex digits), got " + cookie.length);
    }
    if (key.length == 0) {
      throw new IllegalArgumentException("encryption key is empty");
    }
    return new WiresharkIkeSa(cookie, key);
  }

  private static byte[] hexField(String raw, String what) {
    String s = raw.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    try {
      return Hex.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not hex: " + e.getMessage());
    }
  }
}
