package dev.dmvpn.ref.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the team's shared test data ({@code ../shared} next to the project root). The one place that resolves
 * that folder: every test reaches shared data through {@link #shared} or {@link #capture}, and a missing folder or
 * file fails with an {@link IllegalStateException} naming the absolute path looked for (never a skip, never a bare
 * "cannot instantiate" from a static initializer: callers read shared files in test methods, not in static fields).
 */
public final class SharedFiles {
  private SharedFiles() {}

  /** The project root: the {@code project.root} system property set by Surefire, else the working dir (or parent). */
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

  /** The {@code ../shared} folder itself; fails naming the absolute path when it is not a directory. */
  public static Path root() {
    return rootOf(projectRoot());
  }

  /** {@code projectRoot/../shared}, checked as {@link #root} does (separate so the check itself is testable). */
  static Path rootOf(Path projectRoot) {
    Path root = projectRoot.resolve("../shared").toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("shared test data folder missing: " + root + " (the project expects"
          + " ../shared next to the project root " + projectRoot + ", normally a symlink to /work/shared)");
    }
    return root;
  }

  /** A path under {@code ../shared}; fails loudly (never skips) naming the absolute path when it is missing. */
  public static Path shared(String relative) {
    Path p = root().resolve(relative).normalize();
    if (!Files.exists(p)) {
      throw new IllegalStateException("shared test data missing: " + p + " (folder " + p.getParent()
          + (Files.isDirectory(p.getParent()) ? " exists" : " does not exist either") + ")");
    }
    return p;
  }

  public static Path capture(String name) {
    return shared("captures/" + name);
  }
}
