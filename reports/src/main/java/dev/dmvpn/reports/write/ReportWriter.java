package dev.dmvpn.reports.write;

import dev.dmvpn.reports.model.AttachmentRecord;
import dev.dmvpn.reports.model.RunRecord;
import dev.dmvpn.reports.model.TestRecord;
import java.io.IOException;

/**
 * Keeps one report format up to date. The recorder calls it under its lock, in this order for a test: started
 * ({@link #testChanged} then {@link #runChanged}), attachments, finished (the same two calls). Every file must be
 * replaced atomically ({@link AtomicFiles}) so that a reader, or a run killed at any instant, never sees half a file.
 */
public interface ReportWriter {
  /** The whole run changed (run started or finished, a test started or finished). */
  void runChanged(RunRecord run) throws IOException;

  /** One entry started or finished. */
  default void testChanged(RunRecord run, TestRecord test) throws IOException {}

  /** An attachment was added to a running entry (its content is final: text already masked). */
  default void attachmentAdded(TestRecord test, AttachmentRecord attachment) throws IOException {}
}
