package dev.dmvpn.ref.capture;

import dev.dmvpn.ref.bytes.DecodeError;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A streaming, single-pass reader of the frames of one capture file (open one with {@link
 * CaptureFiles#open}).
 *
 * <p>Damage inside the file does not throw: {@link #next()} returns every frame before the damage, then
 * {@code null}, and {@link #trailingError()} says what was wrong and where (layer {@code "pcap"} or {@code
 * "pcapng"}, offset = byte offset in the FILE of the bad record). {@link IOException} is for real I/O failures
 * only.
 *
 * <p>Iteration ({@code for (CapturedFrame f : reader)}) consumes the same stream as {@link #next()} and wraps
 * I/O errors in {@link UncheckedIOException}.
 */
public interface CaptureReader extends Closeable, Iterable<CapturedFrame> {

  /** The next frame, or {@code null} at the end of the file or at the first damaged record. */
  CapturedFrame next() throws IOException;

  /** Why reading stopped before the end of the file, if it did; empty after a clean end (or while reading). */
  Optional<DecodeError> trailingError();

  CaptureFormat format();

  /** Interfaces described so far (all of them once the file is read to the end). Unmodifiable view. */
  List<CaptureInterface> interfaces();

  /** File offset of the next record to read; after a trailing error, the offset of the bad record. */
  long position();

  /** Number of frames returned so far. */
  long framesRead();

  /** What the reader reads from, for messages (usually the file path). */
  String sourceName();

  /** A single-pass iterator over the remaining frames. */
  @Override
  default Iterator<CapturedFrame> iterator() {
    return new Iterator<>() {
      private CapturedFrame ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          try {
            ahead = CaptureReader.this.next();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return ahead != null;
      }

      @Override
      public CapturedFrame next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        CapturedFrame f = ahead;
        ahead = null;
        return f;
      }
    };
  }
}
