package dev.dmvpn.topology.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for credentials files (as OpenSSH applies to private keys): a regular file whose mode grants nothing to
 * group or others (0600 or 0400). A file others can read has already leaked its secret.
 */
public final class CredentialFiles {
  private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private CredentialFiles() {}

  /** Why the file may not be used, or empty when it may. */
  public static Optional<String> problem(Path file) {
    if (!Files.exists(file)) {
      return Optional.of("credentials file " + file + " does not exist");
    }
    if (!Files.isRegularFile(file)) {
      return Optional.of("credentials file " + file + " is not a regular file");
    }
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return Optional.of("credentials file " + file + " is on a file system without POSIX permissions; "
          + "its access cannot be checked");
    }
    try {
      Set<PosixFilePermission> perms = view.readAttributes().permissions();
      Set<PosixFilePermission> extra = EnumSet.noneOf(PosixFilePermission.class);
      extra.addAll(perms);
      extra.retainAll(GROUP_OR_OTHER);
      if (!extra.isEmpty()) {
        return Optional.of("credentials file " + file + " has mode " + PosixFilePermissions.toString(perms)
            + " (" + octal(perms) + "); it must be readable by its owner only: chmod 600 " + file);
      }
      if (!Files.isReadable(file)) {
        return Optional.of("credentials file " + file + " is not readable by this user");
      }
    } catch (IOException e) {
      return Optional.of("credentials file " + file + " cannot be checked: " + e.getMessage());
    }
    return Optional.empty();
  }

  /** The mode as chmod writes it, e.g. {@code 0644}. */
  static String octal(Set<PosixFilePermission> perms) {
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return String.format("%04o", mode);
  }
}
