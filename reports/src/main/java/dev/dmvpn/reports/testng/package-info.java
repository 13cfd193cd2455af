/** TestNG integration: {@link dev.dmvpn.reports.testng.ReportListener} drives a recorder from a TestNG run. */
package dev.dmvpn.reports.testng;
