package dev.dmvpn.virtualrack.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The document's three configurations with filled gaps, as reference-impl keeps them
 * ({@code reference-impl/src/main/resources/configs}, see its README).
 */
final class DocumentConfigs {
  private DocumentConfigs() {}

  static Path dir() {
    String root = System.getProperty("project.root", "..");
    return Path.of(root, "reference-impl", "src", "main", "resources", "configs");
  }

  static List<String> lines(String router) {
    try {
      return Files.readAllLines(dir().resolve(router + ".ios"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the document's configuration of " + router, e);
    }
  }

  /** The configuration lines: the {@code show run} header lines (exec output, not configuration) left out. */
  static List<String> configLines(String router) {
    return lines(router).stream()
        .filter(l -> !l.contains("#show run") && !l.startsWith("Building configuration")
            && !l.startsWith("Current configuration :"))
        .toList();
  }
}
