package dev.dmvpn.drivers.ios;

import java.time.Duration;

/** A save: the command used, whether the device said {@code [OK]}, and its output. */
public record SaveResult(String command, boolean ok, String output, Duration elapsed) {}
