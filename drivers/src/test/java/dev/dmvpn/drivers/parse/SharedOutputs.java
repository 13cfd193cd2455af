package dev.dmvpn.drivers.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the shared real outputs and the seed document ({@code ../shared} next to the project root). */
final class SharedOutputs {
  private SharedOutputs() {}

  /** {@code ../shared/fixtures/ios-outputs/<relative>}. */
  static String output(String relative) {
    return read(shared().resolve("fixtures/ios-outputs").resolve(relative));
  }

  /** Lines {@code from}..{@code to} (1-based, inclusive) of the seed document. */
  static String seedLines(int from, int to) {
    String[] lines = read(shared().resolve("seed/000_6291f1acd3ce46b9.txt")).split("\n", -1);
    return String.join("\n", java.util.Arrays.copyOfRange(lines, from - 1, to));
  }

  private static Path shared() {
    String prop = System.getProperty("project.root");
    Path cwd = Path.of("").toAbsolutePath();
    Path root = prop != null && !prop.isBlank() ? Path.of(prop)
        : Files.exists(cwd.resolve("drivers")) ? cwd : cwd.getParent();
    Path shared = root.resolve("../shared").toAbsolutePath().normalize();
    if (!Files.isDirectory(shared)) {
      throw new IllegalStateException("shared test data folder missing: " + shared);
    }
    return shared;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
