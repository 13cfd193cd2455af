package dev.dmvpn.topology.load;

import dev.dmvpn.topology.Credential;
import dev.dmvpn.topology.SecretRef;
import dev.dmvpn.topology.load.YamlNode.Kind;
import dev.dmvpn.topology.load.YamlNode.Mapping;
import dev.dmvpn.topology.load.YamlNode.Scalar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads secret references and credential blocks. Accepted: {@code {env: VAR}}, {@code {file: PATH}} and pyATS's
 * {@code "%ENV{VAR}"}. A literal password is an error (the rule: secrets never sit in a testbed); pyATS's
 * {@code %ENC{}}, {@code %ASK{}} and {@code %CALLABLE{}} are errors too, since they need pyATS to resolve.
 * Messages never repeat the value that was found, which may be a real password.
 */
final class SecretRefReader {
  private static final Pattern PYATS_ENV = Pattern.compile("%ENV\\{([^}]*)\\}");
  private static final Pattern PYATS_OTHER = Pattern.compile("%(ENC|ASK|CALLABLE|INTERNAL)\\{.*", Pattern.DOTALL);
  private static final String HOW = "reference it as {env: VARIABLE}, {file: PATH} or \"%ENV{VARIABLE}\"";

  private final Fields f;
  private final Path baseDir;

  SecretRefReader(Fields f, Path baseDir) {
    this.f = f;
    this.baseDir = baseDir;
  }

  /** {@code credentials: {name: {username, password}}}. */
  Map<String, Credential> credentials(Mapping parent, String path) {
    Map<String, Credential> out = new LinkedHashMap<>();
    f.value(parent, path, "credentials", false).flatMap(n -> f.mapping(n, Fields.child(path, "credentials")))
        .ifPresent(m -> {
          String cp = Fields.child(path, "credentials");
          m.entries().forEach((name, e) -> credential(e.value(), Fields.child(cp, name))
              .ifPresent(c -> out.put(name, c)));
        });
    return out;
  }

  /**
   * pyATS's older form, {@code tacacs: {username}} with {@code passwords: {tacacs, enable, line}}, read as the
   * credentials {@code default} (the tacacs password with the tacacs username), {@code enable} and {@code line}.
   * Its passwords follow the same rule: references only.
   */
  Map<String, Credential> legacyPasswords(Mapping parent, String path) {
    Map<String, Credential> out = new LinkedHashMap<>();
    Optional<String> user = f.value(parent, path, "tacacs", false)
        .flatMap(n -> f.mapping(n, path + ".tacacs"))
        .flatMap(t -> {
          f.onlyKeys(t, path + ".tacacs", Set.of("username", "login_prompt", "password_prompt"));
          return f.string(t, path + ".tacacs", "username", false);
        });
    String pp = Fields.child(path, "passwords");
    f.value(parent, path, "passwords", false).flatMap(n -> f.mapping(n, pp)).ifPresent(m ->
        m.entries().forEach((name, e) -> secret(e.value(), pp + "." + name).ifPresent(ref -> {
          boolean login = name.equals("tacacs");
          out.put(login ? "default" : name, new Credential(login ? user : Optional.empty(), ref));
        })));
    return out;
  }

  private Optional<Credential> credential(YamlNode node, String path) {
    Optional<Mapping> m = f.mapping(node, path);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    f.onlyKeys(m.get(), path, Set.of("username", "password"));
    Optional<String> user = f.string(m.get(), path, "username", false);
    Optional<SecretRef> password = secret(m.get(), path, "password", true);
    return password.map(p -> new Credential(user, p));
  }

  /** The reference under {@code key}, or empty after a problem. */
  Optional<SecretRef> secret(Mapping parent, String path, String key, boolean required) {
    return f.value(parent, path, key, required).flatMap(n -> secret(n, Fields.child(path, key)));
  }

  private Optional<SecretRef> secret(YamlNode n, String path) {
    if (n instanceof Scalar s && s.kind() != Kind.NULL) {
      return pyatsForm(s, path);
    }
    if (n instanceof Mapping m) {
      return referenceMapping(m, path);
    }
    f.error(n.line(), path, "expected a secret reference; " + HOW);
    return Optional.empty();
  }

  private Optional<SecretRef> pyatsForm(Scalar s, String path) {
    String text = s.text().strip();
    Matcher env = PYATS_ENV.matcher(text);
    if (env.matches()) {
      return env(env.group(1), s.line(), path);
    }
    if (PYATS_OTHER.matcher(text).matches()) {
      String form = text.substring(0, text.indexOf('{'));
      f.error(s.line(), path, "pyATS " + form + "{} needs pyATS to resolve and is not supported; " + HOW);
      return Optional.empty();
    }
    f.error(s.line(), path, "a literal password is not allowed in a testbed; " + HOW);
    return Optional.empty();
  }

  private Optional<SecretRef> referenceMapping(Mapping m, String path) {
    f.onlyKeys(m, path, Set.of("env", "file"));
    Optional<String> env = f.string(m, path, "env", false);
    Optional<String> file = f.string(m, path, "file", false);
    if (env.isPresent() == file.isPresent()) {
      if (m.entries().keySet().stream().allMatch(k -> k.equals("env") || k.equals("file"))) {
        f.error(m.line(), path, "give exactly one of env or file");
      }
      return Optional.empty();
    }
    if (env.isPresent()) {
      return env(env.get(), m.line(), path + ".env");
    }
    Path p = Path.of(file.get());
    return Optional.of(new SecretRef.File(p.isAbsolute() ? p : baseDir.resolve(p).normalize()));
  }

  private Optional<SecretRef> env(String variable, int line, String path) {
    try {
      return Optional.of(new SecretRef.Env(variable));
    } catch (IllegalArgumentException e) {
      f.error(line, path, e.getMessage());
      return Optional.empty();
    }
  }
}
