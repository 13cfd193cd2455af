package dev.dmvpn.ref.wire;

import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.LinkType;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A raw link-layer port on a network interface: whole frames out, whole frames in, no protocol parsing.
 * Received frames are {@link CapturedFrame}s (interface index 0, the port's link type, capture time, original
 * length, captured bytes) so the same decoders read live traffic and capture files.
 *
 * <p>Frames arrive on a background thread. Until {@link #onReceive} installs a listener they are queued
 * (bounded; overflow is counted in {@link #droppedFrames()}) for {@link #receive}.
 */
public interface NicPort extends AutoCloseable {

  /** The interface name, e.g. {@code eth1}. */
  String name();

  /** Link-layer type of the frames this port sends and receives (usually Ethernet). */
  LinkType linkType();

  /**
   * Injects one complete link-layer frame (for Ethernet: from the destination MAC, without the FCS).
   *
   * @throws UncheckedIOException when the interface refuses the frame or the port is closed
   */
  void send(byte[] frame);

  /**
   * Delivers every later frame to {@code listener}, on the receive thread (keep it short). {@code null}
   * returns to queueing. Frames already queued stay for {@link #receive}.
   */
  void onReceive(Consumer<CapturedFrame> listener);

  /** The next queued frame, waiting up to {@code timeout}; null when none arrived in time. */
  CapturedFrame receive(Duration timeout) throws InterruptedException;

  /** Frames lost because the queue was full (or the listener threw). */
  long droppedFrames();

  /** Stops the receive thread and releases the interface. Idempotent. */
  @Override
  void close();
}
