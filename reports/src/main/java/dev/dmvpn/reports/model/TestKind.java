package dev.dmvpn.reports.model;

/** What a recorded entry is: a test, or a setup / teardown (TestNG configuration method) around tests. */
public enum TestKind {
  TEST,
  SETUP,
  TEARDOWN
}
