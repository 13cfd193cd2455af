package dev.dmvpn.drivers.parse;

/**
 * One debug message, its continuation lines joined with a blank.
 *
 * @param line the 1-based line of its stamp in the parsed text
 * @param timestamp the stamp
 * @param facility {@code NHRP}, {@code ISAKMP}, {@code IPSEC}, ...; a stamped line without a tag (the seed's
 *     {@code src: 192.168.1.3, dst: 192.168.1.1} after {@code NHRP: Send Resolution Request}) takes the facility of
 *     the event before it; null when no event came before
 * @param context the parenthesised part after the facility ({@code 0:12} of {@code ISAKMP (0:12):},
 *     {@code validate_proposal_request} of {@code IPSEC(validate_proposal_request):}), or null
 * @param message the text after the tag, continuation lines appended
 */
public record DebugEvent(int line, DebugTimestamp timestamp, String facility, String context, String message) {}
