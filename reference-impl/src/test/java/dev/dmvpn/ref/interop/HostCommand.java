package dev.dmvpn.ref.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one host command (ip, swanctl, the interop scripts) to completion with a time limit. Output goes through
 * temp files, so a chatty command can never block on a full pipe.
 */
public final class HostCommand {
  private HostCommand() {}

  /** What a finished command left behind. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** Returns this result, or throws naming the command, its exit code and stderr. */
    public Result requireOk() {
      if (!ok()) {
        throw new IllegalStateException(
            "command failed (exit " + exitCode + "): " + String.join(" ", command) + "\n" + stderr + stdout);
      }
      return this;
    }
  }

  public static Result run(Duration timeout, String... command) {
    return run(timeout, Map.of(), List.of(command));
  }

  /** Runs {@code command} with extra environment variables; exit code -1 and "timed out" on timeout. */
  public static Result run(Duration timeout, Map<String, String> env, List<String> command) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("hostcmd", ".out");
      err = Files.createTempFile("hostcmd", ".err");
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(2, TimeUnit.SECONDS);
        return new Result(command, -1, read(out), "timed out after " + timeout + "\n" + read(err));
      }
      return new Result(command, p.exitValue(), read(out), read(err));
    } catch (IOException e) {
      return new Result(command, -1, "", "cannot run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(command, -1, "", "interrupted");
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path p) {
    try {
      if (p != null) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }
}
