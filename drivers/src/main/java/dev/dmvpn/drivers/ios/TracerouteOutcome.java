package dev.dmvpn.drivers.ios;

import dev.dmvpn.drivers.parse.Traceroute;
import java.time.Duration;

/** A traceroute run through a session: the command typed, the device's text, the parsed hops and the time taken. */
public record TracerouteOutcome(String command, String output, Traceroute result, Duration elapsed) {}
