package dev.dmvpn.ref.config;

import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** TEST-ONLY: the configuration fixtures under classpath {@code configs/} (the document's filled configurations in src/main/resources, the as-extracted copies and show-run outputs in src/test/resources) and the seed document. */
final class ConfigFixtures {
  private ConfigFixtures() {}

  static String text(String name) {
    try (InputStream in = ConfigFixtures.class.getResourceAsStream("/configs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("fixture missing: configs/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IosParseResult parse(String name) {
    return IosConfigParser.parse(text(name));
  }

  /** The Cisco document the configurations come from (shared/seed). */
  static String seedDocument() {
    try {
      return Files.readString(SharedFiles.shared("seed/000_6291f1acd3ce46b9.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
