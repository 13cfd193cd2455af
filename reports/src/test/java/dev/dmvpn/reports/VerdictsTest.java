package dev.dmvpn.reports;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import io.qameta.allure.model.Status;
import java.io.IOException;
import java.util.List;
import org.testng.ITestResult;
import org.testng.SkipException;
import org.testng.annotations.Test;

/** The verdict rules of {@link Verdicts}, throwable by throwable, and each mapping. */
public class VerdictsTest {
  @Test
  public void fromThrowables() {
    assertEquals(Verdicts.of((Throwable) null), Verdict.PASSED);
    assertEquals(Verdicts.of(new AssertionError("x")), Verdict.FAILED);
    assertEquals(Verdicts.of(new IOException("vty")), Verdict.ERRORED);
    assertEquals(Verdicts.of(new IllegalStateException()), Verdict.ERRORED);
    assertEquals(Verdicts.of(new OutOfMemoryError()), Verdict.ERRORED);
    assertEquals(Verdicts.of(new BlockedException("hub down")), Verdict.BLOCKED);
    assertEquals(Verdicts.of(new SkipException("n/a")), Verdict.SKIPPED);
  }

  /** The device never reached the awaited state: FAILED (test sources hold a class of Awaitility's name). */
  @Test
  public void awaitilityTimeoutIsADeviceFailure() {
    assertEquals(Verdicts.of(new org.awaitility.core.ConditionTimeoutException("NHRP cache never had 2.2.2.2")),
        Verdict.FAILED);
  }

  @Test
  public void skipsBlockedOnlyWithACause() {
    assertEquals(Verdicts.ofSkip(new SkipException("n/a"), List.of()), Verdict.SKIPPED);
    assertEquals(Verdicts.ofSkip(new BlockedException("b"), List.of()), Verdict.BLOCKED);
    assertEquals(Verdicts.ofSkip(null, List.of()), Verdict.SKIPPED);
  }

  @Test
  public void mappings() {
    assertEquals(List.of(Verdict.values()).stream().map(Verdicts::allureStatus).toList(),
        List.of(Status.PASSED, Status.FAILED, Status.BROKEN, Status.SKIPPED, Status.SKIPPED));
    assertEquals(List.of(Verdict.values()).stream().map(Verdicts::testngStatus).toList(),
        List.of(ITestResult.SUCCESS, ITestResult.FAILURE, ITestResult.FAILURE, ITestResult.SKIP, ITestResult.SKIP));
    assertNull(Verdicts.junitElement(Verdict.PASSED));
    assertEquals(List.of(Verdict.FAILED, Verdict.ERRORED, Verdict.BLOCKED, Verdict.SKIPPED).stream()
        .map(Verdicts::junitElement).toList(), List.of("failure", "error", "skipped", "skipped"));
  }
}
