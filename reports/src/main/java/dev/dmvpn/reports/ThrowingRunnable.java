package dev.dmvpn.reports;

/** A step's body; may throw anything, which the step records and rethrows unchanged. */
@FunctionalInterface
public interface ThrowingRunnable {
  void run() throws Exception;
}
