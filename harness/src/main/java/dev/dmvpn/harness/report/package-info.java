/**
 * The scenario lifecycle wired into the reports module: {@link dev.dmvpn.harness.report.RunReport} (one run's
 * recorder, labels and secret mask, as {@code run} and {@code demo} make it) and
 * {@link dev.dmvpn.harness.report.ReportScenarioListener} (phases as report steps, artifacts as attachments).
 */
package dev.dmvpn.harness.report;
