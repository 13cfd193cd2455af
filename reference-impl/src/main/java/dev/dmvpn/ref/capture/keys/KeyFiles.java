package dev.dmvpn.ref.capture.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a Wireshark configuration directory so that {@code WIRESHARK_CONFIG_DIR=dir tshark -r capture}
 * decrypts our ESP and IKEv1 traffic without any {@code -o} options (the format strongSwan's save-keys plugin
 * produces).
 */
public final class KeyFiles {
  /** Wireshark preference lines enabling ESP decryption and ICV checking. */
  static final String PREFERENCES = "# written by dmvpn-harness: decrypt ESP with the esp_sa table\n"
      + "esp.enable_encryption_decode: TRUE\n"
      + "esp.enable_authentication_check: TRUE\n";

  private KeyFiles() {}

  /**
   * Writes {@code esp_sa}, {@code ikev1_decryption_table} and {@code preferences} into {@code dir} (created if
   * missing; existing files of those names are replaced). Empty lists still produce (empty) files.
   */
  public static void writeWiresharkConfigDir(Path dir, List<WiresharkEspSa> espSas, List<WiresharkIkeSa> ikeSas)
      throws IOException {
    Files.createDirectories(dir);
    EspSaFile.write(dir.resolve("esp_sa"), espSas);
    IkeDecryptionTableFile.write(dir.resolve("ikev1_decryption_table"), ikeSas);
    Files.writeString(dir.resolve("preferences"), PREFERENCES, StandardCharsets.UTF_8);
  }
}
