package dev.dmvpn.ref.ipsec;

/**
 * The receiver's anti-replay window (RFC 4303 section 3.4.3): the highest sequence number seen and a 64-bit
 * bitmap of the 64 numbers up to it. {@link #check} is done before the ICV check (cheap rejection), {@link #update}
 * only after the packet authenticated, so forged packets cannot move the window. NOT thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4303#section-3.4.3">RFC 4303 section 3.4.3</a>
 */
public final class ReplayWindow {
  /** Window size in packets. */
  public static final int SIZE = 64;

  private long highest; // 0 = nothing received yet (sequence numbers start at 1)
  private long bitmap; // bit i set = (highest - i) was received

  /** True when {@code seq} is new and not left of the window. Sequence number 0 is never valid. */
  public boolean check(long seq) {
    if (seq == 0) {
      return false;
    }
    if (seq > highest) {
      return true;
    }
    long offset = highest - seq;
    return offset < SIZE && (bitmap & (1L << offset)) == 0;
  }

  /** Marks {@code seq} as received; call only after {@link #check} passed and the packet authenticated. */
  public void update(long seq) {
    if (seq > highest) {
      long shift = seq - highest;
      bitmap = shift >= SIZE ? 1L : (bitmap << shift) | 1L;
      highest = seq;
    } else {
      bitmap |= 1L << (highest - seq);
    }
  }

  /** The highest authenticated sequence number so far (0 before the first packet). */
  public long highest() {
    return highest;
  }
}
