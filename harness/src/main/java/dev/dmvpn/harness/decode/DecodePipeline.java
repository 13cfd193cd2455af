package dev.dmvpn.harness.decode;

import dev.dmvpn.harness.json.JsonBytes;
import dev.dmvpn.ref.capture.CaptureReader;
import dev.dmvpn.ref.capture.CapturedFrame;
import dev.dmvpn.ref.capture.FrameDecoder;
import dev.dmvpn.ref.capture.FrameDecryptor;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Capture frames to JSON Lines, in capture order. The reading thread cuts the capture into batches; without keys
 * each batch is decoded and formatted on a worker thread into its own byte buffer (frames are independent), and the
 * reading thread writes the finished buffers in order, with a bounded number in flight. With keys the decryptor
 * carries state from frame to frame (IKE IVs, SAs learnt), so everything runs on the reading thread, in order.
 * Buffers are reused; no String is built per frame.
 */
public final class DecodePipeline {
  /** Frames per batch: large enough that hand-offs cost nothing, small enough to keep memory flat (~1 MB). */
  static final int BATCH = 1024;

  private final int workers;

  /** @param workers decoding threads; 1 decodes on the calling thread */
  public DecodePipeline(int workers) {
    this.workers = Math.max(1, workers);
  }

  /** Threads to use on this machine: one per core. */
  public static int defaultWorkers() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Writes one JSON line per frame until the capture ends or the sink closes; returns the frames written.
   *
   * @param decryptor may be null; when given, decoding is sequential
   */
  public long run(CaptureReader reader, JsonLinesSink sink, FrameDecryptor decryptor) throws IOException {
    return decryptor != null || workers == 1
        ? sequential(reader, sink, decryptor)
        : parallel(reader, sink);
  }

  private static long sequential(CaptureReader reader, JsonLinesSink sink, FrameDecryptor decryptor)
      throws IOException {
    JsonBytes out = new JsonBytes(BATCH * 1024);
    long number = 0;
    CapturedFrame frame;
    while ((frame = reader.next()) != null) {
      FrameJson.write(FrameDecoder.decode(++number, frame, decryptor), out);
      out.newline();
      if (number % BATCH == 0) {
        sink.write(out.array(), 0, out.length());
        out.reset();
        if (sink.closed()) {
          return number; // stdout closed (e.g. piped into head): stop reading
        }
      }
    }
    sink.write(out.array(), 0, out.length());
    sink.flush();
    return number;
  }

  private long parallel(CaptureReader reader, JsonLinesSink sink) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "decode-worker");
      t.setDaemon(true);
      return t;
    });
    ConcurrentLinkedQueue<JsonBytes> free = new ConcurrentLinkedQueue<>();
    ArrayDeque<Future<JsonBytes>> inFlight = new ArrayDeque<>();
    long number = 0;
    try {
      while (!sink.closed()) {
        List<CapturedFrame> batch = new ArrayList<>(BATCH);
        CapturedFrame frame;
        while (batch.size() < BATCH && (frame = reader.next()) != null) {
          batch.add(frame);
        }
        if (batch.isEmpty()) {
          break;
        }
        long first = number + 1;
        number += batch.size();
        JsonBytes buffer = free.poll();
        JsonBytes out = buffer != null ? buffer : new JsonBytes(BATCH * 1024);
        inFlight.add(pool.submit(() -> format(batch, first, out)));
        while (inFlight.size() >= 2 * workers) {
          writeNext(inFlight, sink, free);
        }
      }
      while (!inFlight.isEmpty()) {
        writeNext(inFlight, sink, free);
      }
      sink.flush();
      return number;
    } finally {
      pool.shutdownNow();
    }
  }

  private static JsonBytes format(List<CapturedFrame> batch, long first, JsonBytes out) {
    out.reset();
    for (int i = 0; i < batch.size(); i++) {
      FrameJson.write(FrameDecoder.decode(first + i, batch.get(i)), out);
      out.newline();
    }
    return out;
  }

  private static void writeNext(ArrayDeque<Future<JsonBytes>> inFlight, JsonLinesSink sink,
      ConcurrentLinkedQueue<JsonBytes> free) {
    JsonBytes done;
    try {
      done = inFlight.poll().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while decoding", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("decoding failed: " + e.getCause(), e.getCause());
    }
    sink.write(done.array(), 0, done.length());
    free.offer(done);
  }
}
