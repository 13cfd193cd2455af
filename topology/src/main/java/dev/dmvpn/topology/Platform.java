package dev.dmvpn.topology;

import java.util.Locale;
import java.util.Optional;

/** The router models the harness targets (the document's 2691 and 3725). */
public enum Platform {
  C2691("2691"),
  C3725("3725");

  private final String model;

  Platform(String model) {
    this.model = model;
  }

  public String model() {
    return model;
  }

  /** Accepts {@code 2691}, {@code c2691}, {@code C3725} (pyATS writes lower case with the {@code c}). */
  public static Optional<Platform> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("c")) {
      t = t.substring(1);
    }
    for (Platform p : values()) {
      if (p.model.equals(t)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "c" + model;
  }
}
