/**
 * Device debug lines next to captured frames: "router said X" beside "wire carried Y" (issue 10). {@link
 * dev.dmvpn.harness.correlate.DebugRules} say, as data, which debug lines describe a frame and which fields that
 * frame must have; {@link dev.dmvpn.harness.correlate.Correlator} estimates each router's clock offset from the
 * capture clock from unambiguous pairs, then pairs the rest within a window; {@link
 * dev.dmvpn.harness.correlate.Correlation} is the record suites assert on and prints the table for the report.
 */
package dev.dmvpn.harness.correlate;
