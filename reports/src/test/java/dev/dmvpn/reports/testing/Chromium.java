package dev.dmvpn.reports.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens an HTML file in headless Chromium (Debian {@code chromium}, installed by {@code bin/test}) and returns the DOM
 * it built. {@code --no-sandbox} because the tests run as root (Chromium refuses its sandbox then); a fresh profile
 * directory per call so concurrent runs do not share a lock. Fails, never skips, when Chromium is missing.
 */
public final class Chromium {
  private Chromium() {}

  public static String dumpDom(Path html, Path workDir) throws IOException, InterruptedException {
    return dumpDom(html, workDir, List.of());
  }

  /**
   * As {@link #dumpDom(Path, Path)} with extra flags, e.g. {@code --virtual-time-budget=5000} to let a scripted page
   * (Allure's) render before the DOM is taken.
   */
  public static String dumpDom(Path html, Path workDir, List<String> flags) throws IOException, InterruptedException {
    Path binary = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(binary + " missing: install the Debian package chromium (bin/test does)");
    }
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    Path out = workDir.resolve("chromium-dom.html");
    Path err = workDir.resolve("chromium-stderr.txt");
    List<String> cmd = new java.util.ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--user-data-dir=" + profile));
    cmd.addAll(flags);
    cmd.addAll(List.of("--dump-dom", html.toAbsolutePath().toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        throw new IllegalStateException("chromium did not finish within 90 s on " + html);
      }
    } finally {
      // on a timeout its renderer and zygote processes must go too, not only the browser process
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0 || dom.isBlank()) {
      throw new IllegalStateException("chromium exit " + p.exitValue() + " on " + html + ", stderr in " + err);
    }
    return dom;
  }
}
