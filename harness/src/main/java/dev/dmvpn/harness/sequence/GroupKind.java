package dev.dmvpn.harness.sequence;

/** How a group's matchers are checked against the frames of its window. */
public enum GroupKind {
  /** Every matcher seen, in file order; other frames may come between them. */
  ORDERED,
  /** Every matcher seen, in any order, each on frames of its own. */
  UNORDERED,
  /** No frame of the window satisfies any matcher. */
  ABSENT;

  /** The key that introduces the group in the file. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
