package dev.dmvpn.ref.capture.decrypt;

import dev.dmvpn.ref.capture.keys.EspSaFile;
import dev.dmvpn.ref.capture.keys.IkeDecryptionTableFile;
import dev.dmvpn.ref.capture.keys.KeyFileException;
import dev.dmvpn.ref.capture.keys.WiresharkEspSa;
import dev.dmvpn.ref.capture.keys.WiresharkIkeSa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys for reading a capture, in Wireshark's own files: {@code esp_sa} rows and {@code ikev1_decryption_table} rows.
 * {@link #load} takes a Wireshark configuration directory holding either file, or one file of either kind.
 */
public record CaptureKeys(List<WiresharkEspSa> esp, List<WiresharkIkeSa> ike) {
  public static final String ESP_SA_FILE = "esp_sa";
  public static final String IKE_TABLE_FILE = "ikev1_decryption_table";

  public static CaptureKeys load(List<Path> paths) throws IOException {
    List<WiresharkEspSa> esp = new ArrayList<>();
    List<WiresharkIkeSa> ike = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        Path espFile = p.resolve(ESP_SA_FILE);
        Path ikeFile = p.resolve(IKE_TABLE_FILE);
        if (!Files.exists(espFile) && !Files.exists(ikeFile)) {
          throw new KeyFileException(p.toString(), 0, "holds neither " + ESP_SA_FILE + " nor " + IKE_TABLE_FILE);
        }
        if (Files.exists(espFile)) {
          esp.addAll(EspSaFile.read(espFile));
        }
        if (Files.exists(ikeFile)) {
          ike.addAll(IkeDecryptionTableFile.read(ikeFile));
        }
      } else if (looksLikeEspSa(p)) {
        esp.addAll(EspSaFile.read(p));
      } else {
        ike.addAll(IkeDecryptionTableFile.read(p));
      }
    }
    return new CaptureKeys(List.copyOf(esp), List.copyOf(ike));
  }

  /** esp_sa rows are quoted CSV ("IPv4",...); ikev1 rows are bare hex. */
  private static boolean looksLikeEspSa(Path p) throws IOException {
    for (String line : Files.readAllLines(p)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        return t.startsWith("\"");
      }
    }
    return p.getFileName().toString().contains("esp");
  }
}
