package dev.dmvpn.reports.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's shared data ({@code ../shared} next to the project root), found as reference-impl's SharedFiles finds it
 * (reports may not depend on reference-impl's tests). Missing files fail naming the absolute path; never a skip.
 */
public final class SharedFiles {
  private SharedFiles() {}

  public static Path projectRoot() {
    String prop = System.getProperty("project.root");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    Path cwd = Path.of("").toAbsolutePath();
    return Files.exists(cwd.resolve("reports")) ? cwd : cwd.getParent();
  }

  public static Path capture(String name) {
    Path p = projectRoot().resolve("../shared/captures").resolve(name).toAbsolutePath().normalize();
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("shared capture missing: " + p);
    }
    return p;
  }
}
