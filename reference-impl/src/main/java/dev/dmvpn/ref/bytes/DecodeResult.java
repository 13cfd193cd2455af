package dev.dmvpn.ref.bytes;

import java.util.function.Function;

/**
 * The outcome of decoding one protocol unit: either a value or a {@link DecodeError}. Decoders return this
 * instead of throwing so that one bad frame never stops a capture from being read.
 */
public sealed interface DecodeResult<T> {

  static <T> DecodeResult<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> DecodeResult<T> failure(DecodeError error) {
    return new Failure<>(error);
  }

  static <T> DecodeResult<T> failure(String layer, int offset, String message) {
    return new Failure<>(new DecodeError(layer, offset, message));
  }

  /**
   * Runs a codec's reading code so that nothing escapes: a {@link DecodeException} becomes a failure of
   * {@code layer}, any other runtime exception (a codec bug) a failure marked "internal:" at the reader's offset.
   * The one place the codecs' "decode never throws" promise is kept.
   */
  static <T> DecodeResult<T> guard(String layer, ByteReader r, java.util.function.Supplier<T> read) {
    try {
      return ok(read.get());
    } catch (DecodeException e) {
      return failure(e.toError(layer));
    } catch (RuntimeException e) {
      return failure(layer, r.offset(), "internal: " + e);
    }
  }

  /** True when a value was decoded. */
  boolean isOk();

  /** The decoded value; throws {@link IllegalStateException} on a failure (a programming error). */
  T value();

  /** The error; throws {@link IllegalStateException} on success. */
  DecodeError error();

  /** The value, or {@code null} on failure. */
  default T orNull() {
    return isOk() ? value() : null;
  }

  default <U> DecodeResult<U> map(Function<? super T, ? extends U> f) {
    return isOk() ? ok(f.apply(value())) : failure(error());
  }

  record Ok<T>(T value) implements DecodeResult<T> {
    @Override
    public boolean isOk() {
      return true;
    }

    @Override
    public DecodeError error() {
      throw new IllegalStateException("decode succeeded; there is no error");
    }
  }

  record Failure<T>(DecodeError error) implements DecodeResult<T> {
    @Override
    public boolean isOk() {
      return false;
    }

    @Override
    public T value() {
      throw new IllegalStateException("decode failed: " + error);
    }
  }
}
