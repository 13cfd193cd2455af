package dev.dmvpn.harness.sequence;

/**
 * One test of a matcher against one frame, as the report shows it.
 *
 * @param expected the test with variables substituted, e.g. {@code nhrp.hopCount = 254}, {@code from hub
 *     (172.16.15.2)}
 * @param observed what the frame has, e.g. {@code 255}, or {@code (missing)}
 */
public record FieldCheck(String expected, String observed, boolean ok) {}
