package dev.dmvpn.ref.config;

import dev.dmvpn.ref.bytes.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/** Reading the words of one configuration line; every failure is a {@link ConfigSyntaxException}. */
final class Tokens {
  private static final String[] NONE = new String[0];

  private Tokens() {}

  /** The whitespace-separated words of {@code line}. */
  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(line.substring(start, i));
      }
    }
    return out.isEmpty() ? NONE : out.toArray(NONE);
  }

  /** True when {@code t} starts with the given words (case-insensitive, exact words). */
  static boolean startsWith(String[] t, String... words) {
    if (t.length < words.length) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (!t[i].equalsIgnoreCase(words[i])) {
        return false;
      }
    }
    return true;
  }

  /** Word {@code i}, or a syntax error naming what was expected there. */
  static String word(String[] t, int i, String what) {
    if (i >= t.length) {
      throw new ConfigSyntaxException("incomplete command: " + what + " expected");
    }
    return t[i];
  }

  /** Fails when words follow index {@code last}. */
  static void noMoreAfter(String[] t, int last) {
    if (t.length > last + 1) {
      throw new ConfigSyntaxException("unexpected '" + t[last + 1] + "' after the command");
    }
  }

  static Ipv4Address address(String[] t, int i, String what) {
    String text = word(t, i, what);
    try {
      return Ipv4Address.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigSyntaxException(what + " '" + text + "' is not an IPv4 address");
    }
  }

  /** A netmask: contiguous ones from the left (255.255.255.0). */
  static Ipv4Address mask(String[] t, int i, String what) {
    Ipv4Address m = address(t, i, what);
    if (AddressMask.prefixLength(m) < 0) {
      throw new ConfigSyntaxException(what + " " + m + " is not a contiguous netmask");
    }
    return m;
  }

  /** A wildcard (inverse) mask: contiguous ones from the right (0.0.0.255). */
  static Ipv4Address wildcard(String[] t, int i, String what) {
    Ipv4Address w = address(t, i, what);
    if (AddressMask.prefixLength(new Ipv4Address(~w.bits())) < 0) {
      throw new ConfigSyntaxException(what + " " + w + " is not a contiguous wildcard mask");
    }
    return w;
  }

  static long number(String[] t, int i, String what, long min, long max) {
    String text = word(t, i, what);
    long v;
    try {
      v = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ConfigSyntaxException(what + " '" + text + "' is not a number");
    }
    if (v < min || v > max) {
      throw new ConfigSyntaxException(what + " " + v + " is out of range " + min + "-" + max);
    }
    return v;
  }

  static int integer(String[] t, int i, String what, int min, int max) {
    return (int) number(t, i, what, min, max);
  }

  /**
   * Word {@code i}, which must be one of {@code allowed} or (as IOS accepts keyword arguments) a prefix of exactly
   * one of them; returns the allowed word.
   */
  static String oneOf(String[] t, int i, String what, String... allowed) {
    String text = word(t, i, what);
    String match = null;
    for (String a : allowed) {
      if (a.equalsIgnoreCase(text)) {
        return a;
      }
      if (a.regionMatches(true, 0, text, 0, text.length())) {
        if (match != null) {
          throw new ConfigSyntaxException(what + " '" + text + "' is ambiguous (" + match + ", " + a + ")");
        }
        match = a;
      }
    }
    if (match != null) {
      return match;
    }
    throw new ConfigSyntaxException(what + " '" + text + "' is not one of " + String.join(", ", allowed));
  }

  /** Words from {@code from} to the end joined by single spaces (descriptions). */
  static String rest(String[] t, int from) {
    return from >= t.length ? "" : String.join(" ", java.util.Arrays.asList(t).subList(from, t.length));
  }
}
