/**
 * Run reports: one place that decides a test's {@link dev.dmvpn.reports.Verdict} ({@link dev.dmvpn.reports.Verdicts}),
 * a {@link dev.dmvpn.reports.RunRecorder} that records tests, steps and attachments (text masked for secrets), and
 * writers that keep an Allure results directory, a single-file HTML report, JUnit XML and a text summary up to date
 * as tests start and finish. {@link dev.dmvpn.reports.testng.ReportListener} drives the recorder from TestNG; see
 * {@code reports/README.md}.
 */
package dev.dmvpn.reports;
