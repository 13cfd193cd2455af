package dev.dmvpn.ref.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the team's shared test data ({@code ../shared} next to the project root). */
public final class SharedFiles {
  private SharedFiles() {}

  /** The project root: the {@code project.root} system property set by Surefire, else the working dir's parent. */
  public static Path projectRoot() {
    String prop = System.getProperty("project.root");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    Path cwd = Path.of("").toAbsolutePath();
    return Files.exists(cwd.resolve("pom.xml")) && Files.exists(cwd.resolve("reference-impl"))
        ? cwd
        : cwd.getParent();
  }

  /** A path under {@code ../shared}; fails loudly (never skips) when the file is missing. */
  public static Path shared(String relative) {
    Path p = projectRoot().resolve("../shared").resolve(relative).normalize();
    if (!Files.exists(p)) {
      throw new IllegalStateException("shared test data missing: " + p);
    }
    return p;
  }

  public static Path capture(String name) {
    return shared("captures/" + name);
  }
}
