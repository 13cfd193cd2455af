package dev.dmvpn.ref.capture;

import dev.dmvpn.ref.bytes.DecodeError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What both file readers share: the input window, the frame count and the sticky trailing error. */
abstract class AbstractCaptureReader implements CaptureReader {
  protected final ChannelInput in;
  protected final List<CaptureInterface> interfaces = new ArrayList<>();
  private final String sourceName;
  private final String layer;
  private long framesRead;
  private boolean finished;
  private DecodeError trailingError;

  AbstractCaptureReader(ChannelInput in, String sourceName, String layer) {
    this.in = in;
    this.sourceName = sourceName;
    this.layer = layer;
  }

  /** Reads the next frame; returns null at a clean end or after calling {@link #fail}. */
  protected abstract CapturedFrame readFrame() throws IOException;

  @Override
  public final CapturedFrame next() throws IOException {
    if (finished) {
      return null;
    }
    CapturedFrame f;
    try {
      f = readFrame();
    } catch (RuntimeException e) {
      // a bug must not escape as anything but a report on this file
      f = fail(position(), "internal: " + e);
    }
    if (f == null) {
      finished = true;
    } else {
      framesRead++;
    }
    return f;
  }

  /**
   * Records why reading stops at {@code fileOffset} and returns null (for {@code return fail(...)}). The
   * message gets the exact offset appended when it does not fit DecodeError's int offset (files over 2 GiB).
   */
  protected final CapturedFrame fail(long fileOffset, String message) {
    int offset = (int) Math.min(fileOffset, Integer.MAX_VALUE);
    String text = message + " (after " + framesRead + " frames";
    text += fileOffset > Integer.MAX_VALUE ? ", file offset " + fileOffset + ")" : ")";
    trailingError = new DecodeError(layer, offset, text);
    finished = true;
    return null;
  }

  @Override
  public final Optional<DecodeError> trailingError() {
    return Optional.ofNullable(trailingError);
  }

  @Override
  public final List<CaptureInterface> interfaces() {
    return Collections.unmodifiableList(interfaces);
  }

  @Override
  public long position() {
    return in.offset();
  }

  @Override
  public final long framesRead() {
    return framesRead;
  }

  @Override
  public final String sourceName() {
    return sourceName;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  @Override
  public String toString() {
    return format() + " reader of " + sourceName + " at offset " + position();
  }
}
