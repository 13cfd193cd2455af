package dev.dmvpn.reports;

/** Rethrows a checked exception unchanged, so {@code step(...)} needs no {@code throws} clause at its call sites. */
final class Sneaky {
  private Sneaky() {}

  @SuppressWarnings("unchecked")
  static <E extends Throwable> RuntimeException rethrow(Throwable t) throws E {
    throw (E) t;
  }
}
