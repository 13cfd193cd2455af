package dev.dmvpn.drivers.parse;

import java.time.Duration;

/**
 * The stamp of a debug line: {@code service timestamps debug datetime msec} ({@code *Mar  1 02:25:37.159}) or
 * {@code service timestamps debug uptime} ({@code 05:50:48}, {@code 1d02h}).
 *
 * @param printed the stamp as printed, without the trailing colon
 * @param uptime whether it is an uptime stamp
 * @param month the month of a datetime stamp ({@code Mar}), null for uptime
 * @param day the day of month of a datetime stamp, 0 for uptime
 * @param time the time of day (datetime) or the time since boot (uptime)
 * @param unsynced whether a datetime stamp starts with {@code *} (clock not set from an authoritative source) or
 *     {@code .} (clock was set but lost its sync)
 */
public record DebugTimestamp(String printed, boolean uptime, String month, int day, Duration time, boolean unsynced) {}
