package dev.dmvpn.topology;

import java.util.Locale;
import java.util.Optional;

/** A device's operating system as pyATS names it in {@code os:}. */
public enum OsType {
  /** Cisco IOS (12.3 on the document's routers). */
  IOS,
  /** A Linux box, e.g. the WAN router the document omits or a capture host. */
  LINUX;

  public static Optional<OsType> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "ios" -> Optional.of(IOS);
      case "linux" -> Optional.of(LINUX);
      default -> Optional.empty();
    };
  }

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
