/**
 * Report formats kept up to date while a run goes on, each file replaced atomically: Allure results, the single-file
 * HTML page, JUnit XML, the text summary, and console progress.
 */
package dev.dmvpn.reports.write;
