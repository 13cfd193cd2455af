package dev.dmvpn.topology;

import java.nio.file.Path;

/**
 * Where a secret lives. A testbed never holds a secret itself: a literal password is a validation error.
 * Records here hold only the reference (a variable name, a path), so printing them is safe.
 */
public sealed interface SecretRef permits SecretRef.Env, SecretRef.File {

  /** An environment variable ({@code {env: DMVPN_PSK}} or pyATS {@code %ENV{DMVPN_PSK}}). */
  record Env(String variable) implements SecretRef {
    public Env {
      if (variable == null || !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("'" + variable + "' is not an environment variable name");
      }
    }

    @Override
    public String toString() {
      return "env:" + variable;
    }
  }

  /**
   * A file holding only the secret (one trailing newline is dropped). It must be readable by its owner only.
   *
   * @param path absolute, or resolved against the testbed file's directory when loaded
   */
  record File(Path path) implements SecretRef {
    public File {
      if (path == null) {
        throw new IllegalArgumentException("path is required");
      }
    }

    @Override
    public String toString() {
      return "file:" + path;
    }
  }
}
