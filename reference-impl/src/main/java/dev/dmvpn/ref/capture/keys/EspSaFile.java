package dev.dmvpn.ref.capture.keys;

import dev.dmvpn.ref.bytes.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Wireshark's {@code esp_sa} UAT file: one SA per line, eight quoted, comma-separated fields
 * <pre>"IPv4","172.16.0.11","172.16.0.1","0xc92b34bb","TripleDES-CBC [RFC2451]","0x&lt;key&gt;","HMAC-MD5-96 [RFC2403]","0x&lt;key&gt;"</pre>
 * Keys are written as "0x" + hex. On reading, a key without "0x" is taken as ASCII text and "" as no key (what
 * Wireshark does); inside quotes {@code \xNN} escapes are decoded (Wireshark's UAT escaping); blank lines and
 * lines starting with '#' are skipped.
 */
public final class EspSaFile {
  private static final int FIELDS = 8;

  private EspSaFile() {}

  public static List<WiresharkEspSa> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** Parses file content; {@code source} names the file in error messages. */
  public static List<WiresharkEspSa> parse(String content, String source) throws KeyFileException {
    return UatFields.parseLines(content, source, EspSaFile::parseLine);
  }

  public static void write(Path file, List<WiresharkEspSa> sas) throws IOException {
    Files.writeString(file, format(sas), StandardCharsets.UTF_8);
  }

  /** The file content for {@code sas}, one line each. */
  public static String format(List<WiresharkEspSa> sas) {
    StringBuilder sb = new StringBuilder();
    for (WiresharkEspSa sa : sas) {
      sb.append(quote(sa.protocol())).append(',').append(quote(sa.source())).append(',')
          .append(quote(sa.destination())).append(',')
          .append(quote("0x" + Hex.of(new byte[] {(byte) (sa.spi() >>> 24), (byte) (sa.spi() >>> 16),
              (byte) (sa.spi() >>> 8), (byte) sa.spi()}))).append(',')
          .append(quote(sa.encryptionAlgorithm())).append(',').append(quote(key(sa.encryptionKey()))).append(',')
          .append(quote(sa.authenticationAlgorithm())).append(',').append(quote(key(sa.authenticationKey())))
          .append('\n');
    }
    return sb.toString();
  }

  private static WiresharkEspSa parseLine(String line) {
    List<String> f = UatFields.split(line);
    if (f.size() != FIELDS) {
      throw new IllegalArgumentException("expected " + FIELDS + " quoted fields (protocol, source, destination, "
          + "SPI, encryption, key, authentication, key), found " + f.size());
    }
    if (!f.get(0).equals("IPv4") && !f.get(0).equals("IPv6")) {
      throw new IllegalArgumentException("field 1: protocol must be IPv4 or IPv6, not '" + f.get(0) + "'");
    }
    return new WiresharkEspSa(f.get(0), f.get(1), f.get(2), parseSpi(f.get(3)), f.get(4), parseKey(f.get(5), 6),
        f.get(6), parseKey(f.get(7), 8));
  }

  private static int parseSpi(String s) {
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw new IllegalArgumentException("field 4: SPI must be 0x followed by hex, not '" + s + "'");
    }
    try {
      long v = Long.parseLong(s.substring(2), 16);
      if (v > 0xFFFF_FFFFL || s.length() < 3) {
        throw new NumberFormatException();
      }
      return (int) v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("field 4: SPI '" + s + "' is not a 32-bit hex number");
    }
  }

  private static byte[] parseKey(String s, int field) {
    if (s.isEmpty()) {
      return new byte[0];
    }
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      return s.getBytes(StandardCharsets.ISO_8859_1); // Wireshark: a key without 0x is ASCII text
    }
    try {
      return Hex.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("field " + field + ": key is not hex: " + e.getMessage());
    }
  }

  private static String key(byte[] key) {
    return key.length == 0 ? "" : "0x" + Hex.of(key);
  }

  private static String quote(String s) {
    return '"' + UatFields.escape(s) + '"';
  }
}
