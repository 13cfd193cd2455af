package dev.dmvpn.drivers.parse;

import java.util.List;

/**
 * One top-level part of a {@code show running-config}: a global line alone, or a block (its head and the lines
 * indented under it).
 *
 * @param kind what the head says it is
 * @param head the unindented line ({@code interface Tunnel0}, {@code hostname sv9-4})
 * @param lines the lines under the head in order, with the block's one-blank indentation removed (deeper lines keep
 *     their extra blanks: {@code " address 0.0.0.0 0.0.0.0"} under {@code peer ANY}); {@code !} lines left out; a
 *     banner's text lines as printed
 * @param lineNumber the head's line in the parsed text
 */
public record ConfigSection(Kind kind, String head, List<String> lines, int lineNumber) {
  public ConfigSection {
    lines = List.copyOf(lines);
  }

  /** What a section is, from its head's first word and whether lines sit under it. */
  public enum Kind {
    /** A line with nothing under it ({@code hostname X}, {@code crypto isakmp key ...}, {@code ip route ...}). */
    GLOBAL,
    INTERFACE,
    ROUTER,
    /** A {@code crypto ...} head with lines under it (policy, transform set, profile, map, keyring). */
    CRYPTO,
    /** {@code line con 0}, {@code line vty 0 4}. */
    LINE,
    /** {@code banner motd ^C ... ^C}: the text between the delimiters. */
    BANNER,
    /** Any other head with lines under it ({@code control-plane}, {@code vrf definition X}, {@code route-map}). */
    OTHER_BLOCK
  }

  public boolean isBlock() {
    return kind != Kind.GLOBAL;
  }
}
