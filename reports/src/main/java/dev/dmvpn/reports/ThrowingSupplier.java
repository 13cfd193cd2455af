package dev.dmvpn.reports;

/** A step's body that returns a value; may throw anything, which the step records and rethrows unchanged. */
@FunctionalInterface
public interface ThrowingSupplier<T> {
  T get() throws Exception;
}
