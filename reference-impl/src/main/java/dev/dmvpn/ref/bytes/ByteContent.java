package dev.dmvpn.ref.bytes;

import java.util.Arrays;
import java.util.Objects;

/**
 * Equality by content for wire records that hold {@code byte[]} components: a record's {@code equals} compares its
 * components with {@link #equal}, so byte arrays compare by their bytes (not by identity, the record default) and
 * {@code decode(vector).equals(expected)} can be written in tests. Lists of records compare through the records'
 * own {@code equals}.
 */
public final class ByteContent {
  private ByteContent() {}

  /** Component-wise equality; {@code byte[]} by content, anything else by {@link Objects#equals}. */
  public static boolean equal(Object[] a, Object[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] instanceof byte[] x && b[i] instanceof byte[] y) {
        if (!Arrays.equals(x, y)) {
          return false;
        }
      } else if (!Objects.equals(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }

  /** A hash consistent with {@link #equal}. */
  public static int hash(Object[] parts) {
    int h = 1;
    for (Object p : parts) {
      h = 31 * h + (p instanceof byte[] b ? Arrays.hashCode(b) : Objects.hashCode(p));
    }
    return h;
  }
}
