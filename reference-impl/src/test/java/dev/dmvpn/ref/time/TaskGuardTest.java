package dev.dmvpn.ref.time;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/** {@link TaskGuard}: which failures reach the handler and which still propagate. */
public class TaskGuardTest {
  @Test
  public void exceptionsGoToTheHandlerErrorsPropagate() {
    List<Throwable> seen = new ArrayList<>();
    IllegalStateException boom = new IllegalStateException("boom");
    TaskGuard.runCatchingExceptions(() -> {
      throw boom;
    }, seen::add);
    assertEquals(seen.size(), 1);
    assertSame(seen.get(0), boom);
    assertThrows(AssertionError.class, () -> TaskGuard.runCatchingExceptions(() -> {
      throw new AssertionError("a test's assertion inside a task");
    }, seen::add));
    assertEquals(seen.size(), 1, "the Error was not handed over");
  }

  @Test
  public void catchingAllHandsOverErrorsToo() {
    List<Throwable> seen = new ArrayList<>();
    AssertionError error = new AssertionError("x");
    Runnable guarded = TaskGuard.catchingAll(() -> {
      throw error;
    }, seen::add);
    guarded.run();
    assertEquals(seen, List.of(error));
    int[] ran = new int[1];
    TaskGuard.catchingAll(() -> ran[0]++, seen::add).run();
    assertEquals(ran[0], 1);
    assertEquals(seen.size(), 1, "a task that returns normally reports nothing");
  }
}
