package dev.dmvpn.topology.secrets;

import dev.dmvpn.ref.config.Secret;
import dev.dmvpn.topology.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * Turns references into {@link Secret}s (whose {@code toString} is masked) at the moment they are needed.
 * The environment is injected so tests need not change the process's environment.
 */
public final class SecretResolver {
  /** A secret file is a line or two; a large one is the wrong file. */
  static final long MAX_FILE_BYTES = 4096;

  private final Map<String, String> environment;

  public SecretResolver(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Resolves against the process environment. */
  public static SecretResolver fromProcess() {
    return new SecretResolver(System.getenv());
  }

  public Secret resolve(SecretRef ref) throws SecretUnavailableException {
    if (ref instanceof SecretRef.Env env) {
      return fromEnvironment(env);
    }
    return fromFile((SecretRef.File) ref);
  }

  private Secret fromEnvironment(SecretRef.Env env) throws SecretUnavailableException {
    String value = environment.get(env.variable());
    if (value == null || value.isEmpty()) {
      throw new SecretUnavailableException("environment variable " + env.variable() + " is not set or empty");
    }
    return Secret.of(value);
  }

  private Secret fromFile(SecretRef.File ref) throws SecretUnavailableException {
    Optional<String> problem = CredentialFiles.problem(ref.path());
    if (problem.isPresent()) {
      throw new SecretUnavailableException(problem.get());
    }
    try {
      if (Files.size(ref.path()) > MAX_FILE_BYTES) {
        throw new SecretUnavailableException("credentials file " + ref.path() + " is larger than "
            + MAX_FILE_BYTES + " bytes; it should hold only the secret");
      }
      String text = Files.readString(ref.path(), StandardCharsets.UTF_8);
      String value = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
          : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      if (value.isEmpty() || value.contains("\n")) {
        throw new SecretUnavailableException("credentials file " + ref.path()
            + " must hold the secret on one line (it is empty or has several lines)");
      }
      return Secret.of(value);
    } catch (IOException e) {
      throw new SecretUnavailableException("credentials file " + ref.path() + " cannot be read: " + e.getMessage());
    }
  }
}
