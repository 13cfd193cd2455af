package dev.dmvpn.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Allure's own report as one HTML file ({@code allure generate --single-file}), made from an Allure results directory
 * when the Allure command line is at hand; optional: a run never needs it. The command line is looked for in the
 * system property {@value #HOME_PROPERTY}, then the environment variable {@code ALLURE_HOME} (an unzipped
 * allure-commandline), then the zip {@code io.qameta.allure:allure-commandline:2.34.1:zip} in the local Maven
 * repository (unzipped once under {@code java.io.tmpdir}). It runs as {@code java -cp lib/*:lib/config
 * io.qameta.allure.CommandLine}, as its {@code bin/allure} script does, so no shell and no file modes are needed.
 */
public final class AllureHtml {
  public static final String VERSION = "2.34.1";
  public static final String HOME_PROPERTY = "dmvpn.allure.home";
  private static final String MAIN = "io.qameta.allure.CommandLine";

  private AllureHtml() {}

  /** Where an Allure command line is, or empty. */
  public static Optional<Path> findHome() throws IOException {
    for (String configured : new String[] {System.getProperty(HOME_PROPERTY), System.getenv("ALLURE_HOME")}) {
      if (configured != null && !configured.isBlank()) {
        Path home = Path.of(configured);
        return isHome(home) ? Optional.of(home) : Optional.empty();
      }
    }
    Path zip = localRepository().resolve("io/qameta/allure/allure-commandline/" + VERSION
        + "/allure-commandline-" + VERSION + ".zip");
    if (!Files.isRegularFile(zip)) {
      return Optional.empty();
    }
    return Optional.of(unzipOnce(zip, Path.of(System.getProperty("java.io.tmpdir"), "dmvpn-allure-" + VERSION)));
  }

  /**
   * Generates {@code outDir/index.html} from {@code results}. Empty when no Allure command line is found.
   *
   * @throws IOException when Allure ran and failed or timed out (its output is in {@code outDir}'s sibling
   *     {@code allure-generate.log})
   */
  public static Optional<Path> generate(Path results, Path outDir, Duration timeout)
      throws IOException, InterruptedException {
    Optional<Path> home = findHome();
    if (home.isEmpty()) {
      return Optional.empty();
    }
    Path h = home.get().toAbsolutePath();
    Path log = outDir.toAbsolutePath().resolveSibling("allure-generate.log");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", h.resolve("lib") + "/*" + java.io.File.pathSeparator + h.resolve("lib/config"), MAIN,
        "generate", "--single-file", results.toAbsolutePath().toString(), "-o", outDir.toAbsolutePath().toString(),
        "--clean"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("APP_HOME", h.toString()); // Allure finds its plugins and config through it
    Process p = pb.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("allure generate did not finish within " + timeout + " (log: " + log + ")");
      }
    } finally {
      p.destroyForcibly();
    }
    Path index = outDir.resolve("index.html");
    if (p.exitValue() != 0 || !Files.isRegularFile(index)) {
      throw new IOException("allure generate exited " + p.exitValue() + " without " + index + " (log: " + log + ")");
    }
    return Optional.of(index);
  }

  private static boolean isHome(Path home) {
    return Files.isDirectory(home.resolve("lib")) && Files.isDirectory(home.resolve("plugins"));
  }

  private static Path localRepository() {
    String repo = System.getProperty("maven.repo.local");
    return repo != null && !repo.isBlank() ? Path.of(repo)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** Unzips to a private directory, then renames it into place, so concurrent runs never see half an install. */
  private static Path unzipOnce(Path zip, Path target) throws IOException {
    Path home = target.resolve("allure-" + VERSION);
    if (isHome(home)) {
      return home;
    }
    Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unzip");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path out = tmp.resolve(e.getName()).normalize();
        if (!out.startsWith(tmp)) {
          throw new IOException("entry " + e.getName() + " of " + zip + " points outside the directory");
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          copy(in, out);
        }
      }
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
      deleteTree(tmp); // another run unzipped it first
    }
    if (!isHome(home)) {
      throw new IOException(zip + " did not unzip to an Allure command line at " + home);
    }
    return home;
  }

  private static void copy(InputStream in, Path out) throws IOException {
    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
