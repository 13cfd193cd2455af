package dev.dmvpn.ref.bytes;

/**
 * Internal signal used inside codecs to abandon a decode. It never leaves a public {@code decode} method:
 * codecs catch it and turn it into a {@link DecodeResult.Failure} with their layer name.
 *
 * <p>It carries no stack trace: malformed input is expected and frequent (fuzzing, damaged captures), and
 * filling stack traces would dominate the cost of rejecting a bad frame.
 */
public final class DecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public DecodeException(int offset, String message) {
    super(message, null, false, false);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }

  /** The error this exception stands for, attributed to {@code layer}. */
  public DecodeError toError(String layer) {
    return new DecodeError(layer, offset, getMessage());
  }
}
