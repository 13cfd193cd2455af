/** Allure results, single-file HTML, JUnit XML and the certification table. Not built yet. */
package dev.dmvpn.reports;
