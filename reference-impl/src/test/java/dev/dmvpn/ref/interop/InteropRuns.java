package dev.dmvpn.ref.interop;

import dev.dmvpn.ref.testing.SharedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where interop runs keep their configs and logs: {@code reference-impl/target/interop-runs/} (mvn clean removes it). */
public final class InteropRuns {
  private InteropRuns() {}

  public static Path workRoot() {
    Path root = SharedFiles.projectRoot().resolve("reference-impl/target/interop-runs");
    try {
      return Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
