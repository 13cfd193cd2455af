/**
 * TestNG suites named by behaviour, run by {@code dmvpn-harness run/demo} (found through {@link
 * dev.dmvpn.suites.Suites}) and by surefire. Today: the document's scenario ({@code document}). Negatives, timers,
 * resilience and the reference peer in the loop come next (issue 10).
 */
package dev.dmvpn.suites;
