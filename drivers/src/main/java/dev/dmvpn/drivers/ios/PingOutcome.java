package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.parse.PingResult;
import java.time.Duration;

/** A ping run through a session: the command typed, the device's text, the parsed result and the time taken. */
public record PingOutcome(String command, String output, PingResult result, Duration elapsed) {}
