package dev.dmvpn.virtualrack.rack;

import dev.dmvpn.virtualrack.router.EmulatedRouter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * A rack's NVRAM on disk ({@code lab up --state-dir DIR}): router {@code R}'s startup configuration is the file
 * {@code DIR/R-confg} (IOS's own name for it on a TFTP server), written on every {@code write memory} / {@code copy
 * running-config startup-config} and read at the next start, so configurations survive {@code reload} (in memory)
 * and a restart of the rack (on disk). {@code erase startup-config} leaves an empty file: the router then starts
 * blank (the setup dialog), not from the default configuration. Writes go to a temporary file and are moved into
 * place, so a crash never leaves half a configuration.
 */
public final class StartupStore {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private final Path dir;
  private final java.util.List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

  private StartupStore(Path dir) {
    this.dir = dir;
  }

  /** The store in {@code dir}, created when missing; an error names the folder. */
  public static StartupStore open(Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("state folder " + dir + ": cannot create it: " + e.getMessage(), e);
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new IOException("state folder " + dir + " is not a writable directory");
    }
    return new StartupStore(dir);
  }

  /** Where {@code router}'s startup configuration is kept. */
  public Path file(String router) {
    if (!SAFE_NAME.matcher(router).matches()) {
      throw new IllegalArgumentException("router name '" + router + "' cannot name a file in " + dir);
    }
    return dir.resolve(router + "-confg");
  }

  /**
   * The startup configuration saved for {@code router}: {@code fallback} when nothing was ever saved here, {@code
   * null} (blank router) after {@code erase startup-config}, else the saved text.
   */
  public String startup(String router, String fallback) throws IOException {
    Path f = file(router);
    if (!Files.exists(f)) {
      return fallback;
    }
    String text = Files.readString(f, StandardCharsets.UTF_8);
    return text.isBlank() ? null : text;
  }

  /** Keeps {@code router}'s NVRAM writes in the store from now on. */
  public void persist(String name, EmulatedRouter router) {
    router.addStartupListener(text -> write(name, text));
  }

  private void write(String router, String text) {
    Path f = file(router);
    try {
      Path tmp = Files.createTempFile(dir, router, ".tmp");
      Files.writeString(tmp, text == null ? "" : text, StandardCharsets.UTF_8);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) { // the router's own NVRAM holds the text; the failure is kept for the operator
      errors.add("cannot write " + router + "'s startup configuration to " + f + ": " + e);
    }
  }

  /** Writes that failed (the router kept the configuration in memory). */
  public java.util.List<String> errors() {
    return java.util.List.copyOf(errors);
  }
}
