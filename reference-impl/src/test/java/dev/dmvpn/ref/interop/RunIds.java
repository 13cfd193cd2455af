package dev.dmvpn.ref.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Per-run 4-hex-digit suffixes for namespace and interface names, so parallel runs and the leftovers of a crashed
 * run never collide. A candidate is rejected when any namespace or interface already carries it.
 */
public final class RunIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  public static String next() {
    for (int attempt = 0; attempt < 100; attempt++) {
      String id = String.format("%04x", RANDOM.nextInt(0x10000));
      if (!inUse(id)) {
        return id;
      }
    }
    throw new IllegalStateException("no free run id after 100 attempts: clean up /run/netns");
  }

  private static boolean inUse(String id) {
    return containsSuffix(Path.of("/run/netns"), id) || containsSuffix(Path.of("/sys/class/net"), id);
  }

  private static boolean containsSuffix(Path dir, String id) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (var names = Files.list(dir)) {
      return names.anyMatch(p -> p.getFileName().toString().endsWith(id));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
