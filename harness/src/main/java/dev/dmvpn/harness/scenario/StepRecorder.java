package dev.dmvpn.harness.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs named phases, times them, keeps their results and tells the listeners. */
public final class StepRecorder {
  /** A phase's body: may throw anything; the recorder records and rethrows. */
  @FunctionalInterface
  public interface Body<T> {
    T run() throws Exception;
  }

  /** A phase without a value. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  private final List<ScenarioListener> listeners = new CopyOnWriteArrayList<>();
  private final List<StepResult> results = new CopyOnWriteArrayList<>();

  public void addListener(ScenarioListener l) {
    listeners.add(l);
  }

  public List<ScenarioListener> listeners() {
    return List.copyOf(listeners);
  }

  public <T> T step(String name, Body<T> body) throws ScenarioException {
    listeners.forEach(l -> l.stepStarted(name));
    long t0 = System.nanoTime();
    try {
      T value = wrapped(name, body).run();
      finish(new StepResult(name, Duration.ofNanos(System.nanoTime() - t0), Optional.empty()));
      return value;
    } catch (Exception | AssertionError e) {
      finish(new StepResult(name, Duration.ofNanos(System.nanoTime() - t0), Optional.of(describe(e))));
      throw new ScenarioException(name + ": " + describe(e), e);
    }
  }

  public void step(String name, Action action) throws ScenarioException {
    step(name, () -> {
      action.run();
      return null;
    });
  }

  /** The body inside every listener's {@link ScenarioListener#around}, the first listener outermost. */
  private <T> Body<T> wrapped(String name, Body<T> body) {
    Body<T> b = body;
    List<ScenarioListener> ls = listeners();
    for (int i = ls.size() - 1; i >= 0; i--) {
      ScenarioListener l = ls.get(i);
      Body<T> inner = b;
      b = () -> l.around(name, inner);
    }
    return b;
  }

  /** Tells the listeners the rack is up. */
  void rackStarted(dev.dmvpn.harness.scenario.rack.RackUnderTest rack) {
    listeners.forEach(l -> l.rackStarted(rack));
  }

  /** Every phase so far, in order. */
  public List<StepResult> results() {
    return new ArrayList<>(results);
  }

  void artifact(String kind, String device, java.nio.file.Path file) {
    listeners.forEach(l -> l.artifact(kind, device, file));
  }

  private void finish(StepResult r) {
    results.add(r);
    listeners.forEach(l -> l.stepFinished(r));
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
